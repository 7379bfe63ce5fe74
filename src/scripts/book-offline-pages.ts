/**
 * <book-offline-pages>: on the offline page, keeps the links to pages this browser has saved (in
 * the service worker's caches) and removes the others, so every link left works without a network.
 */
class BookOfflinePages extends HTMLElement {
  connectedCallback(): void {
    if (!('caches' in window)) return;
    const items = [...this.querySelectorAll('li')];
    void Promise.all(
      items.map(async (item) => {
        const link = item.querySelector('a');
        if (!link || !(await caches.match(link.href).catch(() => undefined))) item.remove();
      }),
    ).then(() => {
      this.querySelector<HTMLElement>('.offline-none')!.hidden = this.querySelector('li') !== null;
    });
  }
}

customElements.define('book-offline-pages', BookOfflinePages);
