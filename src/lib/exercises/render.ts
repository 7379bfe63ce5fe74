/**
 * One exercise as complete, accessible HTML (a HAST tree), rendered at build time. The same tree
 * serves the chapter (via remark-exercises), the assignment page and the catalog's previews, so an
 * exercise looks and behaves the same everywhere.
 *
 * Without JavaScript the prompt, options and items are readable and a note says that checking
 * needs JavaScript. `<book-exercise>` (src/scripts/book-exercise.ts) enhances it: it reads the
 * answer key from `data-key`, reveals feedback that is already in the page (hidden), and saves work.
 *
 * Editions: the student edition never contains `teachingNotes`, `rubric` or `modelAnswer`; the
 * instructor edition adds an "Instructor notes" panel with them and the answer key in words.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { exerciseTypeLabels, type Exercise, type ExerciseRole } from '../../schemas/exercise.ts';
import { answerKeyOf, exerciseHash, layoutOf } from './key.ts';
import { markdownBlock, markdownInline } from './markdown.ts';

export type Edition = 'student' | 'instructor';

export interface RenderOptions {
  edition: Edition;
  /** Where the data came from, for error messages (the YAML file). */
  file: string;
  /** Label such as "Exercise 3.2"; omitted on pages that number differently. */
  label?: string;
  /** Chapter id, for progress. */
  chapter: string;
  /** Heading level of the exercise title (3 under a chapter's "Exercises" section, 4 in a self-check box). */
  headingLevel?: 2 | 3 | 4;
  /** `check` marks a self-check (`data-role="check"`, counted apart from exercises). */
  role?: ExerciseRole;
  /** Absolute URL path of the exercise's home (chapter page) for the permalink; defaults to the current page. */
  homeHref?: string;
  /**
   * URL of a feedback file (see `renderFeedback`): option feedback, hints and the explanation are
   * left out of the page and fetched from there on first use. Keeps chapter pages inside their
   * byte budget; without JavaScript nobody sees feedback anyway.
   */
  feedbackUrl?: string;
}

const difficultyLabels = { introductory: 'Introductory', intermediate: 'Intermediate', advanced: 'Advanced' } as const;

/**
 * "Exercise 3.2" or, for a self-check, "Check 3.2": chapter number and 0-based position in the
 * file's `exercises:` or `checks:` list. The one place labels are made.
 */
export const exerciseLabel = (chapterNumber: number, index: number, role: ExerciseRole = 'exercise'): string =>
  `${role === 'check' ? 'Check' : 'Exercise'} ${chapterNumber}.${index + 1}`;

/** Id of the exercise's section element, its permalink fragment. */
export const exerciseAnchor = (id: string): string => `ex-${id}`;

const ignore = { dataPagefindIgnore: '' };

export function renderExercise(exercise: Exercise, options: RenderOptions): Element {
  const where = (field: string) => `${options.file}: exercise "${exercise.id}", field ${field}`;
  const inline = (md: string, field: string) => markdownInline(md, where(field));
  const block = (md: string, field: string) => markdownBlock(md, where(field));
  const anchor = exerciseAnchor(exercise.id);
  const idFor = (suffix: string) => `${anchor}-${suffix}`;
  const level = options.headingLevel ?? 3;
  const autoChecked = exercise.type !== 'open' && exercise.type !== 'case-study';
  const detached = options.feedbackUrl !== undefined;
  const parts = feedbackParts(exercise, inline, block);

  const header = h('header.exercise-header', [
    h(`h${level}.unnumbered.exercise-title`, { id: idFor('title') }, [
      options.label ? h('span.exercise-label', options.label) : null,
      options.label ? ' ' : null,
      exercise.title,
    ]),
    h('p.exercise-meta', { ...ignore }, [
      h('span', exerciseTypeLabels[exercise.type]),
      h('span', difficultyLabels[exercise.difficulty]),
      h('span', `${exercise.minutes} min`),
      h('a.exercise-permalink', { href: `${options.homeHref ?? ''}#${anchor}` }, ['Permalink', h('span.visually-hidden', ` to ${exercise.title}`)]),
      h('button.exercise-copy-link', { type: 'button', hidden: true, dataAction: 'copy-link' }, ['Copy link', h('span.visually-hidden', ` to ${exercise.title}`)]),
    ]),
  ]);

  const body: (Element | null)[] = [];
  if (exercise.type === 'case-study') {
    body.push(
      h('div.exercise-case', [
        h('p.exercise-case-heading', 'The case'),
        ...block(exercise.case, 'case'),
        h('p.exercise-sources', ['Sources: ', ...exercise.sources.flatMap((s, i) => [i ? '; ' : '', h('a', { href: s.url, rel: 'noopener' }, s.title)])]),
      ]),
    );
  }
  body.push(h('div.exercise-prompt', { id: idFor('prompt') }, block(exercise.prompt, 'prompt')));

  switch (exercise.type) {
    case 'single-choice':
    case 'multiple-select': {
      const input = exercise.type === 'single-choice' ? 'radio' : 'checkbox';
      body.push(
        h('fieldset.exercise-options', { ariaDescribedBy: idFor('prompt') }, [
          h('legend.visually-hidden', exercise.type === 'single-choice' ? 'Choose one answer' : 'Choose every correct answer'),
          exercise.type === 'multiple-select' ? h('p.exercise-instruction', { ariaHidden: 'true' }, 'Select all that apply.') : null,
          h(
            'ol.option-list',
            exercise.options.map((option, i) =>
              h('li.option', { dataOption: String(i) }, [
                choiceLabel(input, anchor, i, inline(option.text, `options.${i}.text`)),
                h('div.option-feedback', { hidden: true, dataSlot: `feedback-${i}`, ...ignore }, detached ? [] : parts.feedback[i]!),
              ]),
            ),
          ),
        ]),
      );
      break;
    }
    case 'true-false':
      body.push(
        h('fieldset.exercise-options', { ariaDescribedBy: idFor('prompt') }, [
          h('legend.visually-hidden', 'True or false?'),
          h('ol.option-list.option-list-inline', [
            h('li.option', [h('label', [h('input', { type: 'radio', name: anchor, value: 'true' }), ' True'])]),
            h('li.option', [h('label', [h('input', { type: 'radio', name: anchor, value: 'false' }), ' False'])]),
          ]),
        ]),
      );
      break;
    case 'numeric':
    case 'short-answer': {
      const inputProperties: Properties = { id: idFor('input'), type: 'text', autocomplete: 'off', spellcheck: 'false', maxLength: 500 };
      if (exercise.type === 'numeric') inputProperties.inputMode = 'decimal';
      if (exercise.type === 'numeric' && exercise.unit) inputProperties.ariaDescribedBy = [idFor('unit')];
      body.push(
        h('p.exercise-field', [
          h('label', { for: idFor('input') }, 'Your answer'),
          ' ',
          h('input.exercise-input', inputProperties),
          exercise.type === 'numeric' && exercise.unit ? h('span.exercise-unit', { id: idFor('unit') }, [h('span.visually-hidden', 'Unit: '), exercise.unit]) : null,
        ]),
      );
      break;
    }
    case 'ordering': {
      const items = layoutOf(exercise).items!;
      body.push(
        h('p.exercise-instruction', { id: idFor('how') }, 'Put the items in order: drag them, or use the Move up and Move down buttons.'),
        h(
          'ol.ordering-list',
          { ariaDescribedBy: idFor('how') },
          items.map((item) => {
            const text = inline(exercise.items[item]!, `items.${item}`);
            const plain = toString(h('span', text));
            return h('li.ordering-item', { dataItem: String(item) }, [
              h('span.ordering-handle', { ariaHidden: 'true' }, '⠿'),
              h('span.ordering-text', text),
              h('span.ordering-buttons', [
                h('button.ordering-move', { type: 'button', dataMove: '-1', hidden: true }, [h('span', { ariaHidden: 'true' }, '↑'), h('span.visually-hidden', `Move up: ${plain}`)]),
                h('button.ordering-move', { type: 'button', dataMove: '1', hidden: true }, [h('span', { ariaHidden: 'true' }, '↓'), h('span.visually-hidden', `Move down: ${plain}`)]),
              ]),
            ]);
          }),
        ),
      );
      break;
    }
    case 'matching': {
      const texts = [...exercise.pairs.map((p) => p.right), ...exercise.distractors];
      const shown = layoutOf(exercise).choices!;
      const choiceText = shown.map((t) => toString(h('span', inline(texts[t]!, 'pairs.right'))));
      body.push(
        h(
          'ol.matching-list',
          exercise.pairs.map((pair, i) =>
            h('li.matching-row', [
              h('label.matching-left', { for: idFor(`match-${i}`) }, inline(pair.left, `pairs.${i}.left`)),
              h('select.matching-select', { id: idFor(`match-${i}`), dataRow: String(i) }, [
                h('option', { value: '' }, 'Choose a match'),
                ...choiceText.map((text, c) => h('option', { value: String(c) }, text)),
              ]),
            ]),
          ),
        ),
      );
      break;
    }
    case 'open':
    case 'case-study':
      body.push(
        h(
          'ol.open-parts',
          exercise.parts.map((part, i) =>
            h('li.open-part', { dataPart: String(i) }, [
              h('label.open-prompt', { for: idFor(`part-${i}`) }, [
                exercise.parts.length > 1 ? h('span.open-part-label', `Part ${i + 1}. `) : null,
                ...inline(part.prompt, `parts.${i}.prompt`),
              ]),
              h('textarea.open-answer', { id: idFor(`part-${i}`), rows: 6 }),
              h('div.key-points', { hidden: true, ...ignore }, [
                h('p.key-points-heading', 'A strong answer covers these points. Tick the ones your answer covers:'),
                h(
                  'ul.key-point-list',
                  part.keyPoints.map((point, k) => h('li', [h('label', [h('input', { type: 'checkbox', dataPart: String(i), dataPoint: String(k) }), ' ', h('span', inline(point, `parts.${i}.keyPoints.${k}`))])])),
                ),
              ]),
            ]),
          ),
        ),
      );
      break;
  }

  if (exercise.hints.length > 0) {
    body.push(
      h(
        'ol.exercise-hints',
        { ariaLabel: 'Hints', ...ignore },
        exercise.hints.map((_, i) => h('li', { hidden: true, dataSlot: `hint-${i}` }, detached ? [] : parts.hints[i]!)),
      ),
    );
  }

  body.push(
    h('p.exercise-nojs', 'Checking answers and saving your work need JavaScript, which is turned off or still loading.'),
    h('div.exercise-actions', [
      h('button.button.button-primary', { type: 'submit', dataAction: 'check' }, autoChecked ? 'Check' : 'Compare with key points'),
      exercise.hints.length ? h('button.button', { type: 'button', dataAction: 'hint' }, 'Show a hint') : null,
      h('button.button', { type: 'button', dataAction: 'explain', hidden: true }, 'Show explanation'),
      h('button.button', { type: 'button', dataAction: 'retry', hidden: true }, 'Try again'),
    ]),
    h('p.exercise-status', { role: 'status', ariaLive: 'polite' }),
    h('p.exercise-stale', { hidden: true }, 'This answer was saved for an earlier version of this exercise. It is kept here, but it has not been checked against the current version.'),
    h('p.exercise-storage', { hidden: true }),
    h('div.exercise-explanation', { hidden: true, ...ignore }, [h('p.exercise-explanation-heading', 'Explanation'), h('div', { dataSlot: 'explanation' }, detached ? [] : parts.explanation)]),
  );

  const children: ElementContent[] = [header, h('form.exercise-form', { noValidate: true }, body.filter((n): n is Element => n !== null))];
  if (options.edition === 'instructor') children.push(instructorPanel(exercise, { inline, block }));

  return h(
    'section.exercise',
    // Search indexes exercises through their own records (search-records.ts), not the page's copy.
    { id: anchor, ariaLabelledBy: idFor('title'), dataExercise: exercise.id, dataPagefindIgnore: 'all' },
    [
      h(
        'book-exercise',
        {
          dataId: exercise.id,
          dataType: exercise.type,
          dataHash: exerciseHash(exercise),
          dataChapter: options.chapter,
          dataTitle: exercise.title,
          ...(options.role === 'check' ? { dataRole: 'check' } : {}),
          ...(detached ? { dataFeedback: options.feedbackUrl } : {}),
          dataKey: JSON.stringify(answerKeyOf(exercise)),
          ...(layoutOf(exercise).items ? { dataLayout: JSON.stringify(layoutOf(exercise).items) } : {}),
        },
        children,
      ),
    ],
  );
}

/**
 * A radio or checkbox with its option text. When the option is only a formula, the input also
 * gets the formula's TeX as its name: accessibility checkers (and some screen readers) do not read
 * a name out of MathML.
 */
function choiceLabel(type: string, name: string, index: number, text: ElementContent[]): Element {
  const holder = h('span', text);
  let prose = '';
  let tex = '';
  const walk = (node: ElementContent): void => {
    if (node.type === 'text') prose += node.value;
    if (node.type !== 'element') return;
    const classes = (node.properties.className as string[] | undefined) ?? [];
    if (classes.includes('katex')) {
      node.children.forEach(function find(child: ElementContent): void {
        if (child.type !== 'element') return;
        if (child.tagName === 'annotation') tex += ` ${toString(child)} `;
        else child.children.forEach(find);
      });
      return;
    }
    node.children.forEach(walk);
  };
  holder.children.forEach(walk);
  const properties: Properties = { type, name, value: String(index) };
  if (prose.trim() === '' && tex.trim() !== '') properties.ariaLabel = tex.trim().replace(/\s+/g, ' ');
  return h('label', [h('input', properties), ' ', h('span.option-text', text)]);
}

/** The texts a reader sees only after trying: feedback per option, hints, the explanation. */
function feedbackParts(exercise: Exercise, inline: (md: string, field: string) => ElementContent[], block: (md: string, field: string) => ElementContent[]) {
  return {
    feedback: exercise.type === 'single-choice' || exercise.type === 'multiple-select' ? exercise.options.map((o, i) => inline(o.feedback, `options.${i}.feedback`)) : [],
    hints: exercise.hints.map((hint, i) => [h('strong', `Hint ${i + 1}: `), ...inline(hint, `hints.${i}`)]),
    explanation: [
      ...(exercise.type === 'true-false' ? block(`**${exercise.answer ? 'True' : 'False'}.** ${exercise.justification}`, 'justification') : []),
      ...block(exercise.explanation, 'explanation'),
    ],
  };
}

/**
 * The feedback file's entry for one exercise: `<div data-feedback-for="id">` holding one element
 * per slot (`data-slot="feedback-0"`, `hint-1`, `explanation`) whose children fill the page's slot.
 */
export function renderFeedback(exercise: Exercise, file: string): Element {
  const where = (field: string) => `${file}: exercise "${exercise.id}", field ${field}`;
  const parts = feedbackParts(exercise, (md, f) => markdownInline(md, where(f)), (md, f) => markdownBlock(md, where(f)));
  return h('div', { dataFeedbackFor: exercise.id }, [
    ...parts.feedback.map((children, i) => h('div', { dataSlot: `feedback-${i}` }, children)),
    ...parts.hints.map((children, i) => h('div', { dataSlot: `hint-${i}` }, children)),
    h('div', { dataSlot: 'explanation' }, parts.explanation),
  ]);
}

type Renderers = { inline: (md: string, field: string) => ElementContent[]; block: (md: string, field: string) => ElementContent[] };

/** Instructor edition only: the answer in words, model answers, the rubric and teaching notes. */
function instructorPanel(exercise: Exercise, { inline, block }: Renderers): Element {
  const content: (Element | null)[] = [h('p.instructor-heading', 'Instructor notes')];
  const answer = (() => {
    switch (exercise.type) {
      case 'single-choice':
      case 'multiple-select':
        return h('ul', exercise.options.flatMap((o, i) => (o.correct ? [h('li', [`Option ${i + 1}: `, ...inline(o.text, `options.${i}.text`)])] : [])));
      case 'true-false':
        return h('p', exercise.answer ? 'True' : 'False');
      case 'numeric':
        return h('p', `${exercise.answer}${exercise.unit ? ` ${exercise.unit}` : ''}${exercise.tolerance ? ` (± ${exercise.tolerance})` : ''}`);
      case 'ordering':
        return h('ol', exercise.items.map((item, i) => h('li', inline(item, `items.${i}`))));
      case 'matching':
        return h('ul', exercise.pairs.map((p, i) => h('li', [...inline(p.left, `pairs.${i}.left`), ' → ', ...inline(p.right, `pairs.${i}.right`)])));
      case 'short-answer':
        return h('p', `Accepted: ${exercise.answers.join('; ')}`);
      case 'open':
      case 'case-study':
        return h(
          'ol.model-answers',
          exercise.parts.map((part, i) => h('li', [h('p', [h('strong', `Model answer, part ${i + 1}. `)]), ...block(part.modelAnswer, `parts.${i}.modelAnswer`)])),
        );
    }
  })();
  content.push(h('p.instructor-subheading', exercise.type === 'open' || exercise.type === 'case-study' ? 'Model answers' : 'Answer key'), answer);
  if (exercise.type === 'open' || exercise.type === 'case-study') {
    content.push(
      h('p.instructor-subheading', 'Rubric'),
      h('div.table-scroll', { tabIndex: 0, role: 'region', ariaLabel: `Rubric for ${exercise.title}` }, [
        h('table.rubric', [
          h('thead', [h('tr', [h('th', { scope: 'col' }, 'Criterion'), h('th', { scope: 'col' }, 'Points'), h('th', { scope: 'col' }, 'Full marks'), h('th', { scope: 'col' }, 'Partial')])]),
          h(
            'tbody',
            exercise.rubric.map((r, i) =>
              h('tr', [h('th', { scope: 'row' }, r.criterion), h('td', String(r.points)), h('td', inline(r.excellent, `rubric.${i}.excellent`)), h('td', inline(r.partial, `rubric.${i}.partial`))]),
            ),
          ),
        ]),
      ]),
    );
  }
  content.push(h('p.instructor-subheading', 'Teaching notes'), ...(block(exercise.teachingNotes, 'teachingNotes') as Element[]));
  return h('aside.instructor-notes', { ariaLabel: `Instructor notes: ${exercise.title}` }, content.filter((n): n is Element => n !== null));
}
