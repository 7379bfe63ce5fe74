import { test, expect, CHAPTER_1 } from './fixtures.ts';

test('a reader goes from the home page into chapter 1 and on to the next chapter', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Designing Machine Learning Systems for Business');
  await expect(page.getByRole('heading', { name: /Part I\b.*Laying the Foundation/ })).toBeVisible();
  await page.getByRole('link', { name: /Start reading/ }).click();
  await expect(page).toHaveURL(new RegExp(`${CHAPTER_1}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Chapter 1\s*What ML system design is/);
  await expect(page.getByText(/\d+ min read/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Learning objectives' })).toBeVisible();
  // Sections are numbered and have anchor links.
  const firstSection = page.locator('.prose h2').first();
  await expect(firstSection).toHaveText(/^1\.1 /);
  await expect(page.locator('.prose h3:not(.unnumbered)').first()).toHaveText(/^1\.\d+\.1 /);
  await expect(firstSection.locator('a.heading-anchor')).toHaveAttribute('href', /^#/);
  // The sidebar marks the current chapter.
  await expect(page.locator('#book-sidebar a[aria-current="page"]')).toContainText('What ML system design is');

  const next = page.getByRole('link', { name: /^Next/ });
  const chapters = await page.locator('#book-sidebar .sidebar-chapters a').count();
  if (chapters > 1) {
    await next.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Chapter 2/);
    await page.getByRole('link', { name: /^Previous/ }).click();
    await expect(page).toHaveURL(new RegExp(`${CHAPTER_1}$`));
  } else {
    await expect(next).toHaveCount(0);
  }
});

test('the table of contents marks the section being read', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(CHAPTER_1);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc.locator('a[aria-current="true"]')).toHaveCount(1);
  const target = page.locator('.prose h2').nth(3);
  const id = await target.getAttribute('id');
  await target.scrollIntoViewIfNeeded();
  await page.evaluate((sel) => document.getElementById(sel)!.scrollIntoView({ block: 'start' }), id!);
  await expect(toc.locator('a[aria-current="true"]')).toHaveAttribute('href', `#${id}`);
});

test('cross-references print numbers and lead to their targets', async ({ page }) => {
  await page.goto(CHAPTER_1);
  const figureRef = page.locator('a.xref', { hasText: /^Figure 1\.\d+$/ }).first();
  await expect(figureRef).toBeVisible();
  const href = await figureRef.getAttribute('href');
  await figureRef.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator(href!)).toBeInViewport();
  await expect(page.locator(`${href} figcaption`)).toContainText(/^Figure 1\.\d+\./);
  await expect(page.locator('a.xref', { hasText: /^Section 1\.\d+/ }).first()).toBeVisible();
  await expect(page.locator('a.xref', { hasText: /^Equation \(1\.\d+\)$/ }).first()).toBeAttached();
});

test('glossary terms show their definition on focus and hover, and link to the glossary', async ({ page }) => {
  await page.goto(CHAPTER_1);
  const term = page.locator('.prose .term').first();
  const link = term.locator('.term-link');
  const tip = term.locator('[role="tooltip"]');
  await expect(tip).toBeHidden();
  await link.focus();
  await expect(tip).toBeVisible();
  await expect(link).toHaveAttribute('aria-describedby', (await tip.getAttribute('id'))!);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await page.mouse.move(0, 0);
  await term.hover();
  await expect(tip).toBeVisible();
  const href = await link.getAttribute('href');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href!.replace('#', '/?#')}$`.replace('//?', '/')));
  await expect(page.locator(`${new URL(page.url()).hash}`)).toBeInViewport();
});

test('citations link to the chapter references, and the bibliography lists every work', async ({ page }) => {
  await page.goto(CHAPTER_1);
  await expect(page.getByRole('heading', { name: 'References' })).toBeVisible();
  const entries = page.locator('.references .csl-entry');
  expect(await entries.count()).toBeGreaterThan(3);
  await expect(page.locator('.prose').getByText(/\(Huyen, 2022\)/).first()).toBeVisible();
  await page.goto('/bibliography/');
  expect(await page.locator('.csl-entry').count()).toBeGreaterThanOrEqual(14);
});

test('code blocks are highlighted and can be copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(CHAPTER_1);
  const block = page.locator('.code-block').first();
  await expect(block.locator('pre.astro-code span[style]').first()).toBeAttached();
  await block.getByRole('button', { name: 'Copy code to clipboard' }).click();
  await expect(block.getByRole('button')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.length).toBeGreaterThan(10);
  expect(await block.locator('code').innerText()).toContain(copied.split('\n')[0]!);
});

test('a skip link jumps to the content', async ({ page }) => {
  await page.goto(CHAPTER_1);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('an unknown address gets a helpful 404 page', async ({ page }) => {
  const response = await page.goto('/chapters/no-such-chapter/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not in the book');
  await page.getByRole('link', { name: /Chapter 1: What ML system design is/ }).click();
  await expect(page).toHaveURL(new RegExp(`${CHAPTER_1}$`));
});

test('the print stylesheet hides navigation and shows link targets', async ({ page }) => {
  // Dark theme on screen: paper still gets the light diagram colours.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(CHAPTER_1);
  const textFill = () => page.locator('.diagram svg text').first().evaluate((t) => getComputedStyle(t).fill);
  const screenFill = await textFill();
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.locator('#book-sidebar')).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.diagram svg').first()).toBeVisible();
  expect(await textFill()).toBe('rgb(51, 51, 51)');
  expect(screenFill).not.toBe('rgb(51, 51, 51)');
  await expect(page.locator('.katex').first()).toBeVisible();
  const external = page.locator('.prose a[href^="http"]').first();
  if ((await external.count()) > 0) {
    const after = await external.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('http');
  }
});

test('the glossary has an A-Z jump: a letter leads to its terms', async ({ page }) => {
  await page.goto('/glossary/');
  const letters = page.getByRole('navigation', { name: 'Jump to a letter' }).getByRole('link');
  expect(await letters.count()).toBeGreaterThan(10);
  // Targets big enough for a thumb (WCAG 2.5.8: at least 24 px).
  for (const box of await letters.evaluateAll((links) => links.map((l) => l.getBoundingClientRect()).map((r) => [r.width, r.height]))) {
    expect(Math.min(...box)).toBeGreaterThanOrEqual(24);
  }
  await letters.filter({ hasText: /^P$/ }).click();
  await expect(page).toHaveURL(/\/glossary\/#letter-p$/);
  const heading = page.getByRole('heading', { name: 'P', exact: true });
  await expect(heading).toBeInViewport();
  const firstTerm = page.locator('section.glossary-letter:has(#letter-p) dt').first();
  await expect(firstTerm).toHaveText(/^P/);
});
