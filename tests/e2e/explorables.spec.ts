/**
 * The three explorables (src/components/mdx/), driven by mouse and by keyboard in the built book.
 * Each test finds the chapter that renders its explorable by looking for the tag in dist/, so the
 * tests follow the components wherever the chapters place them. A build of
 * tests/fixtures/explorables (BOOK_CONTENT_DIR) places all three in one page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const chaptersDir = fileURLToPath(new URL('../../dist/chapters/', import.meta.url));

/** The URL of the first built chapter that renders `<tag>`. */
function chapterWith(tag: string): string {
  const slug = readdirSync(chaptersDir).find((s) => readFileSync(`${chaptersDir}${s}/index.html`, 'utf8').includes(`<${tag}`));
  if (!slug) throw new Error(`No chapter in dist/ renders <${tag}>: place the component in its chapter (README, Writing a chapter)`);
  return `/chapters/${slug}/`;
}

async function open(page: Page, tag: string): Promise<Locator> {
  await page.goto(chapterWith(tag));
  const explorable = page.locator(tag);
  await explorable.scrollIntoViewIfNeeded();
  return explorable;
}

/** Counts how often the explorable's live region is rewritten, to check it is not chatty. */
async function countAnnouncements(explorable: Locator): Promise<() => Promise<number>> {
  await explorable.locator('[role="status"]').evaluate((region) => {
    const w = window as unknown as { announcements: number };
    w.announcements = 0;
    new MutationObserver(() => w.announcements++).observe(region, { childList: true, characterData: true, subtree: true });
  });
  return () => explorable.page().evaluate(() => (window as unknown as { announcements: number }).announcements);
}

async function expectAxeClean(page: Page, tag: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate((s) => (document.documentElement.dataset.theme = s), scheme);
    const results = await new AxeBuilder({ page }).include(tag).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), scheme).toEqual([]);
  }
}

test.describe('ObjectiveWeights', () => {
  const tag = 'objective-weights';
  const firstRow = (ow: Locator) => ow.locator('tbody tr').first();
  const labels = (ow: Locator) => ow.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.label).join(''));

  test('by keyboard: arrow keys on the sliders re-rank the feed, and the new top is announced once', async ({ page }) => {
    const ow = await open(page, tag);
    const alpha = ow.getByRole('slider', { name: 'Quality weight α' });
    const beta = ow.getByRole('slider', { name: 'Engagement weight β' });
    await expect(firstRow(ow)).toContainText('C. A friend');
    const announcements = await countAnnouncements(ow);
    await alpha.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await expect(beta).toBeFocused();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    await expect(ow.locator('.ow-value[data-output="alpha"]')).toHaveText('0.80');
    await expect(ow.locator('.ow-value[data-output="beta"]')).toHaveText('0.20');
    await expect(ow.locator('.ow-formula')).toHaveText(/s = 0\.80·s1 \+ 0\.20·s2/);
    expect(await labels(ow)).toBe('BEDCFA');
    await expect(firstRow(ow).locator('[data-rank]')).toHaveText('1');
    await expect(firstRow(ow).locator('[data-score]')).toHaveText('0.770');
    await expect(firstRow(ow)).toContainText('moved up 3');
    const summary = 'Top of the feed: B. In-depth explainer on interest rates (0.770). Feed order: B, E, D, C, F, A.';
    await expect(ow.locator('[data-summary]')).toHaveText(summary);
    await expect(ow.getByRole('status')).toHaveText(summary);
    expect(await announcements()).toBe(1);
  });

  test('by mouse: dragging the weights to the ends gives each end its winner, and 0 and 0 tie everything', async ({ page }) => {
    const ow = await open(page, tag);
    const alpha = ow.getByRole('slider', { name: 'Quality weight α' });
    const beta = ow.getByRole('slider', { name: 'Engagement weight β' });
    const box = (await alpha.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 1, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect(alpha).toHaveValue('0');
    expect(await labels(ow)).toBe('AFCDBE');
    await expect(ow.getByRole('status')).toHaveText(/^Top of the feed: A\. Sensational celebrity rumor \(0\.450\)/);
    await expect(ow.locator('[data-ratio]')).toHaveText(/α = 0\.00 and β = 1\.00/);
    const betaBox = (await beta.boundingBox())!;
    await page.mouse.click(betaBox.x + 1, betaBox.y + betaBox.height / 2);
    await expect(beta).toHaveValue('0');
    // Tied posts keep the order the page was rendered in (equal weights).
    await expect(ow.locator('[data-summary]')).toHaveText('All posts tie at 0.000: nothing sets them apart. Feed order: C = D = F = B = A = E.');
    await expect(ow.locator('tbody [data-rank]')).toHaveText(['=1', '=1', '=1', '=1', '=1', '=1']);
    await page.mouse.click(box.x + box.width - 1, box.y + box.height / 2);
    await expect(alpha).toHaveValue('1');
    expect(await labels(ow)).toBe('BEDCFA');
    await expect(ow.getByRole('status')).toHaveText(/^Top of the feed: B\./);
    await expectAxeClean(page, tag);
  });
});

test.describe('MetricCalculator', () => {
  const tag = 'metric-calculator';
  const value = (mc: Locator, metric: string) => mc.locator(`[data-metric="${metric}"] .mc-value`);
  const why = (mc: Locator, metric: string) => mc.locator(`[data-metric="${metric}"] .mc-why`);

  test('by mouse: the 99.99%-negative example shows the accuracy trap, with 0/0 called undefined and why', async ({ page }) => {
    const mc = await open(page, tag);
    await expect(value(mc, 'accuracy')).toHaveText('85.00%');
    await mc.getByRole('button', { name: '99.99% negative, model always says negative' }).click();
    await expect(mc.getByLabel('True negatives (TN)')).toHaveValue('9999');
    await expect(value(mc, 'accuracy')).toHaveText('99.99%');
    await expect(value(mc, 'precision')).toHaveText('undefined');
    await expect(why(mc, 'precision')).toHaveText('because the model never predicts positive (TP + FP = 0)');
    await expect(value(mc, 'recall')).toHaveText('0%');
    await expect(value(mc, 'f1')).toHaveText('0%');
    await expect(value(mc, 'specificity')).toHaveText('100%');
    await expect(mc.locator('[data-totals]')).toHaveText('Examples: 10,000. Actual positives: 1 (0.01%).');
    const reading = 'High accuracy (99.99%) but recall is 0: the model never finds a positive; it always says negative.';
    await expect(mc.locator('[data-reading]')).toHaveText(reading);
    await expect(mc.getByRole('status')).toHaveText(`Accuracy 99.99%, Precision undefined, Recall 0%, F1 score 0%. ${reading}`);
    await mc.getByRole('button', { name: 'Model flags everything' }).click();
    await expect(mc.locator('[data-reading]')).toHaveText(/^Recall is perfect but precision is only 0\.01%/);
  });

  test('by keyboard: typing counts updates the metrics; bad input gets a clear inline error', async ({ page }) => {
    const mc = await open(page, tag);
    const tp = mc.getByLabel('True positives (TP)');
    const fp = mc.getByLabel('False positives (FP)');
    const announcements = await countAnnouncements(mc);
    await tp.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('30');
    await page.keyboard.press('Tab');
    await expect(mc.getByLabel('False negatives (FN)')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('20');
    await expect(value(mc, 'recall')).toHaveText('60.00%');
    await expect(mc.getByRole('status')).toContainText('Recall 60.00%');
    expect(await announcements()).toBe(1);

    await fp.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('-3');
    await expect(fp).toHaveAttribute('aria-invalid', 'true');
    const error = mc.locator(`#${await fp.getAttribute('aria-describedby')}`);
    await expect(error).toHaveText('A count cannot be negative.');
    await expect(value(mc, 'precision')).toHaveText('—');
    await expect(mc.locator('[data-reading]')).toHaveText('Correct the marked count to see the metrics.');
    await expect(mc.getByRole('status')).toHaveText('False positives (FP): A count cannot be negative.');
    await expectAxeClean(page, tag);

    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('1.5');
    await expect(error).toHaveText('A count is a whole number.');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect(error).toHaveText('Enter a count: 0 or more.');
    await page.keyboard.type('5');
    await page.keyboard.press('ArrowUp');
    await expect(fp).toHaveValue('6');
    await expect(fp).not.toHaveAttribute('aria-invalid');
    await expect(error).toBeEmpty();
    await expect(value(mc, 'precision')).toHaveText('83.33%');
    await expect(mc.locator('[data-reading]')).toHaveText(/^Recall \(60\.00%\) is below precision \(83\.33%\)/);

    // The example buttons work from the keyboard too.
    await mc.getByRole('button', { name: 'Rare positives, useful model' }).focus();
    await page.keyboard.press('Enter');
    await expect(value(mc, 'accuracy')).toHaveText('98.60%');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await expect(value(mc, 'accuracy')).toHaveText('99.99%');
  });

  test('an invalid count keeps a visible non-colour cue in forced colours; nothing animates', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
    const mc = await open(page, tag);
    const tn = mc.getByLabel('True negatives (TN)');
    await tn.fill('');
    await expect(tn).toHaveAttribute('aria-invalid', 'true');
    const style = await tn.evaluate((el) => getComputedStyle(el));
    expect(style.borderTopStyle).toBe('dashed');
    expect(style.borderTopWidth).toBe('2px');
    const animated = await mc.evaluate((root) => [...root.querySelectorAll('*')].filter((el) => parseFloat(getComputedStyle(el).transitionDuration) > 0).length);
    expect(animated).toBe(0);
  });
});

test.describe('MlFitChecklist', () => {
  const tag = 'ml-fit-checklist';
  // Card fraud passes all ten questions of the chapter's checklist: yes to 1, no to 2-4, yes to 5-10.
  const fraud = { 1: 'Yes', 2: 'No', 3: 'No', 4: 'No', 5: 'Yes', 6: 'Yes', 7: 'Yes', 8: 'Yes', 9: 'Yes', 10: 'Yes' } as const;
  const question = (mf: Locator, n: number) => mf.getByRole('group', { name: new RegExp(`^${n}\\. `) });
  const reasons = (mf: Locator) => mf.locator('.mf-reasons li:not([hidden])');

  test('by mouse: a fraud-like problem fits ML only once value and constraints pass; one stopping answer turns the verdict, naming why and what instead', async ({ page }) => {
    const mf = await open(page, tag);
    const title = mf.locator('[data-title]');
    await expect(title).toHaveText('Answer the remaining questions');
    await expect(mf.locator('[data-detail]')).toHaveText('10 questions are still open. No answer so far rules ML out.');
    await expect(reasons(mf)).toHaveCount(0);
    for (const [n, answer] of Object.entries(fraud)) {
      if (Number(n) >= 9) continue;
      await question(mf, Number(n)).getByText(answer, { exact: true }).click();
    }
    // Eight answers that all pass are not enough: the value and constraint questions are still open.
    await expect(title).toHaveText('Answer the remaining questions');
    await expect(mf.locator('[data-detail]')).toHaveText('2 questions are still open. No answer so far rules ML out.');
    await question(mf, 9).getByText('Yes', { exact: true }).click();
    await question(mf, 10).getByText('Yes', { exact: true }).click();
    await expect(title).toHaveText('ML is likely a fit');
    await expect(reasons(mf)).toHaveCount(7);
    await expect(reasons(mf).first()).toContainText('decision the output will change are stated');
    await expect(mf.getByRole('status')).toHaveText(/^ML is likely a fit\. Every answer passes, the value and constraint questions included\./);

    await question(mf, 2).getByRole('radio', { name: 'Yes' }).check();
    await expect(title).toHaveText('Not ML: write the rule or the formula');
    await expect(mf.locator('[data-detail]')).toHaveText('One answer stops the checklist:');
    await expect(reasons(mf)).toHaveText([
      'A known rule or formula is the answer: code it. It is exact, instant, readable and changed in minutes when the policy or the law changes.',
    ]);
    await expect(mf.getByRole('status')).toHaveText('Not ML: write the rule or the formula. One answer stops the checklist.');
    await expectAxeClean(page, tag);
  });

  test('by keyboard: Tab between questions, Space and arrow keys answer them', async ({ page }) => {
    const mf = await open(page, tag);
    const title = mf.locator('[data-title]');
    const announcements = await countAnnouncements(mf);
    await question(mf, 1).getByRole('radio', { name: 'Yes' }).focus();
    await page.keyboard.press('Space'); // 1: Yes, the problem and decision are stated
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // 2: Yes, a rule decides it
    await expect(question(mf, 2).getByRole('radio', { name: 'Yes' })).toBeChecked();
    await expect(title).toHaveText('Not ML: write the rule or the formula');
    await expect(mf.locator('[data-detail]')).toHaveText('One answer stops the checklist, and the 8 open questions cannot change that:');
    await page.keyboard.press('ArrowRight'); // 2: No after all (arrow keys move and check)
    await expect(title).toHaveText('Answer the remaining questions');
    await expect(mf.locator('[data-detail]')).toHaveText('8 questions are still open. No answer so far rules ML out.');
    for (let n = 3; n <= 10; n++) {
      await page.keyboard.press('Tab');
      await page.keyboard.press(fraud[n as keyof typeof fraud] === 'Yes' ? 'Space' : 'ArrowRight');
    }
    await expect(title).toHaveText('ML is likely a fit');
    await page.keyboard.press('Shift+Tab'); // back to question 9
    await page.keyboard.press('ArrowRight'); // 9: No, the value does not cover the cost
    await expect(title).toHaveText('Keep the simple alternative as the baseline');
    await expect(reasons(mf)).toHaveCount(1);
    await expect(mf.getByRole('status')).toHaveText('Keep the simple alternative as the baseline. One answer stops the checklist.');
    expect(await announcements()).toBeLessThanOrEqual(3);
  });
});

for (const tag of ['objective-weights', 'metric-calculator', 'ml-fit-checklist']) {
  test(`${tag} fits a 360 px screen without scrolling sideways`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const explorable = await open(page, tag);
    const [scroll, client] = await explorable.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    for (const region of await explorable.locator('.table-scroll').all()) {
      expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });
}

test('without JavaScript every explorable shows its explanation and its default results', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(chapterWith('objective-weights'));
  const ow = page.locator('objective-weights');
  await expect(ow.locator('.explorable-noscript')).toBeVisible();
  await expect(ow.locator('tbody tr').first()).toContainText('C. A friend');
  await expect(ow.locator('[data-summary]')).toHaveText(/^Top of the feed: C\./);
  await page.goto(chapterWith('metric-calculator'));
  const mc = page.locator('metric-calculator');
  await expect(mc.locator('.explorable-help')).toContainText('accuracy is 99.99% while recall is 0');
  await expect(mc.locator('[data-metric="accuracy"] .mc-value')).toHaveText('85.00%');
  await expect(mc.getByRole('button')).toHaveCount(0);
  await page.goto(chapterWith('ml-fit-checklist'));
  const mf = page.locator('ml-fit-checklist');
  await expect(mf.locator('.explorable-help')).toContainText(
    'ML is likely a fit only when you answer yes to question 1, no to questions 2 to 4 and yes to questions 5 to 10',
  );
  await expect(mf.getByRole('group')).toHaveCount(10);
  await expect(mf.locator('[data-title]')).toHaveText('Answer the remaining questions');
  await context.close();
});
