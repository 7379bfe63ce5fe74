/**
 * Exercises: `content/exercises/NN-slug.yaml`, one file per chapter (same `NN-slug` as the chapter),
 * holding `exercises:`, a list of the exercises below. A chapter places each one with
 * `::exercise{#id}`.
 *
 * Every text field marked "Markdown" may use inline Markdown and `$...$` math.
 *
 * Visibility: everything is in the student build EXCEPT `teachingNotes`, `rubric` and the parts'
 * `modelAnswer`, which only the instructor edition (`npm run build:instructor`) renders. Answer keys
 * of auto-checked exercises (correct options, numbers, orders) are in the student build because the
 * browser checks answers without a server.
 *
 * Checks across exercises (ids unique book-wide, objectives in range, every exercise placed in its
 * chapter) live in `src/lib/exercises/load.ts`.
 */
import { z } from 'astro/zod';
import { slugId } from './chapter.ts';

const markdown = z.string().trim().min(1, 'must not be empty');

/** One choice of a single-choice or multiple-select question. */
const choiceOption = z
  .object({
    /** The option as shown (Markdown). */
    text: markdown,
    /** True for a correct option. Omit for a wrong one. */
    correct: z.boolean().default(false),
    /** Why this option is right or wrong, shown after "Check" when the reader picked it (Markdown). */
    feedback: markdown,
  })
  .strict();

/** Fields every exercise has. */
const base = {
  /**
   * Stable id, unique in the whole book: the storage key of the reader's saved answer and the
   * permalink (`#ex-<id>`). Never reuse an id for a different question. Convention: `chN-topic`.
   */
  id: slugId,
  /** Short title, shown above the prompt and in the exercise catalog. */
  title: z.string().trim().min(1),
  /** The question (Markdown, may hold math). */
  prompt: markdown,
  /** How hard the exercise is for the course's audience. */
  difficulty: z.enum(['introductory', 'intermediate', 'advanced']),
  /** Estimated minutes a student needs. */
  minutes: z.number().int().min(1).max(240),
  /** The chapter's learning objectives this exercise practises, by their number (1 = first). */
  objectives: z.array(z.number().int().min(1)).min(1, 'name at least one learning objective by number'),
  /** Hints, revealed one at a time (Markdown). */
  hints: z.array(markdown).default([]),
  /** Shown after an attempt ("show explanation"): why the answer is what it is (Markdown). */
  explanation: markdown,
  /** Instructor edition only: how to use the exercise in class, common mistakes (Markdown). */
  teachingNotes: markdown,
};

export const singleChoiceSchema = z
  .object({
    ...base,
    type: z.literal('single-choice'),
    /** Two or more options, exactly one correct. Shown in this order. */
    options: z.array(choiceOption).min(2, 'give at least two options'),
  })
  .strict();

export const multipleSelectSchema = z
  .object({
    ...base,
    type: z.literal('multiple-select'),
    /** Two or more options, at least one correct. The reader must pick exactly the correct ones. */
    options: z.array(choiceOption).min(2, 'give at least two options'),
  })
  .strict();

export const trueFalseSchema = z
  .object({
    ...base,
    type: z.literal('true-false'),
    /** Whether the statement in the prompt is true. */
    answer: z.boolean(),
    /** Why, shown after the reader answers, right or wrong (Markdown). */
    justification: markdown,
  })
  .strict();

export const numericSchema = z
  .object({
    ...base,
    type: z.literal('numeric'),
    /** The correct value, expressed in `unit`. */
    answer: z.number().finite(),
    /** Accepted distance from `answer`, inclusive on both sides (0 = exact). */
    tolerance: z.number().finite().min(0, 'tolerance cannot be negative').default(0),
    /** Unit of the answer as shown next to the box, e.g. "GPUs", "%", "ms". Omit for a pure number. */
    unit: z.string().trim().min(1).optional(),
    /** Other spellings of the unit a reader may type, e.g. ["gpu", "gpus"]. Matching ignores case. */
    unitAliases: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();

export const orderingSchema = z
  .object({
    ...base,
    type: z.literal('ordering'),
    /** The items in their CORRECT order (Markdown). The page shows them shuffled. */
    items: z.array(markdown).min(3, 'an ordering needs at least three items'),
  })
  .strict();

export const matchingSchema = z
  .object({
    ...base,
    type: z.literal('matching'),
    /** Pairs: each `left` (shown in order) has exactly one correct `right` (Markdown, plain text best). */
    pairs: z
      .array(z.object({ left: markdown, right: markdown }).strict())
      .min(2, 'a matching exercise needs at least two pairs'),
    /** Extra wrong choices offered among the rights (optional). */
    distractors: z.array(markdown).default([]),
  })
  .strict();

export const shortAnswerSchema = z
  .object({
    ...base,
    type: z.literal('short-answer'),
    /**
     * Accepted answers. Comparison ignores case, surrounding and repeated spaces and a final full
     * stop, so "Churn  prediction." matches "churn prediction".
     */
    answers: z.array(z.string().trim().min(1)).min(1, 'give at least one accepted answer'),
  })
  .strict();

/** One prompt of an open or case-study exercise, with a text box of its own. */
const openPart = z
  .object({
    /** The question (Markdown). */
    prompt: markdown,
    /** What a strong answer covers, shown to the student after writing; they tick what they covered (Markdown). */
    keyPoints: z.array(markdown).min(1, 'list what a strong answer covers'),
    /** Instructor edition only: a full model answer (Markdown). */
    modelAnswer: markdown,
  })
  .strict();

/** One criterion of an instructor's grading rubric. */
const rubricCriterion = z
  .object({
    /** What is judged, e.g. "Stakeholders and their questions". */
    criterion: z.string().trim().min(1),
    /** Points available. */
    points: z.number().int().min(1),
    /** What full marks look like (Markdown). */
    excellent: markdown,
    /** What a partial answer looks like (Markdown). */
    partial: markdown,
  })
  .strict();

const openBase = {
  ...base,
  /** Two or more prompts for a case study; one or more for an open response. */
  parts: z.array(openPart).min(1, 'give at least one part'),
  /** Instructor edition only: the grading rubric. */
  rubric: z.array(rubricCriterion).min(1, 'give the rubric at least one criterion'),
};

export const openSchema = z
  .object({
    ...openBase,
    type: z.literal('open'),
  })
  .strict();

export const caseStudySchema = z
  .object({
    ...openBase,
    type: z.literal('case-study'),
    /** The case summarised in our own words, so it works offline (Markdown, paragraphs allowed). */
    case: markdown,
    /** Public sources of the case: title and URL. */
    sources: z.array(z.object({ title: z.string().trim().min(1), url: z.url() }).strict()).min(1, 'link the public source of the case'),
  })
  .strict();

/** Any exercise: a discriminated union on `type`, with checks that need the whole object. */
export const exerciseSchema = z
  .discriminatedUnion('type', [
    singleChoiceSchema,
    multipleSelectSchema,
    trueFalseSchema,
    numericSchema,
    orderingSchema,
    matchingSchema,
    shortAnswerSchema,
    openSchema,
    caseStudySchema,
  ])
  .superRefine((exercise, ctx) => {
    if (exercise.type === 'single-choice') {
      const correct = exercise.options.filter((o) => o.correct).length;
      if (correct !== 1) ctx.addIssue({ code: 'custom', path: ['options'], message: `a single-choice question needs exactly one correct option (found ${correct})` });
    }
    if (exercise.type === 'multiple-select' && !exercise.options.some((o) => o.correct)) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a multiple-select question needs at least one correct option' });
    }
    if (exercise.type === 'ordering' && new Set(exercise.items).size !== exercise.items.length) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'ordering items must be different from each other' });
    }
    if (exercise.type === 'matching') {
      const rights = [...exercise.pairs.map((p) => p.right), ...exercise.distractors];
      if (new Set(rights).size !== rights.length) ctx.addIssue({ code: 'custom', path: ['pairs'], message: 'each right-hand choice (and distractor) must be different' });
    }
    if (exercise.type === 'case-study' && exercise.parts.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['parts'], message: 'a case study needs at least two parts' });
    }
  });

/**
 * A "Check your understanding" question: any auto-checked exercise, placed with `::check{#id}` at
 * the end of the chapter section it tests. Same fields as an exercise; open and case-study kinds are
 * not allowed, since a self-check is answered in a minute or two and checked in place.
 */
export const checkSchema = exerciseSchema.superRefine((exercise, ctx) => {
  if (exercise.type === 'open' || exercise.type === 'case-study') {
    ctx.addIssue({ code: 'custom', path: ['type'], message: `a self-check must be auto-checked (single-choice, multiple-select, true-false, numeric, ordering, matching or short-answer), not ${exercise.type}` });
  }
});

/** A chapter's exercise file. */
export const exerciseFileSchema = z
  .object({
    /** The chapter's end-of-chapter exercises, in the order the catalog lists them ("Exercise N.k"). */
    exercises: z.array(exerciseSchema).min(1, 'list at least one exercise'),
    /**
     * The chapter's self-checks ("Check N.k"), in the order the chapter places them: one to three
     * after each main section, placed with `::check{#id}`.
     */
    checks: z.array(checkSchema).default([]),
  })
  .strict();

/** End-of-chapter exercise or in-section self-check. */
export type ExerciseRole = 'exercise' | 'check';

export type Exercise = z.infer<typeof exerciseSchema>;
export type ExerciseType = Exercise['type'];
export type ChoiceExercise = z.infer<typeof singleChoiceSchema> | z.infer<typeof multipleSelectSchema>;
export type NumericExercise = z.infer<typeof numericSchema>;
export type OrderingExercise = z.infer<typeof orderingSchema>;
export type MatchingExercise = z.infer<typeof matchingSchema>;
export type ShortAnswerExercise = z.infer<typeof shortAnswerSchema>;
export type OpenExercise = z.infer<typeof openSchema> | z.infer<typeof caseStudySchema>;

/** Exercise types checked automatically in the browser (the rest are self-assessed). */
export const autoCheckedTypes = ['single-choice', 'multiple-select', 'true-false', 'numeric', 'ordering', 'matching', 'short-answer'] as const;
export const isAutoChecked = (exercise: Exercise): boolean => (autoCheckedTypes as readonly string[]).includes(exercise.type);

/** Names shown to readers for each type. */
export const exerciseTypeLabels: Record<ExerciseType, string> = {
  'single-choice': 'Single choice',
  'multiple-select': 'Multiple select',
  'true-false': 'True or false',
  numeric: 'Numeric',
  ordering: 'Ordering',
  matching: 'Matching',
  'short-answer': 'Short answer',
  open: 'Open response',
  'case-study': 'Case study',
};
