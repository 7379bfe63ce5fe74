/**
 * "Export my work" and "Import" (issue 3, "Saved work"): the reader's saved work as a JSON file to
 * restore on another device, and as a readable Markdown hand-in. Browser-safe and small (no Node
 * imports, no zod): it ships to readers.
 *
 * File format, version 1:
 *   { "format": "ml-systems-book-work", "version": 1, "book": "...", "exportedAt": "<ISO date>",
 *     "student": "..." (optional), "work": { "<exercise id>": SavedWork, ... } }
 * Entries are `SavedWork` exactly as in storage.ts, without the record's `v` (the file has its own
 * version). Migration: a version 2 file is converted in `parseWorkFile`, next to the version check;
 * a file from a newer book than the page is refused with a message, never half-read.
 *
 * An imported file is hostile data until checked: it is size-limited before parsing, every entry
 * goes through the same validator as storage (`checkWork`, with its text and list limits), ids must
 * be exercise ids, and results are objects without prototype, so no key (`__proto__`,
 * `constructor`) can reach Object.prototype. A bad entry is skipped with a reason and the rest is
 * imported; only a file that is not saved work at all is refused. Messages are plain text.
 *
 * Importing never deletes: `mergeWork` adds and updates, and keeps local work that is newer.
 */
import { checkWork, isExerciseId } from './storage.ts';
import type { Answer, SavedWork, WorkStatus } from './types.ts';

/** The `format` field that marks a saved-work file. */
export const WORK_FILE_FORMAT = 'ml-systems-book-work';
/** Version of the file format written by `exportWork`. */
export const WORK_FILE_VERSION = 1;

/** Saved work by exercise id. */
export type WorkMap = Record<string, SavedWork>;

/** What a file says about itself. */
export interface WorkFileMeta {
  /** The book's title. */
  book: string;
  /** ISO date-time of the export. */
  exportedAt: string;
  /** The student's name, as they typed it (optional). */
  student?: string;
}

/** Limits of `parseWorkFile`. */
export interface WorkFileLimits {
  /** Longest file, in characters (default 5,000,000: what browsers let a site store, so any export fits). */
  maxChars?: number;
  /** Most exercises in one file (default 2,000). */
  maxEntries?: number;
  /** When given, a file from another book is refused. */
  book?: string;
}

export type ParsedWorkFile =
  | { ok: true; work: WorkMap; skipped: { id: string; reason: string }[]; meta: WorkFileMeta }
  | { ok: false; message: string };

const emptyMap = (): WorkMap => Object.create(null) as WorkMap;
const text = (v: unknown, max: number): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** The JSON text of a work file holding `all`, ids sorted so that two exports compare line by line. */
export function exportWork(all: Readonly<WorkMap>, meta: WorkFileMeta): string {
  const work = emptyMap();
  for (const id of Object.keys(all).sort()) work[id] = all[id]!;
  const student = meta.student?.trim();
  const file = { format: WORK_FILE_FORMAT, version: WORK_FILE_VERSION, book: meta.book, exportedAt: meta.exportedAt, ...(student ? { student } : {}), work };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads a work file's text. Never throws. Refuses (with a message for the reader) what is not a
 * work file of this book; otherwise returns the valid entries and, for each skipped one, why.
 */
export function parseWorkFile(input: string, limits: WorkFileLimits = {}): ParsedWorkFile {
  const { maxChars = 5_000_000, maxEntries = 2_000 } = limits;
  const fail = (message: string): ParsedWorkFile => ({ ok: false, message });
  if (typeof input !== 'string' || input.length > maxChars) {
    return fail(`This file is too large to be saved work from the book (the limit is ${Math.round(maxChars / 1e6)} MB).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch {
    return fail('This file is not saved work from the book: it could not be read as JSON. Choose the .json file made by "Export my work".');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('This file is not saved work from the book.');
  const file = data as Record<string, unknown>;
  if (file.format !== WORK_FILE_FORMAT) return fail('This file is not saved work from the book.');
  if (typeof file.version === 'number' && file.version > WORK_FILE_VERSION) {
    return fail('This file was made by a newer version of the book. Reload the page to get the newest version, then import again.');
  }
  // A version 2 would be converted to the current shape here.
  if (file.version !== WORK_FILE_VERSION) return fail('This file has a format version the book does not know.');
  const meta: WorkFileMeta = { book: text(file.book, 300), exportedAt: text(file.exportedAt, 40) };
  const student = text(file.student, 200);
  if (student) meta.student = student;
  if (limits.book !== undefined && meta.book !== limits.book) return fail('This file holds saved work from another book.');
  const entries = file.work;
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) return fail('This file holds no saved work.');
  const ids = Object.keys(entries);
  if (ids.length > maxEntries) return fail(`This file holds more than ${maxEntries.toLocaleString('en-US')} exercises, more than the book has.`);

  const work = emptyMap();
  const skipped: { id: string; reason: string }[] = [];
  for (const id of ids) {
    const shown = id.slice(0, 100);
    if (!isExerciseId(id)) {
      skipped.push({ id: shown, reason: 'it is not a valid exercise id' });
      continue;
    }
    const checked = checkWork((entries as Record<string, unknown>)[id]);
    if (checked.ok) work[id] = checked.work;
    else skipped.push({ id, reason: checked.reason });
  }
  return { ok: true, work, skipped, meta };
}

export interface MergeResult {
  /** Local work with the imported work merged in. */
  merged: WorkMap;
  /** Imported ids that had no local work. */
  added: string[];
  /** Imported ids whose work was newer than the local work, which it replaced. */
  updated: string[];
  /** Imported ids whose local work was as new or newer, and was kept. */
  kept: string[];
}

const time = (work: SavedWork): number => Date.parse(work.updatedAt) || 0;

/**
 * Merges imported work into local work. Never deletes: local entries absent from the import stay.
 * On a conflict the entry with the later `updatedAt` wins; on a tie the local one stays (it is
 * the one on screen, and equal times almost always mean the same work). Newer wins even when it
 * was saved against an older version of the exercise: the page marks it stale, nothing is lost.
 * The caller saves `added` and `updated` ids to the store.
 */
export function mergeWork(local: Readonly<WorkMap>, imported: Readonly<WorkMap>): MergeResult {
  const merged: WorkMap = Object.assign(emptyMap(), local);
  const result: MergeResult = { merged, added: [], updated: [], kept: [] };
  for (const id of Object.keys(imported)) {
    const theirs = imported[id]!;
    const mine = Object.hasOwn(local, id) ? local[id] : undefined;
    if (!mine) result.added.push(id);
    else if (time(theirs) > time(mine)) result.updated.push(id);
    else {
      result.kept.push(id);
      continue;
    }
    merged[id] = theirs;
  }
  return result;
}

/** An exercise as the Markdown hand-in names it. Labels are optional: without them, answers are given by number. */
export interface ExerciseInfo {
  id: string;
  title: string;
  /** The chapter's title (or number). */
  chapter: string;
  /** Number shown in the book, e.g. "3.2". */
  number?: string;
  /** The question (Markdown), quoted above the answer. */
  prompt?: string;
  /** The exercise's current hash; work saved against another one is marked as from an earlier version. */
  hash?: string;
  /** Choice options, in page order. */
  options?: string[];
  /** Ordering items in their correct order (the order answer's indexes point here). */
  items?: string[];
  /** Matching: left items, and right-hand choices in page order. */
  left?: string[];
  right?: string[];
  /** Open and case-study parts: prompt and key points. */
  parts?: { prompt: string; keyPoints: string[] }[];
}

const STATUS_WORDS: Record<WorkStatus, string> = {
  'in-progress': 'In progress',
  correct: 'Correct',
  partial: 'Partly correct',
  incorrect: 'Incorrect',
  'self-assessed': 'Self-assessed',
};

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** A reader's text on one line, with Markdown's special characters escaped (so it stays text). */
const inline = (s: string): string => oneLine(s).replace(/[\\`*_[\]<>#|~]/g, '\\$&');
/** A reader's longer text verbatim, in a fence longer than any backtick run inside it. */
const fenced = (s: string): string => {
  const fence = '`'.repeat(Math.max(2, ...(s.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  return `${fence}text\n${s}\n${fence}`;
};
/** Book text (trusted Markdown) on one line, or "<noun> <n>" when the page gave no label. */
const label = (labels: string[] | undefined, i: number, noun: string): string => oneLine(labels?.[i] ?? '') || `${noun} ${i + 1}`;
const quote = (s: string): string => s.trim().replace(/^/gm, '> ');

/** The answer in words, as Markdown blocks. */
function answerBlocks(answer: Answer, info: ExerciseInfo): string[] {
  const list = (lines: string[], empty: string): string[] => [lines.length ? lines.join('\n') : empty];
  switch (answer.kind) {
    case 'choice':
      return list(answer.selected.map((i) => `- Option ${i + 1}${info.options?.[i] ? `: ${oneLine(info.options[i])}` : ''}`), 'No option chosen.');
    case 'boolean':
      return [`Answer: **${answer.value ? 'True' : 'False'}**`];
    case 'text':
      return [!answer.value.trim() ? 'No answer written.' : answer.value.includes('\n') ? fenced(answer.value) : `Answer: ${inline(answer.value)}`];
    case 'order':
      return list(answer.order.map((item, position) => `${position + 1}. ${label(info.items, item, 'Item')}`), 'No order given.');
    case 'match':
      return list(answer.choices.map((c, i) => `- ${label(info.left, i, 'Item')} → ${c === null ? 'no match chosen' : label(info.right, c, 'Choice')}`), 'No matches chosen.');
    case 'open':
      return answer.texts.flatMap((t, p) => {
        const part = info.parts?.[p];
        const points = (answer.covered[p] ?? []).map((on, k) => `- [${on ? 'x' : ' '}] ${label(part?.keyPoints, k, 'Key point')}`);
        return [
          `### Part ${p + 1}`,
          ...(part?.prompt ? [quote(part.prompt)] : []),
          t.trim() ? fenced(t) : 'No answer written.',
          ...(points.length ? ['Key points I covered:', points.join('\n')] : []),
        ];
      });
  }
}

/**
 * A readable Markdown hand-in of `all` for `exercises`, in their order (work for other ids is left
 * out). Readers' texts are quoted verbatim in fences or escaped, so nothing they typed becomes
 * Markdown structure or HTML; book texts (titles, prompts, labels) are Markdown as authored.
 */
export function workToMarkdown(all: Readonly<WorkMap>, exercises: readonly ExerciseInfo[], meta: WorkFileMeta & { title?: string }): string {
  const done = (w: SavedWork | undefined, info: ExerciseInfo): boolean =>
    !!w && (!info.hash || w.hash === info.hash) && (w.status === 'correct' || w.status === 'self-assessed');
  const work = (id: string): SavedWork | undefined => (Object.hasOwn(all, id) ? all[id] : undefined);
  const blocks = [
    // An assignment title comes from a link, so it is reader-controlled text like the answers.
    `# ${meta.title ? inline(meta.title) : `My work: ${meta.book}`}`,
    [
      ...(meta.title ? [`- Book: ${meta.book}`] : []),
      ...(meta.student?.trim() ? [`- Student: ${inline(meta.student)}`] : []),
      `- Exported: ${meta.exportedAt}`,
      `- Done: ${exercises.filter((e) => done(work(e.id), e)).length} of ${exercises.length} exercises`,
    ].join('\n'),
  ];
  for (const info of exercises) {
    const w = work(info.id);
    blocks.push(`## ${info.number ? `${info.number} ` : ''}${info.title}`);
    const facts = [`Chapter: ${info.chapter}`, `Exercise id: \`${info.id}\``];
    if (w) facts.push(`Status: ${STATUS_WORDS[w.status]}, ${w.attempts} ${w.attempts === 1 ? 'attempt' : 'attempts'}, last saved ${w.updatedAt.slice(0, 10)}`);
    blocks.push(facts.join('  \n'));
    if (w && info.hash && w.hash !== info.hash) blocks.push('*This answer was saved for an earlier version of the exercise.*');
    if (info.prompt?.trim()) blocks.push(quote(info.prompt));
    blocks.push(...(w ? answerBlocks(w.answer, info) : ['*Not answered.*']));
  }
  return `${blocks.join('\n\n')}\n`;
}
