/**
 * The second edition's apparatus as readers use it: a "Check your understanding" question
 * answered by touch on a phone and restored after a reload (counted apart from the exercises),
 * and a chart drawn from data in both themes with its data table.
 */
import { test, expect } from './fixtures.ts';
import { loadExercises } from '../../src/lib/exercises/load.ts';

const checks = loadExercises('content').filter((e) => e.role === 'check');
const choice = checks.find((e) => e.exercise.type === 'single-choice')!;

test.describe('on a phone, by touch', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a self-check is answered in place, with feedback, and restored after a reload', async ({ page }) => {
    expect(choice, 'the book has a single-choice self-check').toBeTruthy();
    const exercise = choice.exercise as Extract<typeof choice.exercise, { type: 'single-choice' }>;
    const correct = exercise.options.findIndex((o) => o.correct);
    await page.goto(`/chapters/${choice.chapter}/`);
    const box = page.locator('section.self-check').filter({ has: page.locator(`#ex-${exercise.id}`) });
    await expect(box.getByRole('heading', { name: 'Check your understanding' })).toBeVisible();
    const question = box.locator(`#ex-${exercise.id}`);
    await question.scrollIntoViewIfNeeded();
    await question.locator('.option').nth(correct).locator('input').tap();
    await question.getByRole('button', { name: 'Check' }).tap();
    await expect(question.locator('.exercise-status')).toContainText(/correct/i);
    // The chapter's progress line counts self-checks apart from exercises.
    const own = checks.filter((e) => e.chapter === choice.chapter).length;
    await expect(page.locator('[data-progress-noun="self-checks"]')).toHaveText(`1 of ${own} self-checks done`);
    await expect(page.locator('.chapter-progress [data-progress]:not([data-progress-noun])')).toHaveText(/^0 of \d+ exercises done$/);
    await page.reload();
    const again = page.locator(`#ex-${exercise.id}`);
    await expect(again.locator('.option').nth(correct).locator('input')).toBeChecked();
    await expect(again.locator('.exercise-status')).toContainText(/correct/i);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`a chart drawn from data follows the ${theme} theme and shows its data as a table`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('book-theme', t), theme);
    await page.goto('/chapters/measuring-success/');
    const figure = page.locator('figure:has(.chart)').first();
    await figure.scrollIntoViewIfNeeded();
    const svg = figure.locator('svg.chart-svg').first();
    // Named and described for screen readers by its title and text alternative.
    await expect(svg).toHaveAttribute('role', 'img');
    const name = await svg.evaluate((el) => el.getAttribute('aria-labelledby')!.split(' ').map((id) => document.getElementById(id)!.textContent).join(' | '));
    expect(name.length).toBeGreaterThan(40);
    // The first series is drawn in the theme's chart colour, and text in the page's text colour.
    const colours = await figure.evaluate((el) => {
      const line = el.querySelector('svg.chart-svg [style*="--chart-1"]')!;
      const style = getComputedStyle(line);
      return { series: style.stroke !== 'none' ? style.stroke : style.fill, text: getComputedStyle(el.querySelector('svg.chart-svg')!).color, background: getComputedStyle(document.documentElement).backgroundColor };
    });
    const token = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--chart-1').trim());
    expect(token).not.toBe('');
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    if (theme === 'dark') expect(luminance(colours.text)).toBeGreaterThan(luminance(colours.background));
    else expect(luminance(colours.text)).toBeLessThan(luminance(colours.background));
    expect(colours.series).not.toBe(colours.text);
    // The data, on request.
    const data = figure.locator('details.chart-data').first();
    await expect(data.locator('table')).toBeHidden();
    await data.locator('summary').click();
    await expect(data.locator('table')).toBeVisible();
    expect(await data.locator('tbody tr').count()).toBeGreaterThan(1);
    await expect(data.locator('thead th').first()).not.toBeEmpty();
    // The figure is numbered, and legible: the drawing is at least 300 px wide.
    await expect(figure.locator('.figure-label')).toHaveText(/^Figure 4\.\d+\.$/);
    expect((await svg.boundingBox())!.width).toBeGreaterThanOrEqual(300);
  });
}
