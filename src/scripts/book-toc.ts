/**
 * <book-toc>: marks the table-of-contents link of the section being read with aria-current.
 * The section in view is the last heading above the top third of the viewport.
 */
class BookToc extends HTMLElement {
  private links: HTMLAnchorElement[] = [];
  private headings: HTMLElement[] = [];
  private frame = 0;

  connectedCallback(): void {
    this.links = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    this.headings = this.links
      .map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))))
      .filter((h): h is HTMLElement => h !== null);
    const update = () => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.mark());
    };
    addEventListener('scroll', update, { passive: true });
    addEventListener('resize', update, { passive: true });
    // In the next frame, not now: reading a heading's position here would force a layout of the
    // whole chapter while the page is still loading.
    update();
  }

  private mark(): void {
    const line = innerHeight / 3;
    let current = this.headings[0];
    for (const heading of this.headings) {
      if (heading.getBoundingClientRect().top <= line) current = heading;
      else break;
    }
    for (const link of this.links) {
      if (current && link.hash === `#${current.id}`) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  }
}

customElements.define('book-toc', BookToc);
