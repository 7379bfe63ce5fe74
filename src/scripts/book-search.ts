/**
 * <book-search>: opens the search dialog from its button, Ctrl/Cmd+K or "/". Everything else
 * (Pagefind and result rendering) is in search-results.ts, loaded on the first open so pages
 * that are only read never download it. Also highlights search words on the page a result led to.
 */
class BookSearch extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('.search-button');
    const dialog = this.querySelector<HTMLDialogElement>('dialog');
    if (!button || !dialog) return;
    const base = this.dataset.base ?? '/';
    if (/Mac|iPhone|iPad/.test(navigator.platform)) {
      const kbd = this.querySelector('.search-shortcut');
      if (kbd) kbd.textContent = '⌘K';
    }
    let loading: Promise<unknown> | undefined;
    const open = () => {
      if (dialog.open) return;
      dialog.showModal();
      loading ??= import('./search-results.ts').then((m) => m.attach(dialog, base));
    };
    button.addEventListener('click', open);
    dialog.querySelector('[data-close]')?.addEventListener('click', () => dialog.close());
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement;
      const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
      if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        open();
      } else if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        open();
      }
    });
    if (new URLSearchParams(location.search).has('highlight')) void highlight(base);
  }
}

async function highlight(base: string): Promise<void> {
  const url = `${base}pagefind/pagefind-highlight.js`;
  const module = (await import(/* @vite-ignore */ url)) as {
    default: new (options: { highlightParam: string; markContext?: string }) => unknown;
  };
  new module.default({ highlightParam: 'highlight', markContext: '[data-pagefind-body]' });
}

customElements.define('book-search', BookSearch);
