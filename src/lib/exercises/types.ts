/**
 * Shapes shared by the build (which writes answer keys into pages), the browser (which checks
 * answers and saves work) and the tests. Pure types: no runtime code, safe to import anywhere.
 */
import type { ExerciseType } from '../../schemas/exercise.ts';

/**
 * What the browser needs to check an answer: the answer key, without any Markdown. Written into
 * the page as JSON (`<script type="application/json" data-key>` inside `<book-exercise>`).
 * Open and case-study exercises have no key: the student assesses their own work.
 */
export type AnswerKey =
  | { type: 'single-choice'; correct: number }
  | { type: 'multiple-select'; correct: number[] }
  | { type: 'true-false'; answer: boolean }
  | { type: 'numeric'; answer: number; tolerance: number; unit?: string; unitAliases: string[] }
  /** `items` counts the items; the correct order is 0..items-1 (the page shuffles the display). */
  | { type: 'ordering'; items: number }
  /** `correct[i]` is the index, among the shown right-hand choices, of the match for left item i. */
  | { type: 'matching'; correct: number[]; choices: number }
  | { type: 'short-answer'; answers: string[] }
  | { type: 'open' | 'case-study'; parts: number; keyPoints: number[] };

/** A reader's answer, by kind of input. Saved as is, so keep it plain JSON. */
export type Answer =
  /** single-choice and multiple-select: indexes of the checked options. */
  | { kind: 'choice'; selected: number[] }
  /** true-false. */
  | { kind: 'boolean'; value: boolean }
  /** numeric and short-answer: what the reader typed. */
  | { kind: 'text'; value: string }
  /** ordering: item indexes (0 = first correct item) in the order the reader put them. */
  | { kind: 'order'; order: number[] }
  /** matching: for each left item, the index of the chosen right-hand choice, or null. */
  | { kind: 'match'; choices: (number | null)[] }
  /** open and case-study: one text per part, and per part which key points the reader ticked. */
  | { kind: 'open'; texts: string[]; covered: boolean[][] };

export type Verdict = 'correct' | 'partial' | 'incorrect';

export interface GradeResult {
  /** `invalid`: the input cannot be checked (e.g. not a number); it does not count as an attempt. */
  verdict: Verdict | 'invalid';
  /** Share of the answer that is right, 0 to 1 (for partial credit and progress). */
  score: number;
  /** Why, in a short sentence for the reader (no HTML), e.g. "3 of 5 items are in place." */
  message: string;
}

/** Status of one exercise's saved work. */
export type WorkStatus = 'in-progress' | Verdict | 'self-assessed';

/** Saved work of one exercise (one record per exercise id). */
export interface SavedWork {
  /** Hash of the exercise when the answer was saved; a different current hash = earlier version. */
  hash: string;
  type: ExerciseType;
  answer: Answer;
  /** Number of times "Check" (or "Compare", for open exercises) was pressed. */
  attempts: number;
  status: WorkStatus;
  /** ISO date-time of the last change. */
  updatedAt: string;
}
