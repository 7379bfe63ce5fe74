/**
 * <theme-toggle>: switches between light and dark and saves the choice in localStorage
 * ("book-theme"). Until the reader chooses, the page follows the OS, live. Storage that is
 * disabled or full only means the choice is not remembered.
 */
const KEY = 'book-theme';
type Theme = 'light' | 'dark';

function saved(): Theme | undefined {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : undefined;
  } catch {
    return undefined;
  }
}

class ThemeToggle extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    if (!button) return;
    const media = matchMedia('(prefers-color-scheme: dark)');
    const apply = (theme: Theme) => {
      document.documentElement.dataset.theme = theme;
      button.setAttribute('aria-pressed', String(theme === 'dark'));
    };
    apply(saved() ?? (media.matches ? 'dark' : 'light'));
    media.addEventListener('change', (event) => {
      if (!saved()) apply(event.matches ? 'dark' : 'light');
    });
    button.addEventListener('click', () => {
      const next: Theme = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
      apply(next);
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // storage unavailable: the theme still switches for this page
      }
    });
  }
}

customElements.define('theme-toggle', ThemeToggle);
