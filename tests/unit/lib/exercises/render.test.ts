import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { renderExercise, renderFeedback } from '../../../../src/lib/exercises/render.ts';
import { exerciseSchema } from '../../../../src/schemas/exercise.ts';

const exercise = exerciseSchema.parse({
  id: 'r-choice',
  type: 'single-choice',
  title: 'Render me',
  prompt: 'Pick $x$.',
  difficulty: 'introductory',
  minutes: 1,
  objectives: [1],
  hints: ['Look at $x$.'],
  explanation: 'Because **x**.',
  teachingNotes: 'NOTE',
  options: [
    { text: 'x', correct: true, feedback: 'Right, x.' },
    { text: 'y', feedback: 'No, y.' },
  ],
});

describe('feedback file entries', () => {
  it('hold every slot the page leaves empty, with Markdown and math rendered', () => {
    const html = toHtml(renderFeedback(exercise, 'f.yaml'));
    expect(html).toContain('<div data-feedback-for="r-choice">');
    expect(html).toContain('<div data-slot="feedback-0">Right, x.</div>');
    expect(html).toContain('<div data-slot="feedback-1">No, y.</div>');
    expect(html).toMatch(/<div data-slot="hint-0"><strong>Hint 1: <\/strong>Look at <span class="katex">/);
    expect(html).toContain('<div data-slot="explanation"><p>Because <strong>x</strong>.</p></div>');
  });

  it('are inline when the exercise is rendered without a feedback file (assignment pages)', () => {
    const html = toHtml(renderExercise(exercise, { edition: 'student', file: 'f.yaml', chapter: 'c' }));
    expect(html).toContain('Right, x.');
    expect(html).not.toContain('data-feedback=');
    const detached = toHtml(renderExercise(exercise, { edition: 'student', file: 'f.yaml', chapter: 'c', feedbackUrl: '/f.html' }));
    expect(detached).not.toContain('Right, x.');
    expect(detached).toContain('data-feedback="/f.html"');
  });
});
