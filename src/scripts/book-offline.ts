/**
 * <book-offline>: the "Save the book for offline reading" control (src/components/OfflineSave.astro).
 * Shown only where a service worker can run. Says whether the book is already saved: the worker
 * writes a summary, with the sentence to show, into its cache when the whole book is in it, so the
 * control reads the truth (cleared site data clears both) without any formatting code of its own.
 * The saving code, offline-save.ts, loads from `data-module` when the button is pressed: it is
 * built next to the worker (src/integrations/service-worker.ts says why), and this script imports
 * nothing, so it is small enough to be inlined in the page. The summary's URL is `data-saved`.
 */
import type { SavedSummary } from '../lib/offline.ts';

class BookOffline extends HTMLElement {
  connectedCallback(): void {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !('caches' in window)) return;
    this.hidden = false;
    const note = this.querySelector('.offline-saved')!;
    caches
      .match(this.dataset.saved!)
      .then((response) => response?.json() as Promise<SavedSummary> | undefined)
      .then((saved) => saved && (note.textContent = saved.note))
      .catch(() => undefined);
    let saving: Promise<void> | undefined;
    this.querySelector('button')!.addEventListener('click', () => {
      saving ??= (import(/* @vite-ignore */ this.dataset.module!) as Promise<typeof import('./offline-save.ts')>)
        .then((m) => m.save(this))
        .catch(() => undefined)
        .finally(() => (saving = undefined));
    });
  }
}

customElements.define('book-offline', BookOffline);
