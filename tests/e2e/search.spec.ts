import { test, expect, CHAPTER_1 } from './fixtures.ts';

test('the search dialog opens by button, Ctrl+K and "/", and loads the index only then', async ({ page }) => {
  const pagefind: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pagefind/')) pagefind.push(r.url());
  });
  await page.goto(CHAPTER_1);
  await page.waitForLoadState('networkidle');
  expect(pagefind).toEqual([]);
  const dialog = page.getByRole('dialog', { name: 'Search the book' });
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search terms' })).toBeFocused();
  await expect.poll(() => pagefind.some((u) => u.includes('pagefind.js'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.locator('body').click({ position: { x: 5, y: 200 } });
  await page.keyboard.press('/');
  await expect(dialog).toBeVisible();
  await page.getByRole('button', { name: 'Close search' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: /Search/ }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  // Closing returns focus to the control that opened the dialog.
  await expect(page.getByRole('button', { name: /Search/ })).toBeFocused();
});

test('a phrase from the chapter is found; the reader lands on its section with the words highlighted', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Search/ }).click();
  const input = page.getByRole('searchbox', { name: 'Search terms' });
  await input.fill('petabytes');
  const results = page.locator('.search-results > li');
  await expect(results.first()).toBeVisible();
  await expect(results.first().locator('.search-result-title')).toHaveText('Chapter 1: What ML system design is');
  await expect(page.getByRole('dialog').getByRole('status')).toContainText(/1 chapter matches/);
  const section = results.first().locator('.search-section-link').first();
  await expect(section).toContainText(/1\.5\.4 Automation/);
  await expect(section.locator('mark').first()).toHaveText(/petabytes/i);

  // Keyboard: arrow down from the input reaches the results, Enter opens one.
  await input.focus();
  await page.keyboard.press('ArrowDown');
  await expect(results.first().locator('a').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(section).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/chapters\/what-ml-system-design-is\/\?highlight=petabytes#automation$/);
  const mark = page.locator('[data-pagefind-body] mark').first();
  await expect(mark).toHaveText(/petabytes/i);
  await expect(page.locator('#automation')).toBeInViewport();
});

test('results can be filtered by part and chapter, and an unknown word says so', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Search/ }).click();
  await page.getByRole('searchbox', { name: 'Search terms' }).fill('model');
  await expect(page.locator('.search-results > li').first()).toBeVisible();
  await page.getByLabel('Part').selectOption({ label: 'Part I: Laying the Foundation' });
  await page.getByRole('combobox', { name: /^Chapter/ }).selectOption({ index: 1 });
  const titles = page.locator('.search-result-title');
  await expect(titles.first()).toBeVisible();
  const chapter = await page.getByRole('combobox', { name: /^Chapter/ }).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.textContent!);
  const wanted = chapter.replace(/^\d+\. /, '');
  const number = chapter.replace(/\..*$/, '');
  // Results update as each filter changes; wait for the list that answers both filters: the chapter
  // itself, or its exercises and self-checks ("Exercise 1.3: ...", "Check 1.2: ...").
  const ofChapter = (t: string) => t.includes(wanted) || t.startsWith(`Exercise ${number}.`) || t.startsWith(`Check ${number}.`);
  await expect.poll(async () => (await titles.allTextContents()).every(ofChapter)).toBe(true);
  expect(await titles.count()).toBeGreaterThan(0);
  await page.getByRole('searchbox', { name: 'Search terms' }).fill('quokka');
  await expect(page.getByRole('dialog').getByRole('status')).toHaveText(/No results/);
  await expect(page.locator('.search-results > li')).toHaveCount(0);
});

test('search excerpts contain no KaTeX markup', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Search/ }).click();
  await page.getByRole('searchbox', { name: 'Search terms' }).fill('downtime');
  await expect(page.locator('.search-results > li').first()).toBeVisible();
  const text = await page.locator('.search-results').innerText();
  expect(text).not.toMatch(/katex|mathml|\\frac|annotation/i);
});

test('a company named only in a case summary is found under Exercises and the reader lands on the case', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Search/ }).click();
  await page.getByLabel('Show').selectOption({ label: 'Exercises' });
  await page.getByRole('searchbox', { name: 'Search terms' }).fill('Michelangelo');
  const first = page.locator('.search-results > li').first();
  await expect(first.locator('.search-result-title')).toHaveText(/^Exercise 1\.\d+: Eight companies, eight ML systems$/);
  await expect(first.locator('mark').first()).toHaveText(/Michelangelo/);
  // Only exercises under this filter: every result is an exercise or a self-check.
  for (const title of await page.locator('.search-result-title').allTextContents()) expect(title).toMatch(/^(Exercise|Check) \d+\.\d+: /);
  await first.locator('a').first().click();
  await expect(page).toHaveURL(/\/chapters\/what-ml-system-design-is\/\?highlight=michelangelo#ex-ch1-company-platforms$/i);
  await expect(page.locator('#ex-ch1-company-platforms')).toBeInViewport();
  await expect(page.locator('#ex-ch1-company-platforms .exercise-case')).toContainText('Michelangelo');
});

test('excerpts carry the book\'s words: no exercise UI labels, and formulas as readable text', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Search/ }).click();
  const input = page.getByRole('searchbox', { name: 'Search terms' });
  await input.fill('multiple select');
  await expect(page.getByRole('dialog').getByRole('status')).not.toBeEmpty();
  const labels = await page.locator('.search-results').innerText();
  expect(labels).not.toMatch(/Multiple select(Introductory|Intermediate|Advanced)|Permalink|Copy link|\d+ min\b/);
  // A symbol that appears only inside formulas is found, and its excerpt shows the formula as text.
  await input.fill('c_FN');
  await expect(page.locator('.search-results > li').first()).toBeVisible();
  await expect(page.locator('.search-results mark').first()).toHaveText(/^c_FN\b/);
  await expect(page.locator('.search-results')).toContainText(/c_FN \+|\+ c_FN|c_FN FN/);
});
