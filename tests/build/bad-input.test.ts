/**
 * Builds tiny fixture books (tests/fixtures/<case>/) with the real `astro build` and checks that a
 * book with one defect fails with a message an author can act on: the file, the line where one is
 * known, and the offending field, formula, id or key. `valid/` is the same book without a defect
 * and must build. Builds run two at a time (about 5–15 s each, about a minute in all).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFixture, fixturesDir, limiter, type BuildResult } from './support/astro-build.ts';

const twoAtATime = limiter(2);
const results: BuildResult[] = [];
afterAll(() => results.forEach((r) => r.cleanup()));

async function build(fixture: string, options: { base?: string } = {}): Promise<BuildResult> {
  const result = await twoAtATime(() => buildFixture(fixture, options));
  results.push(result);
  return result;
}

const chapterFile = (fixture: string) => join(fixturesDir, fixture, 'chapters', '01-first.mdx');

/** 1-based line of the first line of the fixture's chapter that contains `needle`. */
function lineOf(fixture: string, needle: string): number {
  const index = readFileSync(chapterFile(fixture), 'utf8').split('\n').findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`"${needle}" is not in ${chapterFile(fixture)}`);
  return index + 1;
}

/** Asserts a failed build and returns its output, with the build log attached to any failure. */
function failedOutput(result: BuildResult): string {
  expect(result.code, result.output).not.toBe(0);
  expect(result.code, result.output).not.toBeNull(); // null: killed by the timeout
  return result.output;
}

describe.concurrent('astro build on fixture books', { timeout: 150_000 }, () => {
  it('builds the valid book (under /book/), with every feature rendered', async () => {
    const result = await build('valid', { base: '/book/' });
    expect(result.code, result.output).toBe(0);
    const page = readFileSync(join(result.outDir, 'chapters', 'first', 'index.html'), 'utf8');
    expect(page).toContain('<span class="figure-label">Figure 1.1.</span>');
    expect(page).toContain('<span class="equation-number">(1.1)</span>');
    expect(page).toMatch(/<a class="xref" href="#eq-one">Equation \(1\.1\)<\/a>/);
    expect(page).toContain('href="/book/glossary/#test-term"');
    expect(page).toContain('href="/book/glossary/#other-term"');
    expect(page).toContain('href="#bib-doe2020">Doe, 2020</a>');
    expect(page).toMatch(/<div class="diagram" data-pagefind-ignore="all"><svg id="mmd-[0-9a-f]{6}-1"/);
    expect(page).toContain('ratio:high');
    expect(page).not.toContain('mmdplaceholderid');
    const second = readFileSync(join(result.outDir, 'chapters', 'second', 'index.html'), 'utf8');
    expect(second).toContain('<a class="xref" href="#looking-back">Section 2.1</a>');
    // Exercises: numbered, with the answer key for the browser, and no instructor-only text.
    expect(page).toContain('<span class="exercise-label">Exercise 1.1</span>');
    expect(page).toContain('<span class="exercise-label">Exercise 1.2</span>');
    expect(page).toMatch(/<book-exercise data-id="first-choice" data-type="single-choice" data-hash="[0-9a-f]{12}"/);
    const key = /<book-exercise data-id="first-choice"[^>]*\sdata-key="([^"]*)"/.exec(page)?.[1] ?? '';
    expect(JSON.parse(key.replace(/&quot;|&#x22;|&#34;/g, '"').replace(/&amp;/g, '&'))).toEqual({ type: 'single-choice', correct: 0 });
    // Second-edition apparatus: a chart drawn as SVG in a numbered figure, a self-check box, a row header.
    expect(page).toMatch(/<figure id="fig-tiny"[^>]*>[\s\S]*?<svg[^>]*role="img"[\s\S]*?<span class="figure-label">Figure 1\.2\.<\/span>/);
    expect(page).toContain('<span class="exercise-label">Check 1.1</span>');
    expect(page).toMatch(/<section class="self-check" aria-labelledby="self-check-a-section"/);
    expect(page).toContain('<th scope="row">Positive</th>');
    expect(page).not.toContain('FIXTURE-CHECK-NOTE');
    for (const secret of ['FIXTURE-TEACHING-NOTE', 'FIXTURE-OPEN-NOTE', 'FIXTURE-MODEL-ANSWER', 'FIXTURE-RUBRIC']) expect(page).not.toContain(secret);
    for (const path of ['index.html', 'glossary/index.html', 'bibliography/index.html', 'parts/basics/index.html', 'pagefind/pagefind-entry.json']) {
      expect(existsSync(join(result.outDir, path)), path).toBe(true);
    }
  });

  it('fails on a chapter number that is not a number, naming the file and field', async () => {
    const output = failedOutput(await build('bad-frontmatter'));
    expect(output).toContain(chapterFile('bad-frontmatter'));
    expect(output).toContain('does not match collection schema');
    expect(output).toMatch(/\bnumber\b[^\n]*expected[^\n]*number[^\n]*received[^\n]*string/i);
  });

  it('fails on an unknown exercise id, naming the file, line and id', async () => {
    const output = failedOutput(await build('unknown-exercise'));
    expect(output).toContain(`chapters/01-first.mdx:${lineOf('unknown-exercise', '#no-such-exercise')}`);
    expect(output).toContain('Unknown exercise "no-such-exercise"');
    expect(output).toContain("This chapter's exercises: first-choice, first-open");
  });

  it('fails on a choice question without a correct option, naming the file and the exercise', async () => {
    const output = failedOutput(await build('bad-exercise'));
    expect(output).toContain('exercises/01-first.yaml: exercise "first-choice", field options: a single-choice question needs exactly one correct option (found 0)');
  });

  it('fails on a chapter without a title, naming the file and field', async () => {
    const output = failedOutput(await build('missing-title'));
    expect(output).toContain(chapterFile('missing-title'));
    expect(output).toMatch(/\btitle\b[^\n]*Required/);
  });

  it('fails on bad TeX, naming the file, line and formula', async () => {
    const output = failedOutput(await build('bad-tex'));
    expect(output).toContain('Invalid TeX in $$ E = \\frac{m c^2 $$');
    expect(output).toContain(`${chapterFile('bad-tex')}:${lineOf('bad-tex', '$$')}:`);
  });

  it('fails on bad Mermaid syntax, naming the file and the line of the error', async () => {
    const output = failedOutput(await build('bad-mermaid'));
    expect(output).toContain('Mermaid syntax error in diagram: Parse error on line 5');
    expect(output).toContain(`${chapterFile('bad-mermaid')}:${lineOf('bad-mermaid', 'B -->> C')}:`);
  });

  it('fails on an unknown cross-reference, naming the file, line and id', async () => {
    const output = failedOutput(await build('unknown-ref'));
    expect(output).toContain('Unknown cross-reference :ref[eq-missing]');
    const line = lineOf('unknown-ref', ':ref[eq-missing]');
    const column = readFileSync(chapterFile('unknown-ref'), 'utf8').split('\n')[line - 1]!.indexOf(':ref[eq-missing]') + 1;
    expect(output).toContain(`${chapterFile('unknown-ref')}:${line}:${column}`);
  });

  it('fails on an unknown citation key, naming the file, line and key', async () => {
    const output = failedOutput(await build('unknown-citation'));
    expect(output).toContain('Unknown citation [@nobody1999]');
    expect(output).toContain(`${chapterFile('unknown-citation')}:${lineOf('unknown-citation', '@nobody1999')}:`);
  });

  it('fails on an unknown glossary term, naming the file, line and id', async () => {
    const output = failedOutput(await build('unknown-term'));
    expect(output).toContain('Unknown glossary term "no-such-term" in :term[second one]');
    expect(output).toContain(`${chapterFile('unknown-term')}:${lineOf('unknown-term', '#no-such-term')}:`);
  });

  it('fails on a chapter in a part that does not exist, naming the file and the known parts', async () => {
    const output = failedOutput(await build('unknown-part'));
    // Astro gives the collection entry's path relative to the project root.
    expect(output).toContain('tests/fixtures/unknown-part/chapters/01-first.mdx: part "basix" is not in parts.yaml (known parts: "advanced", "basics")');
  });
});
