/**
 * Answer checking: pure functions shared by the browser (book-exercise.ts) and the unit tests, so
 * what the tests prove is what readers get. Also builds the answer key from an exercise at build
 * time (`answerKeyOf`), and the deterministic shuffles the page uses for ordering and matching.
 *
 * Browser-safe and small: no Node imports, no zod.
 */
import type { Answer, AnswerKey, GradeResult } from './types.ts';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const result = (verdict: GradeResult['verdict'], score: number, message: string): GradeResult => ({ verdict, score, message });
const wrongKind = (): GradeResult => result('invalid', 0, 'This answer does not fit the question.');

/** Lower-case, no whitespace at all, no final full stop or exclamation mark: "Churn  Prediction." -> "churnprediction". */
export function normaliseShortAnswer(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/[.!]+$/, '');
}

export type NumericParse = { ok: true; value: number; unit: string } | { ok: false; message: string };

/**
 * Reads a number with an optional unit after it: "12", "-0.5", "1,200", "1.2e3", "80 %", "12 GPUs",
 * ".75", and money such as "$360,000" or "-€5". Thousands separators are commas or spaces (thin and
 * no-break spaces too: "1 200", "1\u2009200") in groups of three ("1,200" but not "1,2"). A lone comma
 * as a decimal mark is refused with a hint, not guessed.
 */
export function parseNumeric(input: string): NumericParse {
  // A leading currency sign is read as decoration ("$360,000"): units are checked separately.
  const text = input.normalize('NFKC').trim().replace(/\u2212/g, '-').replace(/^([+-]?)\s*[$€£]\s*/, '$1');
  if (text === '') return { ok: false, message: 'Enter a number first.' };
  // Thousands in groups of three, separated by commas or by spaces (NFKC has turned thin and
  // no-break spaces into plain ones), one kind of separator per number.
  const match = /^([+-]?(?:\d{1,3}(?:(,|\s)\d{3})(?:\2\d{3})*|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?)\s*(.*)$/i.exec(text);
  const number = match?.[1] ?? '';
  if (!match || !/\d/.test(number)) return { ok: false, message: 'Enter a number, for example 0.82 or 12.' };
  const unit = match[3]!.trim();
  // Digits after a space were meant as thousands ("12 00"), after a comma as decimals ("0,82").
  if (/^,?\d/.test(unit)) return { ok: false, message: /\s$/.test(text.slice(0, -unit.length)) ? 'Group thousands in threes: 1 200.' : 'Use a dot for decimals, for example 0.82.' };
  const value = Number(number.replace(/[,\s]/g, ''));
  if (!Number.isFinite(value)) return { ok: false, message: 'That number is too large.' };
  return { ok: true, value, unit };
}

const unitKey = (unit: string): string => unit.toLowerCase().replace(/\s+/g, '');

export function gradeNumeric(key: Extract<AnswerKey, { type: 'numeric' }>, input: string): GradeResult {
  const parsed = parseNumeric(input);
  if (!parsed.ok) return result('invalid', 0, parsed.message);
  if (parsed.unit) {
    const accepted = [key.unit ?? '', ...key.unitAliases].filter(Boolean).map(unitKey);
    if (!accepted.includes(unitKey(parsed.unit))) {
      return result('invalid', 0, key.unit ? `Give the answer in ${key.unit}, or as a plain number.` : `Give a plain number, without "${parsed.unit}".`);
    }
  }
  // A tiny relative slack so that 0.1 + 0.2 style rounding never turns a right answer wrong.
  const slack = 1e-9 * Math.max(1, Math.abs(key.answer));
  const right = Math.abs(parsed.value - key.answer) <= key.tolerance + slack;
  if (right) return result('correct', 1, 'Correct.');
  const direction = parsed.value > key.answer ? 'too high' : 'too low';
  return result('incorrect', 0, `Not quite: ${parsed.value} is ${direction}.`);
}

function gradeChoice(key: Extract<AnswerKey, { type: 'single-choice' | 'multiple-select' }>, selected: number[]): GradeResult {
  const picked = new Set(selected);
  if (picked.size === 0) return result('invalid', 0, 'Choose an option first.');
  if (key.type === 'single-choice') {
    return picked.size === 1 && picked.has(key.correct) ? result('correct', 1, 'Correct.') : result('incorrect', 0, 'Not quite.');
  }
  const correct = new Set(key.correct);
  const hits = [...picked].filter((i) => correct.has(i)).length;
  const wrong = picked.size - hits;
  if (hits === correct.size && wrong === 0) return result('correct', 1, 'Correct: you chose exactly the right options.');
  const message = `You chose ${hits} of the ${plural(correct.size, 'correct option')}${wrong ? ` and ${plural(wrong, 'wrong one')}` : ''}.`;
  const score = Math.max(0, (hits - wrong) / correct.size);
  return result(hits > 0 ? 'partial' : 'incorrect', score, message);
}

function gradeOrdering(key: Extract<AnswerKey, { type: 'ordering' }>, order: number[]): GradeResult {
  const n = key.items;
  const valid = order.length === n && new Set(order).size === n && order.every((i) => Number.isInteger(i) && i >= 0 && i < n);
  if (!valid) return wrongKind();
  const inPlace = order.filter((item, position) => item === position).length;
  if (inPlace === n) return result('correct', 1, 'Correct: every item is in place.');
  return result(inPlace > 0 ? 'partial' : 'incorrect', inPlace / n, `${inPlace} of ${n} items are in the right place.`);
}

function gradeMatching(key: Extract<AnswerKey, { type: 'matching' }>, choices: (number | null)[]): GradeResult {
  if (choices.length !== key.correct.length) return wrongKind();
  if (choices.every((c) => c === null)) return result('invalid', 0, 'Match at least one item first.');
  const right = choices.filter((c, i) => c === key.correct[i]).length;
  const n = key.correct.length;
  if (right === n) return result('correct', 1, 'Correct: every match is right.');
  return result(right > 0 ? 'partial' : 'incorrect', right / n, `${right} of ${n} matches are right.`);
}

/** Checks an answer against its key. Open exercises are never graded here (see `selfAssessment`). */
export function grade(key: AnswerKey, answer: Answer): GradeResult {
  switch (key.type) {
    case 'single-choice':
    case 'multiple-select':
      return answer.kind === 'choice' ? gradeChoice(key, answer.selected) : wrongKind();
    case 'true-false':
      if (answer.kind !== 'boolean') return wrongKind();
      return answer.value === key.answer ? result('correct', 1, 'Correct.') : result('incorrect', 0, 'Not quite.');
    case 'numeric':
      return answer.kind === 'text' ? gradeNumeric(key, answer.value) : wrongKind();
    case 'short-answer': {
      if (answer.kind !== 'text') return wrongKind();
      const given = normaliseShortAnswer(answer.value);
      if (given === '') return result('invalid', 0, 'Type an answer first.');
      return key.answers.some((a) => normaliseShortAnswer(a) === given) ? result('correct', 1, 'Correct.') : result('incorrect', 0, 'Not one of the accepted answers.');
    }
    case 'ordering':
      return answer.kind === 'order' ? gradeOrdering(key, answer.order) : wrongKind();
    case 'matching':
      return answer.kind === 'match' ? gradeMatching(key, answer.choices) : wrongKind();
    case 'open':
    case 'case-study':
      return result('invalid', 0, 'Open answers are assessed by you, against the key points.');
  }
}

/** Share of key points a student ticked across all parts of an open exercise (0 to 1). */
export function selfAssessment(covered: boolean[][]): { ticked: number; total: number } {
  const flat = covered.flat();
  return { ticked: flat.filter(Boolean).length, total: flat.length };
}

/** A small deterministic PRNG (mulberry32) seeded from a string, so the server and tests agree. */
function seeded(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A permutation of 0..n-1 that depends only on `seed` and is never the identity (for n > 1), so
 * an ordering exercise never starts solved. Used at build time to lay out items and choices.
 */
export function shuffledIndexes(n: number, seed: string): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  if (n < 2) return order;
  const random = seeded(seed);
  for (let attempt = 0; attempt < 10; attempt++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    if (order.some((v, i) => v !== i)) return order;
  }
  // Ten identities in a row cannot happen for n >= 2 in practice; rotate to be certain.
  return order.map((_, i) => (i + 1) % n);
}
