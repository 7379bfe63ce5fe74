/**
 * <book-work-panel>: export, print, import and reset of the reader's saved work.
 *
 * Which exercises: `[data-work-item]` elements on the page (data-id, data-title, data-label,
 * data-chapter-title). With data-scope="page" only those are exported (an assignment); with
 * data-scope="book" all saved work is.
 * Imports are hostile data until parsed (lib/exercises/work-file.ts); they are merged, never
 * replacing newer local answers and never deleting any. Reset asks first, in a dialog.
 */
import { exportWork, mergeWork, parseWorkFile, workToMarkdown } from '../lib/exercises/work-file.ts';
import type { SavedWork } from '../lib/exercises/types.ts';
import { workStore } from './work-store.ts';

const NAME_KEY = 'book-student-name';
const BOOK = 'Designing Machine Learning Systems for Business';

function readName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

class BookWorkPanel extends HTMLElement {
  private status!: HTMLElement;

  connectedCallback(): void {
    if (this.status) return;
    this.status = this.querySelector<HTMLElement>('.work-status')!;
    this.querySelector<HTMLElement>('.work-nojs')!.hidden = true;
    this.querySelector<HTMLElement>('.work-controls')!.hidden = false;
    const name = this.querySelector<HTMLInputElement>('#work-name')!;
    name.value = readName();
    name.addEventListener('input', () => {
      try {
        localStorage.setItem(NAME_KEY, name.value);
      } catch {
        // The name is also read from the field when exporting; nothing is lost for this page.
      }
    });
    this.addEventListener('click', (event) => {
      const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action;
      if (action === 'export-json') this.exportJson();
      if (action === 'export-md') this.exportMarkdown();
      if (action === 'print') this.print();
      if (action === 'reset') this.querySelector<HTMLDialogElement>('.work-confirm')?.showModal();
    });
    this.querySelector<HTMLDialogElement>('.work-confirm')?.addEventListener('close', (event) => {
      const dialog = event.currentTarget as HTMLDialogElement;
      if (dialog.returnValue === 'reset') this.reset();
      else this.say('Nothing was deleted.');
    });
    this.querySelector<HTMLInputElement>('#work-import')?.addEventListener('change', (event) => void this.importFile(event.currentTarget as HTMLInputElement));
  }

  private items(): { id: string; title: string; label: string; chapter: string }[] {
    return [...document.querySelectorAll<HTMLElement>('[data-work-item]')].map((el) => ({
      id: el.dataset.id ?? '',
      title: el.dataset.title ?? '',
      label: el.dataset.label ?? '',
      chapter: el.dataset.chapterTitle ?? '',
    }));
  }

  /** The work to export: everything saved, or only this page's exercises. */
  private work(): Record<string, SavedWork> {
    const all = workStore().all();
    if (this.dataset.scope !== 'page') return all;
    const ids = new Set(this.items().map((i) => i.id));
    return Object.fromEntries(Object.entries(all).filter(([id]) => ids.has(id)));
  }

  private meta() {
    const student = this.querySelector<HTMLInputElement>('#work-name')!.value.trim();
    const assignment = document.querySelector<HTMLElement>('[data-assignment-title]')?.textContent?.trim();
    return { book: assignment ? `${BOOK}: ${assignment}` : BOOK, exportedAt: new Date().toISOString(), ...(student ? { student } : {}) };
  }

  private fileName(ext: string): string {
    const who = (this.querySelector<HTMLInputElement>('#work-name')!.value.trim() || 'my').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return `${who || 'my'}-work-${new Date().toISOString().slice(0, 10)}.${ext}`;
  }

  private markdown(): string {
    return workToMarkdown(this.work(), this.items().map((i) => ({ id: i.id, title: i.title, chapter: i.chapter, number: i.label })), this.meta());
  }

  private exportJson(): void {
    const work = this.work();
    download(this.fileName('json'), 'application/json', exportWork(work, this.meta()));
    this.say(`Downloaded ${Object.keys(work).length} saved answers as JSON.`);
  }

  private exportMarkdown(): void {
    download(this.fileName('md'), 'text/markdown', this.markdown());
    this.say('Downloaded your answers as Markdown.');
  }

  private print(): void {
    const area = this.querySelector<HTMLElement>('.work-print')!;
    area.textContent = this.markdown();
    document.documentElement.dataset.printing = 'answers';
    const done = () => {
      delete document.documentElement.dataset.printing;
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    input.value = '';
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.say('That file could not be read.');
      return;
    }
    const parsed = parseWorkFile(text);
    if (!parsed.ok) {
      this.say(`Nothing was imported: ${parsed.message}`);
      return;
    }
    const store = workStore();
    const { merged, added, updated } = mergeWork(store.all(), parsed.work);
    let failed = 0;
    for (const id of new Set([...added, ...updated])) if (!store.set(id, merged[id]!).ok) failed += 1;
    const skipped = parsed.skipped.length ? ` ${parsed.skipped.length} entries were skipped because they were not valid.` : '';
    const failure = failed ? ` ${failed} could not be saved: browser storage is full or turned off.` : '';
    this.say(`Imported ${added.length} new and ${updated.length} newer answers; your other saved work is unchanged.${skipped}${failure} Reload exercise pages to see them.`);
  }

  private reset(): void {
    workStore().clear();
    this.say('All your saved answers were deleted from this browser.');
  }

  private say(text: string): void {
    this.status.textContent = text;
  }
}

if (!customElements.get('book-work-panel')) customElements.define('book-work-panel', BookWorkPanel);
