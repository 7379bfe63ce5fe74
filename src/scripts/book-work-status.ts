/** My work page: each exercise's saved status in words, kept current as work changes. */
import { isStale } from '../lib/exercises/storage.ts';
import { workStore } from './work-store.ts';

const words = { 'in-progress': 'in progress', correct: 'correct', partial: 'partly right', incorrect: 'not right yet', 'self-assessed': 'self-assessed' } as const;

function update(): void {
  const store = workStore();
  for (const item of document.querySelectorAll<HTMLElement>('[data-work-item]')) {
    const status = item.querySelector<HTMLElement>('.work-item-status');
    if (!status) continue;
    const work = store.get(item.dataset.id ?? '');
    status.textContent = !work ? ' (not started)' : isStale(work, item.dataset.hash ?? '') ? ' (answered an earlier version)' : ` (${words[work.status]})`;
    status.dataset.status = work?.status ?? 'none';
  }
}

update();
workStore().subscribe(update);
