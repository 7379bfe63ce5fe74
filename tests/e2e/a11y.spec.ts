import AxeBuilder from '@axe-core/playwright';
import { test, expect, allPages } from './fixtures.ts';

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on any page (${scheme})`, async ({ page }) => {
    // Every page of the book, with axe on each (chapters are large): several minutes on 2 cores.
    test.setTimeout(360_000);
    await page.emulateMedia({ colorScheme: scheme });
    const pages = await allPages(page);
    expect(pages.length).toBeGreaterThan(5);
    for (const path of [...pages, '/no-such-page/']) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      expect(summary, `${path} (${scheme})`).toEqual([]);
    }
  });
}

test('axe finds no violations in the open search dialog with results', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Search/ }).click();
  await page.getByRole('searchbox', { name: 'Search terms' }).fill('data');
  await expect(page.locator('.search-results > li').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('the chapter works by keyboard alone: skip link, search, theme', async ({ page }) => {
  await page.goto('/chapters/what-ml-system-design-is/');
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab'); // menu button is hidden on desktop: next is the site title
  await expect(page.locator('.site-title')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Search/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', /dark|light/);
});
