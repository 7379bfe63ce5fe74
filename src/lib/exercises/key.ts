/**
 * Build-time view of an exercise for the browser: the answer key (no Markdown, no solutions beyond
 * what checking needs), the display layout of shuffled items, and a content hash that tells saved
 * answers from an earlier version of the exercise apart.
 */
import { createHash } from 'node:crypto';
import type { Exercise } from '../../schemas/exercise.ts';
import { shuffledIndexes } from './grade.ts';
import type { AnswerKey } from './types.ts';

/** How the page lays out an exercise's shuffled parts (indexes into the YAML lists). */
export interface Layout {
  /** ordering: the item indexes in display order. */
  items?: number[];
  /** matching: the right-hand choices in display order, as texts' indexes into [...rights, ...distractors]. */
  choices?: number[];
}

export function layoutOf(exercise: Exercise): Layout {
  if (exercise.type === 'ordering') return { items: shuffledIndexes(exercise.items.length, exercise.id) };
  if (exercise.type === 'matching') return { choices: shuffledIndexes(exercise.pairs.length + exercise.distractors.length, exercise.id) };
  return {};
}

export function answerKeyOf(exercise: Exercise): AnswerKey {
  switch (exercise.type) {
    case 'single-choice':
      return { type: exercise.type, correct: exercise.options.findIndex((o) => o.correct) };
    case 'multiple-select':
      return { type: exercise.type, correct: exercise.options.flatMap((o, i) => (o.correct ? [i] : [])) };
    case 'true-false':
      return { type: exercise.type, answer: exercise.answer };
    case 'numeric':
      return { type: exercise.type, answer: exercise.answer, tolerance: exercise.tolerance, ...(exercise.unit ? { unit: exercise.unit } : {}), unitAliases: exercise.unitAliases };
    case 'ordering':
      return { type: exercise.type, items: exercise.items.length };
    case 'matching': {
      const shown = layoutOf(exercise).choices!;
      return { type: exercise.type, correct: exercise.pairs.map((_, i) => shown.indexOf(i)), choices: shown.length };
    }
    case 'short-answer':
      return { type: exercise.type, answers: exercise.answers };
    case 'open':
    case 'case-study':
      return { type: exercise.type, parts: exercise.parts.length, keyPoints: exercise.parts.map((p) => p.keyPoints.length) };
  }
}

/**
 * Hash of what a saved answer depends on: the type, the prompt and the answer-bearing fields.
 * Editing a hint, the explanation or the teaching notes keeps old answers current; changing an
 * option, a number or an item marks them as from an earlier version.
 */
export function exerciseHash(exercise: Exercise): string {
  const answerBearing = (() => {
    switch (exercise.type) {
      case 'single-choice':
      case 'multiple-select':
        return exercise.options.map((o) => [o.text, o.correct]);
      case 'open':
      case 'case-study':
        return exercise.parts.map((p) => [p.prompt, p.keyPoints]);
      default:
        return answerKeyOf(exercise);
    }
  })();
  const items = exercise.type === 'ordering' ? exercise.items : exercise.type === 'matching' ? [exercise.pairs, exercise.distractors] : null;
  const relevant = [exercise.id, exercise.type, exercise.prompt, answerBearing, items];
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 12);
}
