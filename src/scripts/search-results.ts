/**
 * The search dialog's behaviour, loaded on first open: starts loading the Pagefind index at once
 * (not on the first keystroke), searches as the reader types with the part/chapter filters, and
 * renders results with their sections. Arrow keys move between the input and the results.
 */
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  data(): Promise<PagefindData>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

const MAX_PAGES = 8;
const MAX_SECTIONS = 4;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Pagefind excerpts are escaped text with <mark> around matches; keep only that markup. */
function excerptNode(html: string): HTMLElement {
  const span = element('span', 'search-excerpt');
  const parts = html.split(/(<mark>|<\/mark>)/);
  let inMark = false;
  const decoder = document.createElement('textarea');
  for (const part of parts) {
    if (part === '<mark>') inMark = true;
    else if (part === '</mark>') inMark = false;
    else if (part) {
      decoder.innerHTML = part;
      const text = document.createTextNode(decoder.value);
      if (inMark) {
        const mark = document.createElement('mark');
        mark.append(text);
        span.append(mark);
      } else span.append(text);
    }
  }
  return span;
}

export async function attach(dialog: HTMLDialogElement, base: string): Promise<void> {
  const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = dialog.querySelector<HTMLElement>('[role="status"]')!;
  const list = dialog.querySelector<HTMLOListElement>('.search-results')!;
  const selects = [...dialog.querySelectorAll<HTMLSelectElement>('select')];
  status.textContent = 'Loading the search index…';
  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base, highlightParam: 'highlight', excerptLength: 24 });
  await pagefind.init();
  // Warm up: the first search loads the WASM and index chunks, so do it before the reader types.
  await pagefind.search('data');
  status.textContent = input.value ? '' : 'Type to search the chapters.';

  let generation = 0;
  const run = async () => {
    const mine = ++generation;
    const term = input.value.trim();
    const filters: Record<string, string> = {};
    for (const select of selects) if (select.value) filters[select.name] = select.value;
    if (!term) {
      list.replaceChildren();
      status.textContent = 'Type to search the chapters.';
      return;
    }
    const response = await pagefind.search(term, { filters });
    if (mine !== generation || !response) return;
    // Show the best result as soon as its data arrives, then the rest.
    const loading = response.results.slice(0, MAX_PAGES).map((r) => r.data());
    const first = loading.length > 0 ? await loading[0] : undefined;
    if (mine !== generation) return;
    list.replaceChildren(...(first ? [renderPage(first)] : []));
    performance.mark('book-search-first-result');
    const rest = await Promise.all(loading.slice(1));
    if (mine !== generation) return;
    list.append(...rest.map(renderPage));
    const count = response.results.length;
    status.textContent = count === 0 ? `No results for “${term}”.` : `${count} ${count === 1 ? 'chapter matches' : 'chapters match'} “${term}”.`;
    performance.mark('book-search-results');
  };

  input.addEventListener('input', () => void run());
  for (const select of selects) select.addEventListener('change', () => void run());
  dialog.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && links.length > 0) {
      event.preventDefault();
      links[Math.min(index + 1, links.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && index >= 0) {
      event.preventDefault();
      if (index === 0) input.focus();
      else links[index - 1]?.focus();
    }
  });
  if (input.value) await run();
}

function renderPage(page: PagefindData): HTMLLIElement {
  const item = element('li', 'search-result');
  const link = element('a', 'search-result-link');
  link.href = page.url;
  link.append(element('span', 'search-result-title', page.meta.title ?? page.url), excerptNode(page.excerpt));
  item.append(link);
  const sections = page.sub_results.filter((s) => s.url !== page.url && s.url.includes('#')).slice(0, MAX_SECTIONS);
  if (sections.length > 0) {
    const sub = element('ul', 'search-sections');
    for (const section of sections) {
      const li = element('li', '');
      const a = element('a', 'search-section-link');
      a.href = section.url;
      a.append(element('span', 'search-section-title', section.title), excerptNode(section.excerpt));
      li.append(a);
      sub.append(li);
    }
    item.append(sub);
  }
  return item;
}
