import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { $, $$ } from '../support/html.ts';
import { makeContentDir, md, render, renderError, type RenderOptions } from '../support/render.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const item = (id: string, extra = '') => `
  - id: ${id}
    type: true-false
    title: Title of ${id}
    prompt: 'Statement of ${id}.'
    difficulty: introductory
    minutes: 1
    objectives: [1]
    answer: true
    justification: Because.
    explanation: Explanation of ${id}.
    teachingNotes: TEACHING-${id}${extra}`;

const yaml = (exercises: string[], checks: string[]) =>
  `exercises:${exercises.map((id) => item(id)).join('')}\n${checks.length ? `checks:${checks.map((id) => item(id)).join('')}\n` : ''}`;

function bookWith(text: string): string {
  const dir = makeContentDir();
  dirs.push(dir);
  mkdirSync(join(dir, 'exercises'));
  writeFileSync(join(dir, 'exercises', '03-test-chapter.yaml'), text);
  return dir;
}

const options = (contentDir: string, frontmatter: Record<string, unknown> = {}): RenderOptions => ({
  contentDir,
  frontmatter: { objectives: ['One'], selfCheckExempt: ['exercises'], ...frontmatter },
});

const chapter = (...sections: string[]) => md(...sections, '## Exercises', '', '::exercise{#t-ex}', '');

describe('::check (Check your understanding)', () => {
  const good = bookWith(yaml(['t-ex'], ['t-c1', 't-c2', 't-c3']));

  it('groups consecutive checks into one labelled box per section, numbered apart from exercises', async () => {
    const { html } = await render(
      chapter('## First', '', 'Text.', '', '::check{#t-c1}', '::check{#t-c2}', '', '## Second', '', 'More.', '', '::check{#t-c3}', ''),
      options(good),
    );
    const boxes = $$(html, 'section.self-check');
    // Each box is a region named by its heading, which names the section for screen readers.
    expect(boxes.map((b) => [b.attrs['aria-labelledby'], $(b.html, 'h3').text, $$(b.html, 'section.exercise').length])).toEqual([
      ['self-check-first', 'Check your understanding: First', 2],
      ['self-check-second', 'Check your understanding: Second', 1],
    ]);
    expect($(boxes[0]!.html, 'h3').html).toContain('<span class="visually-hidden">: First</span>');
    expect($$(html, '.exercise-label').map((l) => l.text)).toEqual(['Check 3.1', 'Check 3.2', 'Check 3.3', 'Exercise 3.1']);
    // Check titles sit one level below the box's heading; the element is marked as a self-check.
    expect($$(boxes[0]!.html, 'h4.exercise-title')).toHaveLength(2);
    expect($$(html, 'book-exercise').map((e) => e.attrs['data-role'] ?? 'exercise')).toEqual(['check', 'check', 'check', 'exercise']);
    // The box heading gets no section number or permalink anchor.
    expect($(boxes[0]!.html, 'h3').html).not.toContain('heading-anchor');
  });

  it('fails when a main section has no check, naming the section, unless it is exempt', async () => {
    const error = await renderError(chapter('## First', '', 'Text.', '', '::check{#t-c1}', '::check{#t-c2}', '::check{#t-c3}', '', '## Second', '', 'No checks here.', ''), options(good));
    expect(error.message).toContain('Section "Second" has no self-check');
    expect(error.message).toContain('selfCheckExempt');
    expect(error.line).toBe(9);
    const { html } = await render(chapter('## First', '', '::check{#t-c1}', '::check{#t-c2}', '::check{#t-c3}', '', '## Second', '', 'No checks here.', ''), options(good, { selfCheckExempt: ['second', 'exercises'] }));
    expect($$(html, 'section.self-check')).toHaveLength(1);
  });

  it('fails on more than three checks in a section, and on an exempt section that has checks', async () => {
    const four = bookWith(yaml(['t-ex'], ['u-c1', 'u-c2', 'u-c3', 'u-c4']));
    const error = await renderError(chapter('## Only', '', '::check{#u-c1}', '::check{#u-c2}', '::check{#u-c3}', '::check{#u-c4}', ''), options(four));
    expect(error.message).toContain('Section "Only" has 4 self-checks: keep it to 3 or fewer');
    const exempt = await renderError(chapter('## Only', '', '::check{#t-c1}', '::check{#t-c2}', '::check{#t-c3}', ''), options(good, { selfCheckExempt: ['only', 'exercises'] }));
    expect(exempt.message).toContain('listed in selfCheckExempt but has self-checks');
  });

  it('fails on an exempt slug that is no section, a check placed as an exercise, and the reverse', async () => {
    const unknown = await renderError(chapter('## Only', '', '::check{#t-c1}', '::check{#t-c2}', '::check{#t-c3}', ''), options(good, { selfCheckExempt: ['exercises', 'sumary'] }));
    expect(unknown.message).toContain('selfCheckExempt names "sumary", which is not the slug of a ## section');
    const asExercise = await renderError(md('## Only', '', '::exercise{#t-c1}', ''), options(good));
    expect(asExercise.message).toContain('"t-c1" is listed under checks: in');
    expect(asExercise.message).toContain('place it with ::check{#t-c1}');
    const asCheck = await renderError(md('## Only', '', '::check{#t-ex}', ''), options(good));
    expect(asCheck.message).toContain('place it with ::exercise{#t-ex}');
  });

  it('fails on a check before any section, out of file order, or never placed', async () => {
    const before = await renderError(chapter('::check{#t-c1}', '', '## Only', '', '::check{#t-c2}', '::check{#t-c3}', ''), options(good));
    expect(before.message).toContain('A ::check must sit at the end of a ## section');
    const order = await renderError(chapter('## Only', '', '::check{#t-c2}', '::check{#t-c1}', '::check{#t-c3}', ''), options(good));
    expect(order.message).toContain('"t-c1" is placed after "t-c2"');
    const missing = await renderError(chapter('## Only', '', '::check{#t-c1}', '::check{#t-c2}', ''), options(good));
    expect(missing.message).toContain('never placed in this chapter: t-c3');
  });

  it('refuses an open question as a self-check, naming the file, check and field', async () => {
    const open = bookWith(`exercises:${item('t-ex')}
checks:
  - id: v-open
    type: open
    title: Too long
    prompt: Write an essay.
    difficulty: introductory
    minutes: 2
    objectives: [1]
    explanation: Any.
    teachingNotes: Any.
    parts:
      - { prompt: Why?, keyPoints: [Because], modelAnswer: Because. }
    rubric:
      - { criterion: Reason, points: 1, excellent: Good., partial: Some. }
`);
    const error = await renderError(chapter('## Only', '', '::check{#v-open}', ''), options(open));
    expect(error.message).toMatch(/03-test-chapter\.yaml: self-check "v-open", field type: a self-check must be auto-checked/);
  });
});
