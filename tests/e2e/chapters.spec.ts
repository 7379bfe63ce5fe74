/**
 * Every chapter of Part I, as a reader meets it: diagrams arrive as inline SVG with a text
 * alternative, formulas carry MathML, and a distinctive phrase of the chapter finds it by search.
 * The chapters and phrases come from content/, so a new chapter is covered without editing this file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { chapterSlugFromPath } from '../../src/lib/book.ts';
import { test, expect } from './fixtures.ts';
import { kindFilterValues } from '../../src/lib/search-filters.ts';

const dir = join('content', 'chapters');
const chapters = readdirSync(dir)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => {
    const source = readFileSync(join(dir, name), 'utf8');
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
    const data = parse(front) as { title: string; number: number };
    // The chapter's opening paragraph, without markup: its first eight words are the search phrase.
    const opening = body.split('\n\n').find((p) => /^[A-Z]/.test(p.trim())) ?? '';
    const words = opening.replace(/:term\[([^\]]*)\]\{[^}]*\}/g, '$1').replace(/[^A-Za-z0-9' -]/g, ' ').split(/\s+/).filter(Boolean);
    return { slug: chapterSlugFromPath(name), title: data.title, number: data.number, phrase: words.slice(0, 8).join(' '), diagrams: (body.match(/^```mermaid$/gm) ?? []).length };
  });

for (const chapter of chapters) {
  test(`chapter ${chapter.number} renders its diagrams as SVG with text alternatives and its formulas with MathML`, async ({ page }) => {
    await page.goto(`/chapters/${chapter.slug}/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(chapter.title);
    const figures = page.locator('.prose .diagram');
    await expect(figures).toHaveCount(chapter.diagrams);
    for (const figure of await figures.all()) {
      const svg = figure.locator('svg:visible');
      await expect(svg).toHaveCount(1);
      await expect(svg).toHaveAttribute('role', /img|graphics-document/);
      expect(await svg.evaluate((el) => el.querySelector('title')?.textContent?.trim().length ?? 0)).toBeGreaterThan(0);
      expect(await svg.evaluate((el) => el.querySelector('desc')?.textContent?.trim().length ?? 0)).toBeGreaterThan(0);
    }
    const formulas = page.locator('.prose .katex');
    expect(await formulas.count()).toBeGreaterThan(0);
    expect(await page.locator('.prose .katex math').count()).toBe(await formulas.count());
    await expect(page.locator('script[src*="katex"], script[src*="mermaid"]')).toHaveCount(0);
  });

  test(`searching a phrase from chapter ${chapter.number} finds it first`, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Search/ }).click();
    await page.getByRole('combobox', { name: /^Show/ }).selectOption(kindFilterValues.chapters);
    // Quoted: Pagefind then matches the exact phrase, not just its (common) words.
    await page.getByRole('searchbox', { name: 'Search terms' }).fill(`"${chapter.phrase}"`);
    await expect(page.locator('.search-results > li').first().locator('.search-result-title')).toHaveText(`Chapter ${chapter.number}: ${chapter.title}`);
  });
}

test('the exercise catalog is in the search index under the Exercises filter', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Search/ }).click();
  await page.getByRole('combobox', { name: /^Show/ }).selectOption(kindFilterValues.exercises);
  await page.getByRole('searchbox', { name: 'Search terms' }).fill('catalog');
  const titles = page.locator('.search-results > li .search-result-title');
  await expect(titles.first()).toBeVisible();
  // The catalog page and the exercises' own records share the filter; no chapter page is listed.
  await expect(titles.filter({ hasText: /^Exercise catalog$/ })).toHaveCount(1);
  for (const title of await titles.allTextContents()) expect(title).toMatch(/^(Exercise catalog|Exercise \d+\.\d+: |Check \d+\.\d+: )/);
});

test('off-screen blocks of a chapter are skipped, with estimated heights that are never too small on a phone', async ({ page }) => {
  test.slow();
  // 320 px is the narrowest column the estimate assumes (src/plugins/rehype-lazy-render.ts).
  await page.setViewportSize({ width: 320, height: 700 });
  for (const chapter of chapters) {
    await page.goto(`/chapters/${chapter.slug}/`);
    // Far below the first screen, the content of the last block is not rendered (once the browser has drawn a frame).
    await expect
      .poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.prose > .lazy-render > *')].at(-1)?.checkVisibility({ contentVisibilityAuto: true })), { message: chapter.slug })
      .toBe(false);
    const result = await page.evaluate(() => {
      const blocks = [...document.querySelectorAll<HTMLElement>('.prose > .lazy-render')];
      const tooSmall: string[] = [];
      for (const block of blocks) {
        const estimate = parseFloat(/contain-intrinsic-size:\s*auto\s+([\d.]+)em/.exec(block.getAttribute('style') ?? '')?.[1] ?? 'NaN') * parseFloat(getComputedStyle(block).fontSize);
        block.style.contentVisibility = 'visible';
        const real = block.getBoundingClientRect().height;
        if (!(real <= estimate)) tooSmall.push(`${block.tagName.toLowerCase()}.${block.className} "${(block.textContent ?? '').trim().slice(0, 40)}": ${Math.round(real)} px > ${Math.round(estimate)} px`);
      }
      return { count: blocks.length, tooSmall };
    });
    expect(result.count, chapter.slug).toBeGreaterThan(20);
    expect(result.tooSmall, chapter.slug).toEqual([]);

    // Landing on a section far down: the blocks that render around it do not move it away.
    const last = await page.locator('.prose h2[id]').last().getAttribute('id');
    await page.goto(`/chapters/${chapter.slug}/#${last}`);
    const top = () => page.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), last!);
    const first = await top();
    await page.waitForTimeout(400);
    // Within a pixel: positions are rounded from fractional pixels.
    expect(Math.abs((await top()) - first), `${chapter.slug}#${last} moved`).toBeLessThanOrEqual(1);
    expect(first, `${chapter.slug}#${last}`).toBeGreaterThanOrEqual(0);
    expect(first, `${chapter.slug}#${last}`).toBeLessThan(200);
  }
});
