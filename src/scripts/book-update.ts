/**
 * <book-update>: registers the service worker (src/sw/service-worker.ts) and, when a new version of
 * the book has been installed and waits, says so with a Reload button. Reload posts `SKIP_WAITING`
 * to the waiting worker; once it controls the pages, every open tab of the book reloads
 * (`controllerchange`), so no tab goes on showing the old version next to the new one. A tab that had
 * no worker yet (the first visit) does not reload when the first one takes control.
 *
 * Registers after the load event, so the worker's first install does not slow the first page.
 * Production builds only: `astro dev` serves no worker. Registration failing (service workers turned
 * off or blocked) leaves the book working online. Loaded on every page (OfflineScripts.astro):
 * together with book-offline.ts it must stay within 1 KiB gzipped (tests/unit/offline-scripts.test.ts).
 */
class BookUpdate extends HTMLElement {
  connectedCallback(): void {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    const workers = navigator.serviceWorker;
    const base = this.dataset.base ?? '/';
    const notice = this.querySelector('[role="status"]')!;
    const template = this.querySelector('template')!;
    let controlled = Boolean(workers.controller);
    workers.addEventListener('controllerchange', () => {
      if (controlled) location.reload();
      controlled = true;
    });
    const start = async () => {
      const registration = await workers.register(`${base}sw.js`, { scope: base }).catch(() => undefined);
      if (!registration) return; // no worker: the book still works online
      const show = () => {
        if (!registration.waiting || !workers.controller || notice.firstChild) return;
        notice.append(template.content.cloneNode(true));
        notice.querySelector('button')!.addEventListener('click', () => registration.waiting?.postMessage({ type: 'SKIP_WAITING' }));
      };
      const watch = (worker: ServiceWorker | null) => worker?.addEventListener('statechange', show);
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      show();
    };
    // After the load event: installing the app shell must not compete with the page's own requests.
    if (document.readyState === 'complete') void start();
    else addEventListener('load', () => void start(), { once: true });
  }
}

customElements.define('book-update', BookUpdate);
