import { test, expect, CHAPTER_1 } from './fixtures.ts';

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test('on a phone the sidebar is a menu that opens, closes and keeps focus sensible', async ({ page }) => {
  await page.goto(CHAPTER_1);
  const sidebar = page.getByRole('navigation', { name: 'Book contents' });
  const menu = page.getByRole('button', { name: 'Chapters' });
  await expect(sidebar).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.click();
  await expect(sidebar).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(sidebar.locator('a[aria-current="page"]')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(sidebar).toBeHidden();
  await expect(menu).toBeFocused();
  await menu.click();
  await sidebar.getByRole('link', { name: /Laying the Foundation/ }).click();
  await expect(page).toHaveURL(/\/parts\/foundation\/$/);
});

test('nothing overflows the 360 px screen', async ({ page }) => {
  for (const path of ['/', CHAPTER_1, '/glossary/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('a tap on a glossary term shows its definition before following the link', async ({ page }) => {
  await page.goto(CHAPTER_1);
  const term = page.locator('.prose .term').first();
  await term.locator('.term-link').tap();
  await expect(term.locator('[role="tooltip"]')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${CHAPTER_1}$`));
  await term.locator('.term-link').tap();
  await expect(page).toHaveURL(/\/glossary\/#/);
});

test('search works on a phone', async ({ page }) => {
  await page.goto(CHAPTER_1);
  await page.getByRole('button', { name: 'Search' }).tap();
  await page.getByRole('searchbox', { name: 'Search terms' }).fill('entanglement');
  await expect(page.locator('.search-results > li').first()).toBeVisible();
});

test('small controls of a chapter are targets of at least 24 px: permalinks, copy links, heading anchors', async ({ page }) => {
  await page.goto('/chapters/measuring-success/');
  const sizes = await page.evaluate(() =>
    ['.exercise-permalink', '.exercise-copy-link', '.heading-anchor', '.chart-data summary'].flatMap((selector) =>
      [...document.querySelectorAll<HTMLElement>(selector)]
        .filter((el) => el.checkVisibility())
        .map((el) => {
          const box = el.getBoundingClientRect();
          return { selector, width: box.width, height: box.height };
        }),
    ),
  );
  expect(new Set(sizes.map((s) => s.selector)).size).toBe(4);
  expect(sizes.filter((s) => s.width < 24 || s.height < 24)).toEqual([]);
});
