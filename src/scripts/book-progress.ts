/**
 * Fills every `[data-progress]` element (sidebar entries, the chapter's progress line) with how
 * many of its exercises (or, with `data-progress-noun="self-checks"`, self-checks) are done: answered correctly or self-assessed, against the exercise's
 * current version (`id:hash-prefix` tokens). Updates when work changes in this tab or another.
 */
import { workStore } from './work-store.ts';

function update(): void {
  const store = workStore();
  for (const element of document.querySelectorAll<HTMLElement>('[data-progress]')) {
    const tokens = (element.dataset.progress ?? '').split(' ').filter(Boolean);
    const done = tokens.filter((token) => {
      const [id = '', hash = ''] = token.split(':');
      const work = store.get(id);
      // Tokens carry a prefix of the exercise's current hash: a different one means an earlier version.
      return !!work && work.hash.startsWith(hash) && hash !== '' && (work.status === 'correct' || work.status === 'self-assessed');
    }).length;
    // "exercises" by default; the chapter's self-check line says "self-checks".
    const text = `${done} of ${tokens.length} ${element.dataset.progressNoun ?? 'exercises'} done`;
    if (element.dataset.progressShort !== undefined) {
      // Sidebar: "3/8" on screen, the sentence for screen readers.
      const visible = document.createElement('span');
      visible.setAttribute('aria-hidden', 'true');
      visible.textContent = `${done}/${tokens.length}`;
      const spoken = document.createElement('span');
      spoken.className = 'visually-hidden';
      spoken.textContent = `, ${text}`;
      element.replaceChildren(visible, spoken);
    } else element.textContent = text;
    element.hidden = false;
    element.dataset.complete = String(done === tokens.length);
  }
}

update();
workStore().subscribe(update);
