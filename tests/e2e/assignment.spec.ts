/**
 * Instructor tools in a real browser: the catalog's filters, the assignment builder producing a
 * link, the student's assignment page with saved answers and the hand-in exports, hostile links
 * treated as data, and the two editions (no solution text in the student build).
 */
import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadExercises } from '../../src/lib/exercises/load.ts';
import { test, expect } from './fixtures.ts';

const all = loadExercises('content');

test('the catalog lists every exercise and filters by chapter, type and difficulty', async ({ page }) => {
  await page.goto('/exercises/');
  const rows = page.locator('[data-exercise-row]');
  await expect(rows).toHaveCount(all.length);
  await page.locator('.catalog-filters select[name="type"]').selectOption('numeric');
  const numeric = all.filter((e) => e.exercise.type === 'numeric').length;
  await expect(page.locator('[data-exercise-row]:visible')).toHaveCount(numeric);
  await expect(page.locator('.catalog-count')).toHaveText(`${numeric} of ${all.length} shown.`);
  await page.getByLabel('Difficulty').selectOption('advanced');
  const both = all.filter((e) => e.exercise.type === 'numeric' && e.exercise.difficulty === 'advanced').length;
  await expect(page.locator('[data-exercise-row]:visible')).toHaveCount(both);
  await page.locator('.catalog-filters select[name="type"]').selectOption('');
  await page.getByLabel('Difficulty').selectOption('');
  const first = all[0]!;
  await page.locator('.catalog-filters select[name="chapter"]').selectOption(first.chapter);
  await expect(page.locator('[data-exercise-row]:visible')).toHaveCount(all.filter((e) => e.chapter === first.chapter).length);
});

test('builder to assignment to hand-in: an instructor makes a link, a student answers and exports', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const picks = [all.find((e) => e.exercise.type === 'single-choice')!, all.find((e) => e.exercise.type === 'case-study')!, all.find((e) => e.exercise.type === 'numeric')!];
  await page.goto('/exercises/');
  // Tick three exercises by keyboard, reorder by keyboard, set the details.
  for (const p of picks) {
    const box = page.locator(`#pick-${p.exercise.id}`);
    await box.focus();
    await box.press('Space');
  }
  const list = page.getByRole('list', { name: 'Exercises in the assignment' });
  await expect(list.locator('li')).toHaveCount(3);
  await list.getByRole('button', { name: `Move up: ${picks[2]!.exercise.title}` }).press('Enter');
  await expect(list.locator('li').nth(1)).toContainText(picks[2]!.exercise.title);
  await page.getByLabel('Title').fill('Week 2: metrics & cases');
  await page.getByLabel('Instructions for students').fill('Answer all three.\nHand in the Markdown file.');
  await page.getByLabel('Due date (optional)').fill('2026-12-04');
  await page.getByRole('button', { name: 'Create the assignment link' }).click();
  const link = await page.getByLabel('Link to share with students').inputValue();
  expect(new URL(link).pathname).toBe('/assignment/');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id), 'catalog with the builder filled in').toEqual([]);

  // The student opens the link in their own browser.
  const student = await browser.newContext();
  const tab = await student.newPage();
  await tab.goto(link);
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Week 2: metrics & cases');
  await expect(tab.locator('.assignment-instructions')).toHaveText('Answer all three.\nHand in the Markdown file.');
  await expect(tab.locator('.assignment-due')).toContainText('2026');
  const questions = tab.locator('.assignment-question');
  await expect(questions).toHaveCount(3);
  await expect(questions.nth(0).locator('.exercise-title')).toContainText(picks[0]!.exercise.title);
  await expect(questions.nth(1).locator('.exercise-title')).toContainText(picks[2]!.exercise.title);
  const choice = picks[0]!.exercise;
  if (choice.type !== 'single-choice') throw new Error('unreachable');
  await questions.nth(0).locator('.option label').nth(choice.options.findIndex((o) => o.correct)).click();
  await questions.nth(0).getByRole('button', { name: 'Check' }).click();
  await expect(questions.nth(0).locator('.exercise-status')).toContainText('Correct');
  await questions.nth(2).locator('textarea').first().fill('Our stakeholders are the platform team and the product owners.');
  const axe = await new AxeBuilder({ page: tab }).analyze();
  expect(axe.violations.map((v) => v.id), 'assignment page').toEqual([]);

  // Saved like everywhere else: a reload keeps both answers.
  await tab.reload();
  await expect(tab.locator('.assignment-question').nth(0).locator('.exercise-status')).toContainText('Correct');
  await expect(tab.locator('.assignment-question').nth(2).locator('textarea').first()).toHaveValue(/platform team/);

  await tab.getByLabel('Your name (printed on exports)').fill('Grace Student');
  const [markdown] = await Promise.all([tab.waitForEvent('download'), tab.getByRole('button', { name: 'Download as Markdown' }).click()]);
  const text = readFileSync(await markdown.path(), 'utf8');
  expect(text).toContain('Grace Student');
  expect(text).toContain('Week 2: metrics');
  expect(text).toContain(choice.title);
  expect(text).toContain('platform team');
  const [json] = await Promise.all([tab.waitForEvent('download'), tab.getByRole('button', { name: /Download my work \(JSON/ }).click()]);
  const exported = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(Object.keys(exported.work).sort()).toEqual([picks[0]!.exercise.id, picks[1]!.exercise.id].sort());
  // The printable page: the answers with the student's name, shown only when printing answers.
  await tab.evaluate(() => (window.print = () => undefined));
  await tab.getByRole('button', { name: 'Print my answers' }).click();
  await tab.emulateMedia({ media: 'print' });
  await expect(tab.locator('.work-print')).toBeVisible();
  await expect(tab.locator('.work-print')).toContainText('Grace Student');
  await student.close();
});

const hostile: [string, RegExp][] = [
  ['?t=<img src=x onerror=alert(1)>&ex=' + all[0]!.exercise.id, /img src=x onerror/],
  ['?t=Hi&ex=<script>alert(1)</script>', /not an exercise id/i],
  ['?t=Hi&ex=no-such-exercise,another-missing', /none of the exercises|do not exist|No exercise/i],
  ['?t=Hi&ex=' + all[0]!.exercise.id + '&d=2026-02-30', /date/i],
  ['?t=%E0%A4%A&ex=' + all[0]!.exercise.id, /./],
  ['?t=' + 'x'.repeat(5000) + '&ex=' + all[0]!.exercise.id, /title/i],
  ['?t=Hi&ex=__proto__,constructor', /not an exercise id/i],
  ['', /./],
];

for (const [query, message] of hostile) {
  test(`a hostile or broken link is data, never code: ${query.slice(0, 60) || '(empty)'}`, async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await page.goto(`/assignment/${query}`);
    const shown = page.locator('.assignment-message, h1').filter({ hasText: message });
    await expect(shown.first()).toBeVisible();
    // Nothing from the link became markup.
    expect(await page.locator('.assignment-page img, .assignment-page script:not([type])').count()).toBe(0);
    expect(dialogs).toBe(0);
  });
}

/** Every text file of a build, with Pagefind's gzipped index files decompressed. */
function buildText(dir: string): string {
  const parts: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(html|js|json|css|xml|txt)$/.test(name)) parts.push(readFileSync(path, 'utf8'));
      else if (/\.pf_(fragment|index|meta|filter)$/.test(name)) {
        try {
          parts.push(gunzipSync(readFileSync(path)).toString('utf8'));
        } catch {
          parts.push(readFileSync(path, 'latin1'));
        }
      }
    }
  };
  walk(dir);
  const decoded = parts.join('\n').replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/&quot;|&#x22;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  return decoded.replace(/\s+/g, ' ');
}

/** A run of six plain words from a Markdown text: what any rendering of it must contain. */
function snippet(markdown: string): string | undefined {
  const words = markdown.replace(/\$[^$]*\$/g, ' | ').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').split(/\s+/);
  for (let i = 0; i + 6 <= words.length; i++) {
    const run = words.slice(i, i + 6);
    if (run.every((w) => /^[A-Za-z][A-Za-z,;]*$/.test(w))) return run.join(' ');
  }
  return undefined;
}

test('the student build holds no teaching notes, model answers or rubrics; the instructor build holds them all', () => {
  const secrets = all.flatMap(({ exercise }) => {
    const texts = [exercise.teachingNotes];
    if (exercise.type === 'open' || exercise.type === 'case-study') {
      texts.push(...exercise.parts.map((p) => p.modelAnswer), ...exercise.rubric.flatMap((r) => [r.excellent, r.partial]));
    }
    return texts.map(snippet).filter((s): s is string => !!s);
  });
  expect(secrets.length).toBeGreaterThan(all.length);
  const student = buildText('dist');
  const leaked = secrets.filter((s) => student.includes(s));
  expect(leaked, 'instructor-only text found in the student build').toEqual([]);
  const instructor = buildText('dist-instructor');
  const missing = secrets.filter((s) => !instructor.includes(s));
  expect(missing, 'instructor-only text missing from the instructor build').toEqual([]);
});
