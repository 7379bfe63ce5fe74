/**
 * Fills every `[data-progress]` element (sidebar entries, the chapter's progress line) with how
 * many of its exercises are done: answered correctly or self-assessed, against the exercise's
 * current version (`id:hash` tokens). Updates when work changes in this tab or another.
 */
import { isStale } from '../lib/exercises/storage.ts';
import { workStore } from './work-store.ts';

function update(): void {
  const store = workStore();
  for (const element of document.querySelectorAll<HTMLElement>('[data-progress]')) {
    const tokens = (element.dataset.progress ?? '').split(' ').filter(Boolean);
    const done = tokens.filter((token) => {
      const [id = '', hash = ''] = token.split(':');
      const work = store.get(id);
      return !!work && !isStale(work, hash) && (work.status === 'correct' || work.status === 'self-assessed');
    }).length;
    const text = `${done} of ${tokens.length} exercises done`;
    const short = element.dataset.progressShort !== undefined;
    element.textContent = short ? `${done}/${tokens.length}` : text;
    if (short) element.setAttribute('aria-label', text);
    element.hidden = false;
    element.dataset.complete = String(done === tokens.length);
  }
}

update();
workStore().subscribe(update);
