/**
 * Saving the whole book for offline reading, loaded when the reader presses the button of
 * <book-offline> (book-offline.ts). The service worker does the downloading: it knows the files of its
 * version (`offline.json`) and checks each against its revision. This module asks it to (`SAVE_ALL`
 * with a MessagePort), moves the progress bar, and says the result. The live region speaks at the
 * start, at each quarter and at the end, not at every file.
 *
 * Built by src/integrations/service-worker.ts to `<base>offline-save.js` (not by Vite; the
 * integration says why), so it must not use `import.meta.env` or Astro imports.
 */
import { doneText, formatBytes, type SaveError, type SaveMessage } from '../lib/offline.ts';

/** How long to wait for a service worker before saying the book cannot be saved in this browser. */
const READY_TIMEOUT = 10_000;

const FAILURES: Record<SaveError | 'unavailable', string> = {
  offline: 'The book could not be saved: the network is not available. Try again when you are online.',
  changed: 'A new version of the book was published while saving. Reload the page to get it, then save again.',
  quota: 'The book could not be saved: this browser has no room left for it. Free some space, or keep reading online.',
  unavailable: 'This browser cannot keep the book offline (offline storage is turned off). You can keep reading online.',
};

async function readyWorker(): Promise<{ registration: ServiceWorkerRegistration; worker: ServiceWorker } | undefined> {
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, READY_TIMEOUT));
  const registration = await Promise.race([navigator.serviceWorker.ready, timeout]);
  const worker = navigator.serviceWorker.controller ?? registration?.active;
  return registration && worker ? { registration, worker } : undefined;
}

export async function save(element: HTMLElement): Promise<void> {
  const button = element.querySelector('button')!;
  const bar = element.querySelector<HTMLElement>('.offline-progress')!;
  const progress = bar.querySelector('progress')!;
  const progressText = bar.querySelector('.offline-progress-text')!;
  const note = element.querySelector('.offline-saved')!;
  const status = element.querySelector('[role="status"]')!;

  button.setAttribute('aria-disabled', 'true');
  status.textContent = 'Saving the book for offline reading…';
  try {
    const ready = await readyWorker();
    if (!ready) {
      status.textContent = FAILURES.unavailable;
      return;
    }
    if (ready.registration.waiting) {
      // Saving now would fill the version that is about to be replaced.
      status.textContent = 'A new version of the book is available. Press Reload in the notice first, then save the book.';
      return;
    }
    // Ask the browser not to evict the copy under storage pressure (it may ask the reader).
    void navigator.storage?.persist?.().catch(() => undefined);
    note.textContent = '';
    progress.value = 0;
    progressText.textContent = '';
    bar.hidden = false;
    const result = await new Promise<SaveMessage>((resolve) => {
      const channel = new MessageChannel();
      let announced = 0;
      channel.port1.onmessage = ({ data }: MessageEvent<SaveMessage>) => {
        if (data.type !== 'progress') {
          channel.port1.close();
          resolve(data);
          return;
        }
        const share = data.totalBytes ? data.bytes / data.totalBytes : 1;
        progress.value = share;
        const percent = Math.floor(share * 100);
        progressText.textContent = `${formatBytes(data.bytes)} of ${formatBytes(data.totalBytes)} (${percent}%)`;
        const quarter = percent - (percent % 25);
        if (quarter > announced && quarter < 100) {
          announced = quarter;
          status.textContent = `Saving the book for offline reading: ${quarter}%.`;
        }
      };
      ready.worker.postMessage({ type: 'SAVE_ALL' }, [channel.port2]);
    });
    bar.hidden = result.type === 'error';
    status.textContent = result.type === 'done' ? doneText(result) : result.type === 'error' ? FAILURES[result.reason] : '';
  } finally {
    button.removeAttribute('aria-disabled');
  }
}
