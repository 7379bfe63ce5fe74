/**
 * The reader's saved work, kept in the browser (issue 3, "Saved work"). Browser-safe and small: no
 * Node imports and no zod, because this ships to every page with exercises (budget: ~8 KiB gzipped
 * for all exercise JavaScript). `checkWork` is a hand-written validator instead.
 *
 * Format: one localStorage record per exercise id, key `book-work:<id>`, value JSON
 * `{ "v": 1, ...SavedWork }`. One record per exercise keeps each write small and lets two tabs
 * work on different exercises without overwriting each other.
 *
 * Lifecycle: a page creates one store (`src/scripts/work-store.ts`) and writes a record each time
 * the reader changes an answer. Records stay until the reader resets them (`remove`, `clear`) or
 * clears the site's data; an edited exercise does not delete its record, it makes it stale
 * (`isStale`: the saved hash differs from the exercise's current one) so the page can show the old
 * answer as "from an earlier version" instead of losing it or showing it as correct.
 *
 * Migration: `migrate` is the only reader of stored records. Version 1 is current. A version 2
 * adds a branch there that converts a v1 record, and `set` writes only the current version.
 * A record that cannot be read (corrupted, or written by a newer version of the book in another
 * tab) is never deleted: `get` returns null, `corrupted()` lists it for the page to say so, and only
 * a new answer from the reader replaces it.
 *
 * Failures never throw and never break the page:
 * - storage disabled (private browsing, blocked cookies, sandboxed frames: access throws a
 *   SecurityError) -> work lives in a Map for this page, `persistent` is false;
 * - storage full (QuotaExceededError) -> that answer stays in memory for this page and `set`
 *   reports it;
 * - a record that fails validation -> treated as corrupted, as above.
 *
 * Limits (`MAX_TEXT`, `MAX_LIST`) are shared with the import of work files (work-file.ts), so what a
 * page can save is exactly what a file can restore; text inputs should use `maxlength={MAX_TEXT}`.
 */
import type { ExerciseType } from '../../schemas/exercise.ts';
import type { Answer, SavedWork, WorkStatus } from './types.ts';

/** Prefix of every key this module owns; other keys in the same storage are never touched. */
export const KEY_PREFIX = 'book-work:';
/** Version of the stored record format. */
export const WORK_VERSION = 1;
/** Longest text answer (characters) that is saved or imported. */
export const MAX_TEXT = 20_000;
/** Most entries in any list of an answer (options, items, matches, parts, key points). */
export const MAX_LIST = 100;

/**
 * True for an exercise id: the schema's slug pattern (`src/schemas/chapter.ts`, `slugId`), at most
 * 100 characters, and never a name that means something on a plain object.
 */
export const isExerciseId = (id: string): boolean =>
  id.length <= 100 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && id !== 'constructor' && id !== 'prototype';

/** The kind of answer each exercise type saves. */
const KIND: Record<ExerciseType, Answer['kind']> = {
  'single-choice': 'choice',
  'multiple-select': 'choice',
  'true-false': 'boolean',
  numeric: 'text',
  'short-answer': 'text',
  ordering: 'order',
  matching: 'match',
  open: 'open',
  'case-study': 'open',
};
const STATUSES: readonly unknown[] = ['in-progress', 'correct', 'partial', 'incorrect', 'self-assessed'] satisfies WorkStatus[];

const BAD_ANSWER = 'its answer does not fit the exercise';
const TOO_LONG = `its answer is longer than ${MAX_TEXT.toLocaleString('en-US')} characters`;
const TOO_MANY = `its answer has more than ${MAX_LIST} entries`;

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < MAX_LIST;
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

/** A copy of `v` if it is a list of at most MAX_LIST items that all pass `item`; else why not. */
function list<T>(v: unknown, item: (x: unknown) => x is T): T[] | string {
  if (!Array.isArray(v)) return BAD_ANSWER;
  if (v.length > MAX_LIST) return TOO_MANY;
  const copy = Array.from(v);
  return copy.every(item) ? copy : BAD_ANSWER;
}

function checkAnswer(kind: Answer['kind'], a: unknown): Answer | string {
  if (!isPlain(a) || a.kind !== kind) return BAD_ANSWER;
  switch (kind) {
    case 'choice': {
      const selected = list(a.selected, isIndex);
      return isString(selected) ? selected : { kind, selected };
    }
    case 'boolean':
      return isBoolean(a.value) ? { kind, value: a.value } : BAD_ANSWER;
    case 'text':
      return !isString(a.value) ? BAD_ANSWER : a.value.length > MAX_TEXT ? TOO_LONG : { kind, value: a.value };
    case 'order': {
      const order = list(a.order, isIndex);
      return isString(order) ? order : { kind, order };
    }
    case 'match': {
      const choices = list(a.choices, (x): x is number | null => x === null || isIndex(x));
      return isString(choices) ? choices : { kind, choices };
    }
    case 'open': {
      const texts = list(a.texts, isString);
      if (isString(texts)) return texts;
      if (texts.some((t) => t.length > MAX_TEXT)) return TOO_LONG;
      const rows = list(a.covered, isArray);
      if (isString(rows)) return rows;
      const covered: boolean[][] = [];
      for (const row of rows) {
        const checked = list(row, isBoolean);
        if (isString(checked)) return checked;
        covered.push(checked);
      }
      return { kind, texts, covered };
    }
  }
}

/** The outcome of `checkWork`: a clean copy, or why the value is refused (plain text for readers). */
export type WorkCheck = { ok: true; work: SavedWork } | { ok: false; reason: string };

/**
 * Validates one saved work value from an untrusted place (storage, an imported file) and returns a
 * fresh copy holding only the known fields. Never throws. The reason completes "was skipped
 * because ...", e.g. "its answer is longer than 20,000 characters".
 */
export function checkWork(v: unknown): WorkCheck {
  const no = (reason: string): WorkCheck => ({ ok: false, reason });
  if (!isPlain(v)) return no('it is not a saved answer');
  const { hash, type, attempts, status, updatedAt } = v;
  if (!isString(type) || !Object.hasOwn(KIND, type)) return no('its exercise type is unknown');
  // The hash may be empty (a page without one); it only has to be comparable.
  if (!isString(hash) || hash.length > 200) return no('its exercise version is not valid');
  if (!Number.isSafeInteger(attempts) || (attempts as number) < 0) return no('its number of attempts is not valid');
  if (!STATUSES.includes(status)) return no('its status is not valid');
  if (!isString(updatedAt) || updatedAt.length > 40 || !/^\d{4}-\d\d-\d\dT/.test(updatedAt) || Number.isNaN(Date.parse(updatedAt))) {
    return no('its date is not valid');
  }
  const answer = checkAnswer(KIND[type as ExerciseType], v.answer);
  if (isString(answer)) return no(answer);
  return { ok: true, work: { hash, type: type as ExerciseType, answer, attempts: attempts as number, status: status as WorkStatus, updatedAt } };
}

/**
 * Reads a stored record of any version into the current `SavedWork`, or null when it is not one
 * (malformed, or from a newer version this page does not know). The single place where an older
 * version would be converted. Never throws.
 */
export function migrate(raw: unknown): SavedWork | null {
  if (!isPlain(raw)) return null;
  // A v2 would convert here: `if (raw.v === 1) raw = { ...fromV1(raw), v: 2 };`
  if (raw.v !== WORK_VERSION) return null;
  const checked = checkWork(raw);
  return checked.ok ? checked.work : null;
}

/** True when the work was saved against another version of the exercise than `currentHash`. */
export const isStale = (work: SavedWork, currentHash: string): boolean => work.hash !== currentHash;

/** The outcome of `set`. `message` is a sentence for the reader (plain text). */
export type SetResult = { ok: true } | { ok: false; reason: 'quota' | 'unavailable' | 'invalid'; message: string };

export interface WorkStore {
  /** False when the browser does not let the book keep work: everything lives only for this page. */
  readonly persistent: boolean;
  /** The saved work of one exercise, or null if there is none or it cannot be read. */
  get(id: string): SavedWork | null;
  /** Saves one exercise's work. Never throws; a failed write keeps the work for this page. */
  set(id: string, work: SavedWork): SetResult;
  /** Deletes one exercise's work. */
  remove(id: string): void;
  /** Ids with readable saved work. */
  ids(): string[];
  /** All readable saved work by id (an object without prototype, safe for any id). */
  all(): Record<string, SavedWork>;
  /** Ids whose stored record exists but cannot be read; they are left in place. */
  corrupted(): string[];
  /** Deletes the work of `ids`, or all of this book's work; other keys in the storage stay. */
  clear(ids?: readonly string[]): void;
  /**
   * Calls `fn` after every change in this page and in other tabs (the `storage` event), with the
   * exercise id, or null when many may have changed. Returns the function that unsubscribes.
   */
  subscribe(fn: (id: string | null) => void): () => void;
}

const UNAVAILABLE =
  'This browser is not keeping your work (private browsing or storage turned off). Your answers stay until you leave this page; use "Export my work" to keep them.';
const FULL =
  "This browser's storage for the book is full, so this answer is kept only until you leave this page. Use \"Export my work\" to keep it, or reset exercises you no longer need.";

/** Chrome and Safari name it QuotaExceededError, old Firefox NS_ERROR_DOM_QUOTA_REACHED. */
const isQuotaError = (error: unknown): boolean => /quota/i.test(String((error as { name?: unknown } | null)?.name));

/** Where cross-tab `storage` events arrive: `window` in the browser, any EventTarget in tests. */
export type StorageEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/**
 * Creates the store over `storage` (default: `localStorage`). Pass null to keep work in memory
 * only. Storage that throws on access is detected here and replaced by memory.
 */
export function createWorkStore(storage?: Storage | null, events: StorageEvents | undefined = globalThis.window): WorkStore {
  let backend: Storage | null = null;
  try {
    const candidate = storage === undefined ? globalThis.localStorage : storage;
    // Some browsers throw only on use, not when the property is read.
    candidate?.getItem(KEY_PREFIX);
    backend = candidate ?? null;
  } catch {
    backend = null;
  }
  /** This page's work that is not in storage (storage disabled or full): the newest copy. */
  const memory = new Map<string, SavedWork>();
  const listeners = new Set<(id: string | null) => void>();

  /** The stored record: undefined if there is none, null if it cannot be read. */
  const read = (id: string): SavedWork | null | undefined => {
    let text: string | null;
    try {
      text = backend ? backend.getItem(KEY_PREFIX + id) : null;
    } catch {
      return undefined;
    }
    if (text === null) return undefined;
    try {
      return migrate(JSON.parse(text));
    } catch {
      return null;
    }
  };

  /** Every id under our prefix in storage, valid or not. */
  const scan = (): string[] => {
    const found: string[] = [];
    try {
      for (let i = 0; backend && i < backend.length; i++) {
        const key = backend.key(i);
        if (key?.startsWith(KEY_PREFIX)) found.push(key.slice(KEY_PREFIX.length));
      }
    } catch {
      // Storage that stops answering mid-way: report what was found.
    }
    return found;
  };

  const notify = (id: string | null): void => {
    for (const fn of listeners) {
      try {
        fn(id);
      } catch (error) {
        // One broken listener must not stop the others or make `set` throw; still report it.
        setTimeout(() => {
          throw error;
        });
      }
    }
  };

  const onStorage = (event: Event): void => {
    const { key, storageArea } = event as Partial<StorageEvent>;
    if (storageArea && storageArea !== backend) return; // sessionStorage, or another store
    if (key == null) notify(null); // another tab cleared the whole storage
    else if (key.startsWith(KEY_PREFIX)) notify(key.slice(KEY_PREFIX.length));
  };

  const get = (id: string): SavedWork | null => memory.get(id) ?? read(id) ?? null;
  const ids = (): string[] => [...new Set([...scan().filter((id) => isExerciseId(id) && read(id)), ...memory.keys()])];

  return {
    persistent: backend !== null,
    get,
    set(id, work) {
      const checked = checkWork(work);
      if (!isExerciseId(id) || !checked.ok) {
        return { ok: false, reason: 'invalid', message: `This answer could not be saved: ${checked.ok ? 'the exercise id is not valid' : checked.reason}.` };
      }
      // Keep the page's copy until the write succeeds, so a failed write loses nothing.
      memory.set(id, checked.work);
      let result: SetResult = { ok: false, reason: 'unavailable', message: UNAVAILABLE };
      if (backend) {
        try {
          backend.setItem(KEY_PREFIX + id, JSON.stringify({ v: WORK_VERSION, ...checked.work }));
          memory.delete(id);
          result = { ok: true };
        } catch (error) {
          if (isQuotaError(error)) result = { ok: false, reason: 'quota', message: FULL };
        }
      }
      notify(id);
      return result;
    },
    remove(id) {
      memory.delete(id);
      try {
        backend?.removeItem(KEY_PREFIX + id);
      } catch {
        // Nothing more to do: the record could not be reached either way.
      }
      notify(id);
    },
    ids,
    all() {
      const out = Object.create(null) as Record<string, SavedWork>;
      for (const id of ids()) {
        const work = get(id);
        if (work) out[id] = work;
      }
      return out;
    },
    corrupted: () => scan().filter((id) => isExerciseId(id) && !memory.has(id) && read(id) === null),
    clear(only) {
      for (const id of only ?? [...scan(), ...memory.keys()]) {
        memory.delete(id);
        try {
          backend?.removeItem(KEY_PREFIX + id);
        } catch {
          // As in `remove`.
        }
      }
      notify(null);
    },
    subscribe(fn) {
      if (listeners.size === 0) events?.addEventListener('storage', onStorage);
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
        if (listeners.size === 0) events?.removeEventListener('storage', onStorage);
      };
    },
  };
}
