/**
 * Assignment links (issue 3, "For instructors"): the whole assignment lives in the link's query
 * string, so no server or account is needed, e.g.
 *   ?t=Week+3%3A+data+quality&d=2026-12-01&ex=ch1-a,ch2-b&i=Answer+both+before+class.
 * `t` title, `d` due date (optional), `ex` exercise ids in order, `i` instructions (optional).
 * Instructions go last: a link cut short by a mail program loses words of the instructions
 * (visible) before it loses exercises (silent). Parameters we do not know (utm_*, fbclid, added by
 * course sites and mail trackers) are ignored.
 *
 * Lifecycle: the builder page encodes; the assignment page decodes `location.search` once on load.
 * The builder checks its own link with `decodeAssignment(encodeAssignment(a), ids)`, so instructors
 * see the same rules as students. Migration: the format has no version; a future change adds new
 * parameter names and keeps reading these.
 *
 * A link is hostile data, never code: anyone can edit it. Decoding applies limits (title 120
 * characters, instructions 2,000, 60 exercises, whole query 32,000 characters), strips control
 * characters, removes duplicate ids, checks ids against the slug pattern and due dates against the
 * calendar, and reports every problem as a plain sentence. The page MUST render the title,
 * instructions and messages as text (`textContent`), never as HTML or Markdown, and should put them
 * in an element with `dir="auto"` so right-to-left text cannot reorder what is around it.
 * Malformed percent-encoding never throws (URLSearchParams decodes it to U+FFFD).
 *
 * Browser-safe and small (no Node imports, no zod): it ships to the assignment pages.
 */
import { isExerciseId } from './storage.ts';

export interface Assignment {
  /** One line, shown as the page's heading. */
  title: string;
  /** Plain text, line breaks kept; empty when the instructor wrote none. */
  instructions: string;
  /** Due date, `YYYY-MM-DD`. */
  due?: string;
  /** Exercise ids in the instructor's order. */
  ids: string[];
}

/** Limits that decoding enforces; the builder uses them as its inputs' `maxlength`. */
export const ASSIGNMENT_LIMITS = { title: 120, instructions: 2_000, exercises: 60, query: 32_000 } as const;

/**
 * The query string (with its leading "?") of a link to `assignment`. It does not validate: run
 * `decodeAssignment` on the result to check it. Ids are kept readable (`ex=ch1-a,ch2-b`).
 */
export function encodeAssignment(assignment: { title: string; instructions?: string; due?: string; ids: readonly string[] }): string {
  const params = new URLSearchParams({ t: assignment.title.trim() });
  if (assignment.due) params.set('d', assignment.due);
  let query = `?${params}&ex=${[...new Set(assignment.ids)].map(encodeURIComponent).join(',')}`;
  const instructions = assignment.instructions?.trim();
  if (instructions) query += `&${new URLSearchParams({ i: instructions })}`;
  return query;
}

export type DecodedAssignment = { ok: true; assignment: Assignment; unknownIds: string[] } | { ok: false; errors: string[] };

/** C0 controls except line feed (tabs become spaces first), DEL and C1 controls. */
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
const clean = (s: string): string => s.replace(/\t/g, ' ').replace(CONTROLS, '').normalize('NFC').trim();

/** True for `YYYY-MM-DD` naming a day that exists (no 2026-02-30). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d\d-\d\d$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Reads an assignment from a link's query string (`location.search`, with or without "?") against
 * the ids of this edition of the book. Never throws. Unknown ids are not errors: the assignment
 * keeps the known ones and `unknownIds` lets the page say how many are missing. Errors are plain
 * sentences for the reader, and never repeat what the link contains.
 */
export function decodeAssignment(search: string, knownIds: ReadonlySet<string>): DecodedAssignment {
  const L = ASSIGNMENT_LIMITS;
  if (typeof search !== 'string' || search.length > L.query) return { ok: false, errors: ['This assignment link is too long to be one made by the assignment builder.'] };
  const params = new URLSearchParams(search);
  const errors: string[] = [];
  const one = (name: string, what: string): string => {
    const values = params.getAll(name);
    if (values.length > 1) errors.push(`The link gives the ${what} more than once, so it may have been changed by hand. Ask for a new link.`);
    return values[0] ?? '';
  };

  const title = clean(one('t', 'title')).replace(/\s+/g, ' ');
  if (!title) errors.push('The link has no title.');
  else if (title.length > L.title) errors.push(`The title is longer than ${L.title} characters.`);

  const instructions = clean(one('i', 'instructions').replace(/\r\n?/g, '\n'));
  if (instructions.length > L.instructions) errors.push(`The instructions are longer than ${L.instructions.toLocaleString('en-US')} characters.`);

  const due = clean(one('d', 'due date'));
  if (due && !isCalendarDate(due)) errors.push('The due date is not a real date (expected year-month-day, e.g. 2026-12-01).');

  const ids = [...new Set(one('ex', 'list of exercises').split(',').map(clean).filter(Boolean))];
  const malformed = ids.filter((id) => !isExerciseId(id)).length;
  const known = ids.filter((id) => knownIds.has(id));
  if (!ids.length) errors.push('The link names no exercises.');
  else if (malformed) errors.push(`${malformed === 1 ? 'One entry' : `${malformed} entries`} in the list of exercises ${malformed === 1 ? 'is' : 'are'} not an exercise id.`);
  else if (ids.length > L.exercises) errors.push(`The link names more than ${L.exercises} exercises.`);
  else if (!known.length) errors.push('None of the exercises in this link exist in this edition of the book.');

  if (errors.length) return { ok: false, errors };
  return { ok: true, assignment: { title, instructions, ...(due ? { due } : {}), ids: known }, unknownIds: ids.filter((id) => !knownIds.has(id)) };
}
