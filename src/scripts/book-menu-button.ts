/**
 * <book-menu-button>: on narrow screens the sidebar is a menu. The button toggles it,
 * Escape or a click outside closes it and returns focus to the button.
 */
class BookMenuButton extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    const menu = document.getElementById(button?.getAttribute('aria-controls') ?? '');
    if (!button || !menu) return;
    const setOpen = (open: boolean, restoreFocus = false) => {
      button.setAttribute('aria-expanded', String(open));
      menu.toggleAttribute('data-open', open);
      if (open) (menu.querySelector<HTMLElement>('[aria-current="page"]') ?? menu.querySelector<HTMLElement>('a'))?.focus();
      else if (restoreFocus) button.focus();
    };
    button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && menu.hasAttribute('data-open')) setOpen(false, true);
    });
    document.addEventListener('click', (event) => {
      const target = event.target as Node;
      if (menu.hasAttribute('data-open') && !menu.contains(target) && !this.contains(target)) setOpen(false);
    });
  }
}

customElements.define('book-menu-button', BookMenuButton);
