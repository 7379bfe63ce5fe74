/**
 * <book-exercise>: enhances one server-rendered exercise (src/lib/exercises/render.ts).
 *
 * Lifecycle: on connect it reads the answer key (`data-key`), restores the reader's saved work for
 * `data-id` from the work store, and from then on saves every change. "Check" grades with the same
 * pure function the unit tests use (lib/exercises/grade.ts) and reveals feedback that is already in
 * the page. A saved answer whose `hash` differs from `data-hash` was given to an earlier version of
 * the exercise: it is restored into the inputs and flagged, never shown as checked, and stays saved
 * until the reader checks again.
 *
 * Storage problems (disabled, full, corrupted) are reported in the exercise; the page keeps working.
 */
import { grade } from '../lib/exercises/grade.ts';
import { isStale } from '../lib/exercises/storage.ts';
import { workStore } from './work-store.ts';
import type { Answer, AnswerKey, SavedWork, WorkStatus } from '../lib/exercises/types.ts';

/** Feedback files by URL, fetched once per page (the feedback of every exercise of a chapter). */
const feedbackFiles = new Map<string, Promise<Document>>();

function feedbackFile(url: string): Promise<Document> {
  let file = feedbackFiles.get(url);
  if (!file) {
    file = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${response.status}`);
      // Our own build output, parsed as an inert document: nothing in it runs.
      return new DOMParser().parseFromString(await response.text(), 'text/html');
    });
    // A failed fetch (offline, say) is tried again next time.
    file.catch(() => feedbackFiles.delete(url));
    feedbackFiles.set(url, file);
  }
  return file;
}

const $ = <T extends Element>(root: ParentNode, selector: string): T | null => root.querySelector<T>(selector);
const $$ = <T extends Element>(root: ParentNode, selector: string): T[] => [...root.querySelectorAll<T>(selector)];

class BookExercise extends HTMLElement {
  private key!: AnswerKey;
  private work: SavedWork | null = null;
  private status!: HTMLElement;

  connectedCallback(): void {
    if (this.status) return;
    try {
      this.key = JSON.parse(this.dataset.key ?? '') as AnswerKey;
    } catch {
      return;
    }
    this.status = $(this, '.exercise-status')!;
    for (const hidden of $$<HTMLElement>(this, '.exercise-copy-link, .ordering-move')) hidden.hidden = false;
    const form = $<HTMLFormElement>(this, 'form')!;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.check();
    });
    this.addEventListener('click', (event) => this.onClick(event));
    form.addEventListener('input', () => this.onEdit());
    form.addEventListener('change', () => this.onEdit());
    this.setUpDrag();
    this.restore();
  }

  private feedbackLoaded = false;

  /**
   * Fills the feedback, hint and explanation slots from the chapter's feedback file the first time
   * they are needed. Resolves false (and says so) when the file cannot be loaded.
   */
  private async feedback(): Promise<boolean> {
    const url = this.dataset.feedback;
    if (!url || this.feedbackLoaded) return true;
    try {
      const file = await feedbackFile(url);
      const entry = [...file.querySelectorAll<HTMLElement>('[data-feedback-for]')].find((e) => e.dataset.feedbackFor === this.id_);
      for (const part of entry ? [...entry.querySelectorAll<HTMLElement>('[data-slot]')] : []) {
        const slot = $<HTMLElement>(this, `[data-slot="${part.dataset.slot}"]`);
        slot?.replaceChildren(...[...part.childNodes].map((n) => document.importNode(n, true)));
      }
      this.feedbackLoaded = true;
      return true;
    } catch {
      const note = $<HTMLElement>(this, '.exercise-storage')!;
      note.textContent = 'The feedback for this exercise could not be loaded (are you offline?). Your answer is saved and its verdict stands.';
      note.hidden = false;
      return false;
    }
  }

  private get id_(): string {
    return this.dataset.id ?? '';
  }

  private onClick(event: Event): void {
    const button = (event.target as Element).closest<HTMLButtonElement>('button');
    if (!button || !this.contains(button)) return;
    const action = button.dataset.action;
    if (action === 'hint') void this.feedback().then(() => this.showHint(button));
    else if (action === 'explain') void this.feedback().then(() => this.reveal('.exercise-explanation', button));
    else if (action === 'retry') this.retry();
    else if (action === 'copy-link') void this.copyLink();
    else if (button.dataset.move) this.move(button.closest('li')!, Number(button.dataset.move), button);
  }

  // ---- reading and writing the inputs -------------------------------------------------------

  private answer(): Answer {
    switch (this.key.type) {
      case 'single-choice':
      case 'multiple-select':
        return { kind: 'choice', selected: $$<HTMLInputElement>(this, '.option input:checked').map((i) => Number(i.value)) };
      case 'true-false': {
        const checked = $<HTMLInputElement>(this, '.option input:checked');
        return checked ? { kind: 'boolean', value: checked.value === 'true' } : { kind: 'choice', selected: [] };
      }
      case 'numeric':
      case 'short-answer':
        return { kind: 'text', value: $<HTMLInputElement>(this, '.exercise-input')!.value };
      case 'ordering':
        return { kind: 'order', order: $$<HTMLElement>(this, '.ordering-item').map((li) => Number(li.dataset.item)) };
      case 'matching':
        return { kind: 'match', choices: $$<HTMLSelectElement>(this, '.matching-select').map((s) => (s.value === '' ? null : Number(s.value))) };
      case 'open':
      case 'case-study':
        return {
          kind: 'open',
          texts: $$<HTMLTextAreaElement>(this, '.open-answer').map((t) => t.value),
          covered: $$<HTMLElement>(this, '.open-part').map((part) => $$<HTMLInputElement>(part, '.key-points input').map((i) => i.checked)),
        };
    }
  }

  /** Puts a saved answer back into the inputs; values that no longer fit are skipped. */
  private fill(answer: Answer): void {
    if (answer.kind === 'choice') for (const input of $$<HTMLInputElement>(this, '.option input')) input.checked = answer.selected.includes(Number(input.value));
    if (answer.kind === 'boolean') for (const input of $$<HTMLInputElement>(this, '.option input')) input.checked = input.value === String(answer.value);
    if (answer.kind === 'text') {
      const input = $<HTMLInputElement>(this, '.exercise-input');
      if (input) input.value = answer.value;
    }
    if (answer.kind === 'order') {
      const list = $(this, '.ordering-list');
      const items = new Map($$<HTMLElement>(this, '.ordering-item').map((li) => [Number(li.dataset.item), li]));
      if (list && answer.order.length === items.size && answer.order.every((i) => items.has(i))) for (const i of answer.order) list.append(items.get(i)!);
    }
    if (answer.kind === 'match') {
      $$<HTMLSelectElement>(this, '.matching-select').forEach((select, i) => {
        const value = answer.choices[i];
        select.value = value === null || value === undefined ? '' : String(value);
      });
    }
    if (answer.kind === 'open') {
      $$<HTMLTextAreaElement>(this, '.open-answer').forEach((t, i) => (t.value = answer.texts[i] ?? ''));
      $$<HTMLElement>(this, '.open-part').forEach((part, p) =>
        $$<HTMLInputElement>(part, '.key-points input').forEach((input, k) => (input.checked = answer.covered[p]?.[k] ?? false)),
      );
    }
  }

  // ---- saving --------------------------------------------------------------------------------

  private save(status: WorkStatus, attempts: number): void {
    this.work = { hash: this.dataset.hash ?? '', type: this.dataset.type as SavedWork['type'], answer: this.answer(), attempts, status, updatedAt: new Date().toISOString() };
    const result = workStore().set(this.id_, this.work);
    const note = $<HTMLElement>(this, '.exercise-storage')!;
    if (!result.ok) {
      note.textContent = result.message;
      note.hidden = false;
    } else if (!workStore().persistent) {
      note.textContent = 'This browser is not keeping your work (private browsing or storage turned off). Use "Export my work" before you leave.';
      note.hidden = false;
    } else note.hidden = true;
  }

  private restore(): void {
    const store = workStore();
    const saved = store.get(this.id_);
    if (!saved) {
      if (store.corrupted().includes(this.id_)) this.say('Your saved answer to this exercise could not be read. It has been left untouched; answering again will replace it.');
      return;
    }
    this.work = saved;
    this.fill(saved.answer);
    if (isStale(saved, this.dataset.hash ?? '')) {
      $<HTMLElement>(this, '.exercise-stale')!.hidden = false;
      return;
    }
    if (saved.status === 'self-assessed') this.showKeyPoints(false);
    else if (saved.status !== 'in-progress') {
      this.showVerdict(false);
      void this.feedback().then(() => this.showVerdict(false));
    }
  }

  private onEdit(): void {
    const attempts = this.work && !isStale(this.work, this.dataset.hash ?? '') ? this.work.attempts : 0;
    const open = this.key.type === 'open' || this.key.type === 'case-study';
    // An open answer stays self-assessed while edited; an auto-checked one needs a new check.
    this.save(open && this.work?.status === 'self-assessed' ? 'self-assessed' : 'in-progress', attempts);
    if (!open) this.clearMarks();
  }

  // ---- checking and feedback ---------------------------------------------------------------

  private check(): void {
    const previous = this.work && !isStale(this.work, this.dataset.hash ?? '') ? this.work.attempts : 0;
    if (this.key.type === 'open' || this.key.type === 'case-study') {
      const answer = this.answer();
      if (answer.kind === 'open' && answer.texts.every((t) => t.trim() === '')) {
        this.say('Write your answer first, then compare it with the key points.');
        return;
      }
      this.save('self-assessed', previous + 1);
      this.showKeyPoints(true);
      return;
    }
    const result = grade(this.key, this.answer());
    if (result.verdict === 'invalid') {
      this.say(result.message);
      return;
    }
    this.save(result.verdict, previous + 1);
    $<HTMLElement>(this, '.exercise-stale')!.hidden = true;
    this.showVerdict(true);
    // The verdict is shown at once; the option feedback appears as soon as its file is here.
    void this.feedback().then((ok) => ok && this.showVerdict(false, true));
  }

  /** Shows the verdict of the current answer: marks, option feedback, buttons, announcement. */
  private showVerdict(announce: boolean, keepStatus = false): void {
    const result = grade(this.key, this.answer());
    if (result.verdict === 'invalid') return;
    const status = this.status.textContent;
    this.clearMarks();
    if (keepStatus) this.status.textContent = status;
    this.dataset.verdict = result.verdict;
    if (this.key.type === 'single-choice' || this.key.type === 'multiple-select') {
      for (const input of $$<HTMLInputElement>(this, '.option input:checked')) {
        const li = input.closest<HTMLElement>('.option')!;
        const right = this.key.type === 'single-choice' ? Number(input.value) === this.key.correct : this.key.correct.includes(Number(input.value));
        li.dataset.mark = right ? 'right' : 'wrong';
        $<HTMLElement>(li, '.option-feedback')!.hidden = false;
      }
    }
    if (this.key.type === 'ordering') $$<HTMLElement>(this, '.ordering-item').forEach((li, i) => (li.dataset.mark = Number(li.dataset.item) === i ? 'right' : 'wrong'));
    if (this.key.type === 'matching') {
      const correct = this.key.correct;
      $$<HTMLSelectElement>(this, '.matching-select').forEach((s, i) => {
        if (s.value !== '') s.closest<HTMLElement>('li')!.dataset.mark = Number(s.value) === correct[i] ? 'right' : 'wrong';
      });
    }
    // True/false shows its justification as soon as it is answered.
    if (this.key.type === 'true-false') $<HTMLElement>(this, '.exercise-explanation')!.hidden = false;
    else $<HTMLElement>(this, '[data-action="explain"]')!.hidden = false;
    $<HTMLElement>(this, '[data-action="retry"]')!.hidden = result.verdict === 'correct';
    const prefix = result.verdict === 'correct' ? 'Correct.' : result.verdict === 'partial' ? 'Partly right.' : 'Not quite.';
    const rest = result.message.replace(/^(Correct|Not quite)[.:]\s*/, '');
    const detail = rest.charAt(0).toUpperCase() + rest.slice(1);
    const text = `${prefix}${detail ? ` ${detail}` : ''}${result.verdict === 'correct' ? '' : ' Try again, or use a hint.'}`;
    if (announce) this.say(text);
    else if (!keepStatus) this.status.textContent = text;
  }

  private showKeyPoints(announce: boolean): void {
    for (const box of $$<HTMLElement>(this, '.key-points')) box.hidden = false;
    $<HTMLElement>(this, '[data-action="explain"]')!.hidden = false;
    const text = 'Compare your answer with the key points under each part and tick the ones you covered. Your ticks are saved.';
    if (announce) this.say(text);
    else this.status.textContent = text;
  }

  private clearMarks(): void {
    delete this.dataset.verdict;
    for (const marked of $$<HTMLElement>(this, '[data-mark]')) delete marked.dataset.mark;
    for (const feedback of $$<HTMLElement>(this, '.option-feedback')) feedback.hidden = true;
    this.status.textContent = '';
  }

  private retry(): void {
    this.clearMarks();
    $<HTMLElement>(this, '[data-action="retry"]')!.hidden = true;
    $<HTMLElement>(this, 'input, select, textarea, .ordering-move')?.focus();
    this.say('Try again: change your answer and check it.');
  }

  private showHint(button: HTMLButtonElement): void {
    const hints = $$<HTMLElement>(this, '.exercise-hints li');
    const next = hints.find((h) => h.hidden);
    if (!next) return;
    next.hidden = false;
    const shown = hints.indexOf(next) + 1;
    if (shown === hints.length) button.hidden = true;
    this.say(`Hint ${shown} of ${hints.length}: ${next.textContent?.replace(/^Hint \d+:\s*/, '') ?? ''}`);
    if (button.hidden) next.setAttribute('tabindex', '-1'), next.focus();
  }

  private reveal(selector: string, button: HTMLButtonElement): void {
    const panel = $<HTMLElement>(this, selector)!;
    panel.hidden = false;
    button.hidden = true;
    panel.setAttribute('tabindex', '-1');
    panel.focus();
  }

  private async copyLink(): Promise<void> {
    const url = `${location.origin}${location.pathname}#ex-${this.id_}`;
    try {
      await navigator.clipboard.writeText(url);
      this.say('Link to this exercise copied.');
    } catch {
      this.say(`Could not copy. The link is ${url}`);
    }
  }

  private say(text: string): void {
    // Clearing first makes screen readers announce a message even when it repeats.
    this.status.textContent = '';
    requestAnimationFrame(() => (this.status.textContent = text));
  }

  // ---- ordering: buttons and drag ------------------------------------------------------------

  private move(item: HTMLElement, by: number, button?: HTMLButtonElement): void {
    const list = item.parentElement!;
    const items = [...list.children];
    const to = items.indexOf(item) + by;
    if (to < 0 || to >= items.length) return;
    if (by < 0) list.insertBefore(item, items[to]!);
    else list.insertBefore(item, items[to]!.nextSibling);
    button?.focus();
    this.onEdit();
    this.say(`${$(item, '.ordering-text')?.textContent ?? 'Item'}: position ${to + 1} of ${items.length}.`);
  }

  private setUpDrag(): void {
    const list = $<HTMLElement>(this, '.ordering-list');
    if (!list) return;
    let dragged: HTMLElement | null = null;
    list.addEventListener('pointerdown', (event) => {
      const handle = (event.target as Element).closest('.ordering-handle, .ordering-text');
      if (!handle || event.button !== 0) return;
      dragged = handle.closest<HTMLElement>('.ordering-item');
      dragged?.setAttribute('data-dragging', '');
      list.setPointerCapture(event.pointerId);
      event.preventDefault();
    });
    list.addEventListener('pointermove', (event) => {
      if (!dragged) return;
      const over = [...list.children].find((li) => {
        const box = li.getBoundingClientRect();
        return event.clientY >= box.top && event.clientY <= box.bottom;
      });
      if (!over || over === dragged) return;
      const before = [...list.children].indexOf(over) < [...list.children].indexOf(dragged);
      list.insertBefore(dragged, before ? over : over.nextSibling);
    });
    const end = () => {
      if (!dragged) return;
      dragged.removeAttribute('data-dragging');
      const item = dragged;
      dragged = null;
      this.onEdit();
      const items = [...list.children];
      this.say(`${$(item, '.ordering-text')?.textContent ?? 'Item'}: position ${items.indexOf(item) + 1} of ${items.length}.`);
    };
    list.addEventListener('pointerup', end);
    list.addEventListener('pointercancel', end);
  }
}

if (!customElements.get('book-exercise')) customElements.define('book-exercise', BookExercise);
