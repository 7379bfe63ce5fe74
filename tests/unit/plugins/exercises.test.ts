import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { $, $$ } from '../support/html.ts';
import { makeContentDir, render, renderError, type RenderOptions } from '../support/render.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const base = (id: string, type: string, extra: string) => `
  - id: ${id}
    type: ${type}
    title: Title of ${id}
    prompt: 'Prompt of ${id} with $x^2$.'
    difficulty: intermediate
    minutes: 3
    objectives: [1]
    hints: [First hint, Second hint]
    explanation: Explanation of ${id}.
    teachingNotes: TEACHING-${id}
${extra}`;

const goodYaml = `exercises:
${base('t-choice', 'single-choice', `    options:
      - { text: Right, correct: true, feedback: FEEDBACK-RIGHT }
      - { text: Wrong, feedback: FEEDBACK-WRONG }`)}
${base('t-order', 'ordering', '    items: [One, Two, Three, Four]')}
${base('t-open', 'open', `    parts:
      - { prompt: Part one?, keyPoints: [Point A, Point B], modelAnswer: MODEL-ONE }
    rubric:
      - { criterion: RUBRIC-ONE, points: 3, excellent: EXCELLENT-ONE, partial: PARTIAL-ONE }`)}
`;

function bookWith(yaml: string): string {
  const dir = makeContentDir();
  dirs.push(dir);
  mkdirSync(join(dir, 'exercises'));
  writeFileSync(join(dir, 'exercises', '03-test-chapter.yaml'), yaml);
  return dir;
}

const place = (...ids: string[]) => ['## Exercises', '', ...ids.map((id) => `::exercise{#${id}}\n`)].join('\n');
const options = (contentDir: string, extra: RenderOptions = {}): RenderOptions => ({ contentDir, frontmatter: { objectives: ['One', 'Two'], selfCheckExempt: ['exercises'] }, ...extra });

describe('::exercise', () => {
  const good = bookWith(goodYaml);

  it('renders each exercise, numbered in file order, with its key and hash for the browser', async () => {
    const { html } = await render(place('t-choice', 't-order', 't-open'), options(good));
    const sections = $$(html, 'section.exercise');
    expect(sections.map((s) => s.attrs.id)).toEqual(['ex-t-choice', 'ex-t-order', 'ex-t-open']);
    expect($$(html, '.exercise-label').map((l) => l.text)).toEqual(['Exercise 3.1', 'Exercise 3.2', 'Exercise 3.3']);
    const element = $(sections[0]!.html, 'book-exercise');
    expect(JSON.parse(element.attrs['data-key']!)).toEqual({ type: 'single-choice', correct: 0 });
    expect(element.attrs['data-hash']).toMatch(/^[0-9a-f]{12}$/);
    expect(element.attrs['data-chapter']).toBe('test-chapter');
    // Math in prompts is rendered with MathML; feedback and hints stay out of search.
    expect($(sections[0]!.html, '.exercise-prompt').html).toContain('<math');
    expect($$(sections[0]!.html, '.option-feedback').every((f) => 'data-pagefind-ignore' in f.attrs)).toBe(true);
    expect('data-pagefind-ignore' in $(sections[0]!.html, '.exercise-hints').attrs).toBe(true);
    // Exercise titles are headings but not numbered sections and get no extra anchor.
    expect($(sections[0]!.html, 'h3').text).toBe('Exercise 3.1 Title of t-choice');
    expect($$(sections[0]!.html, 'a.heading-anchor')).toHaveLength(0);
  });

  it('shows ordering items shuffled, never in the correct order', async () => {
    const { html } = await render(place('t-choice', 't-order', 't-open'), options(good));
    const order = $$(html, '.ordering-item').map((li) => Number(li.attrs['data-item']));
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(order).not.toEqual([0, 1, 2, 3]);
  });

  it('leaves teaching notes, model answers and rubrics out of the student edition', async () => {
    const { html } = await render(place('t-choice', 't-order', 't-open'), options(good));
    for (const secret of ['TEACHING-', 'MODEL-ONE', 'RUBRIC-ONE', 'EXCELLENT-ONE', 'PARTIAL-ONE']) expect(html).not.toContain(secret);
    expect(html).toContain('Point A'); // key points are for students
  });

  it('adds them in the instructor edition', async () => {
    const { html } = await render(place('t-choice', 't-order', 't-open'), options(good, { edition: 'instructor' }));
    for (const secret of ['TEACHING-t-choice', 'TEACHING-t-open', 'MODEL-ONE', 'RUBRIC-ONE', 'EXCELLENT-ONE']) expect(html).toContain(secret);
    expect($$(html, 'aside.instructor-notes')).toHaveLength(3);
  });

  it('fails on an unknown id, naming the file, line and the chapter\'s ids', async () => {
    const error = await renderError(place('t-choice', 't-order', 't-open', 'nope'), options(good));
    expect(error.file).toMatch(/03-test-chapter\.mdx$/);
    expect(error.line).toBe(9);
    expect(error.message).toMatch(/Unknown exercise "nope".*t-choice, t-order, t-open/s);
  });

  it('fails when an exercise is placed twice, out of file order, or not at all', async () => {
    await expect(render(place('t-choice', 't-choice', 't-order', 't-open'), options(good))).rejects.toThrow(/"t-choice" is placed twice/);
    await expect(render(place('t-order', 't-choice', 't-open'), options(good))).rejects.toThrow(/"t-choice" is placed after "t-order"/);
    await expect(render(place('t-choice', 't-order'), options(good))).rejects.toThrow(/never placed in this chapter: t-open/);
  });

  it('fails on an objective the chapter does not have', async () => {
    await expect(render(place('t-choice', 't-order', 't-open'), options(good, { frontmatter: { objectives: [] } }))).rejects.toThrow(/exercise "t-choice", field objectives: objective 1 does not exist \(the chapter has 0\)/);
  });

  it('fails on invalid data, naming the exercise file, exercise and field', async () => {
    const dir = bookWith(goodYaml.replace('correct: true, ', ''));
    await expect(render(place('t-choice', 't-order', 't-open'), options(dir))).rejects.toThrow(/exercises\/03-test-chapter\.yaml: exercise "t-choice", field options: a single-choice question needs exactly one correct option \(found 0\)/);
  });

  it('fails on bad TeX inside exercise data, naming the field', async () => {
    const dir = bookWith(goodYaml.replace("'Prompt of t-order with $x^2$.'", "'Broken $\\\\frac{1$.'"));
    await expect(render(place('t-choice', 't-order', 't-open'), options(dir))).rejects.toThrow(/exercise "t-order", field prompt: invalid Markdown or TeX/);
  });

  it('fails on duplicate ids across the book', async () => {
    const dir = bookWith(goodYaml);
    writeFileSync(join(dir, 'exercises', '04-other.yaml'), `exercises:\n${base('t-choice', 'true-false', '    answer: true\n    justification: Because.')}`);
    await expect(render(place('t-choice', 't-order', 't-open'), options(dir))).rejects.toThrow(/04-other\.yaml: exercise id "t-choice" is already used in .*03-test-chapter\.yaml/);
  });

  it('fails when a chapter places another chapter\'s exercise', async () => {
    const dir = bookWith(goodYaml);
    writeFileSync(join(dir, 'exercises', '04-other.yaml'), `exercises:\n${base('t-other', 'true-false', '    answer: true\n    justification: Because.')}`);
    await expect(render(place('t-choice', 't-order', 't-open', 't-other'), options(dir))).rejects.toThrow(/"t-other" belongs to .*04-other\.yaml, not to this chapter/);
  });

  it('names an option that is only a formula by its TeX, and leaves worded options to their label', async () => {
    const dir = bookWith(goodYaml.replace('{ text: Right, correct: true', () => "{ text: '$[0, 1, 1, 0]$', correct: true"));
    const { html } = await render(place('t-choice', 't-order', 't-open'), options(dir));
    const inputs = $$(html, 'input[type="radio"]');
    expect(inputs[0]!.attrs['aria-label']).toBe('[0, 1, 1, 0]');
    expect(inputs[1]!.attrs['aria-label']).toBeUndefined();
  });

  it('leaves option feedback, hints and explanations to the chapter\'s feedback file', async () => {
    const { html } = await render(place('t-choice', 't-order', 't-open'), options(good, { base: '/book/' }));
    expect(html).not.toContain('FEEDBACK-RIGHT');
    expect(html).not.toContain('First hint');
    expect(html).not.toContain('Explanation of t-choice');
    expect($$(html, 'book-exercise')[0]!.attrs['data-feedback']).toBe('/book/exercise-feedback/test-chapter.html');
    const slots = $$(html, '[data-slot]').map((e) => e.attrs['data-slot']);
    expect(slots.slice(0, 5)).toEqual(['feedback-0', 'feedback-1', 'hint-0', 'hint-1', 'explanation']);
  });
});
