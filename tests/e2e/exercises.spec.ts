/**
 * Exercises in a real browser, against the real book: one exercise of every type is answered wrong
 * then right, once with the mouse and once with the keyboard only; work survives a reload and moves
 * to a fresh browser by export and import; a JavaScript-less reader still sees the questions.
 * The right answers come from the exercise data itself (content/exercises/*.yaml).
 */
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { loadExercises, type LoadedExercise } from '../../src/lib/exercises/load.ts';
import type { ExerciseType } from '../../src/schemas/exercise.ts';
import { test, expect } from './fixtures.ts';

const all = loadExercises('content');
// Landing on #ex-... scrolls smoothly; a drag measured mid-scroll would miss its target.
test.use({ reducedMotion: 'reduce' });
const chapterFile = (slug: string) => `/chapters/${slug}/`;
/** The first exercise of each type in the book. */
const firstOf = (type: ExerciseType): LoadedExercise => {
  const found = all.find((e) => e.exercise.type === type);
  if (!found) throw new Error(`the book has no ${type} exercise`);
  return found;
};
const plain = (markdown: string) => markdown.replace(/\$([^$]+)\$/g, '$1').replace(/[*_`]/g, '').trim();

type Mode = 'mouse' | 'keyboard';

async function open(page: Page, loaded: LoadedExercise): Promise<Locator> {
  await page.goto(`${chapterFile(loaded.chapter)}#ex-${loaded.exercise.id}`);
  const section = page.locator(`#ex-${loaded.exercise.id}`);
  await expect(section.locator('book-exercise')).toHaveJSProperty('isConnected', true);
  await expect(section.getByRole('button', { name: /^(Check|Compare with key points)$/ })).toBeVisible();
  return section;
}

async function submit(section: Locator, mode: Mode): Promise<void> {
  const button = section.getByRole('button', { name: /^(Check|Compare with key points)$/ });
  if (mode === 'mouse') await button.click();
  else {
    await button.focus();
    await button.press('Enter');
  }
}

/** Chooses an option by its position, by clicking its label or by focusing and pressing Space. */
async function choose(section: Locator, index: number, mode: Mode): Promise<void> {
  const input = section.locator('.option input').nth(index);
  if (mode === 'mouse') await section.locator('.option label').nth(index).click();
  else {
    await input.focus();
    await input.press('Space');
  }
}

async function fill(section: Locator, value: string, mode: Mode): Promise<void> {
  const input = section.getByLabel('Your answer');
  if (mode === 'mouse') await input.click();
  else await input.focus();
  await input.fill('');
  await input.pressSequentially(value);
}

/** Puts ordering items in `order` (item indexes), by drag with the mouse or Move buttons by keyboard. */
async function arrange(page: Page, section: Locator, order: number[], mode: Mode): Promise<void> {
  for (let target = 0; target < order.length; target++) {
    const items = section.locator('.ordering-item');
    const current = await items.evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.item)));
    const from = current.indexOf(order[target]!);
    if (from === target) continue;
    if (mode === 'mouse') {
      // Both the item and its destination must be on screen for a real drag.
      await section.locator('.ordering-list').evaluate((list) => list.scrollIntoView({ block: 'center', behavior: 'instant' }));
      const handle = items.nth(from).locator('.ordering-handle');
      const to = await items.nth(target).boundingBox();
      const box = await handle.boundingBox();
      await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
      await page.mouse.down();
      await page.mouse.move(box!.x + box!.width / 2, to!.y + 4, { steps: 8 });
      await page.mouse.up();
    } else {
      const up = items.nth(from).locator('button[data-move="-1"]');
      await up.focus();
      for (let k = 0; k < from - target; k++) await page.keyboard.press('Enter');
    }
    const after = await items.evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.item)));
    expect(after[target], `item ${order[target]} moved to position ${target}`).toBe(order[target]);
  }
}

async function match(page: Page, section: Locator, rights: string[], mode: Mode): Promise<void> {
  const selects = section.locator('select.matching-select');
  for (let i = 0; i < rights.length; i++) {
    const select = selects.nth(i);
    if (mode === 'mouse') await select.selectOption({ label: rights[i]! });
    else {
      const labels = await select.locator('option').allTextContents();
      const target = labels.indexOf(rights[i]!);
      expect(target, `"${rights[i]}" is a choice`).toBeGreaterThan(0);
      await select.focus();
      const now = await select.evaluate((s) => (s as HTMLSelectElement).selectedIndex);
      const key = target > now ? 'ArrowDown' : 'ArrowUp';
      for (let k = 0; k < Math.abs(target - now); k++) await page.keyboard.press(key);
      await expect(select).toHaveValue(String(target - 1));
    }
  }
}

const status = (section: Locator) => section.locator('.exercise-status');

/** Answers the exercise wrong (`right` false) or right, for every auto-checked type. */
async function answer(page: Page, section: Locator, loaded: LoadedExercise, right: boolean, mode: Mode): Promise<void> {
  const e = loaded.exercise;
  switch (e.type) {
    case 'single-choice': {
      const index = right ? e.options.findIndex((o) => o.correct) : e.options.findIndex((o) => !o.correct);
      await choose(section, index, mode);
      break;
    }
    case 'multiple-select': {
      // Clear, then pick exactly the correct options (right) or only one wrong option (wrong).
      for (let i = 0; i < e.options.length; i++) if (await section.locator('.option input').nth(i).isChecked()) await choose(section, i, mode);
      const picks = right ? e.options.flatMap((o, i) => (o.correct ? [i] : [])) : [e.options.findIndex((o) => !o.correct)];
      for (const i of picks) await choose(section, i, mode);
      break;
    }
    case 'true-false':
      await choose(section, e.answer === right ? 0 : 1, mode);
      break;
    case 'numeric':
      await fill(section, right ? `${e.answer}${e.unit ? ` ${e.unit}` : ''}` : String(e.answer + e.tolerance + Math.max(1, Math.abs(e.answer))), mode);
      break;
    case 'short-answer':
      await fill(section, right ? `  ${e.answers[0]!.toUpperCase()}  ` : 'certainly not this', mode);
      break;
    case 'ordering': {
      const order = [...e.items.keys()];
      await arrange(page, section, right ? order : [1, 0, ...order.slice(2)], mode);
      break;
    }
    case 'matching': {
      const rights = e.pairs.map((p) => plain(p.right));
      await match(page, section, right ? rights : [...rights.slice(1), rights[0]!], mode);
      break;
    }
    default:
      throw new Error(`not auto-checked: ${e.type}`);
  }
  await submit(section, mode);
}

const autoTypes: ExerciseType[] = ['single-choice', 'multiple-select', 'true-false', 'numeric', 'ordering', 'matching', 'short-answer'];

for (const mode of ['mouse', 'keyboard'] as const) {
  for (const type of autoTypes) {
    test(`${type}: wrong, then right, with the ${mode}`, async ({ page }) => {
      const loaded = firstOf(type);
      const section = await open(page, loaded);
      await answer(page, section, loaded, false, mode);
      await expect(status(section)).toContainText(/Not quite|Partly right/);
      await expect(section.locator('book-exercise')).toHaveAttribute('data-verdict', /incorrect|partial/);
      if (type === 'single-choice' || type === 'multiple-select') await expect(section.locator('.option-feedback:visible').first()).toBeVisible();
      // Hints one at a time, then the explanation on demand.
      if (loaded.exercise.hints.length > 0) {
        const hint = section.getByRole('button', { name: 'Show a hint' });
        if (mode === 'mouse') await hint.click();
        else await hint.press('Enter');
        await expect(section.locator('.exercise-hints li:visible')).toHaveCount(1);
      }
      if (type !== 'true-false') {
        const explain = section.getByRole('button', { name: 'Show explanation' });
        if (mode === 'mouse') await explain.click();
        else await explain.press('Enter');
      }
      await expect(section.locator('.exercise-explanation')).toBeVisible();
      const retry = section.getByRole('button', { name: 'Try again' });
      if (mode === 'mouse') await retry.click();
      else await retry.press('Enter');
      await answer(page, section, loaded, true, mode);
      await expect(status(section)).toContainText('Correct');
      await expect(section.locator('book-exercise')).toHaveAttribute('data-verdict', 'correct');
      await expect(section.getByRole('button', { name: 'Try again' })).toBeHidden();
    });
  }
}

test('a numeric answer that is not a number is explained and not counted as an attempt', async ({ page }) => {
  const loaded = firstOf('numeric');
  const section = await open(page, loaded);
  await fill(section, 'about ten', 'keyboard');
  await submit(section, 'keyboard');
  await expect(status(section)).toHaveText(/Enter a number/);
  expect(await page.evaluate((id) => localStorage.getItem(`book-work:${id}`), loaded.exercise.id)).toContain('"attempts":0');
});

test('an open exercise: write, compare with the key points, tick them; all of it survives a reload', async ({ page }) => {
  const loaded = all.find((e) => e.exercise.type === 'case-study' || e.exercise.type === 'open')!;
  const section = await open(page, loaded);
  await submit(section, 'mouse');
  await expect(status(section)).toContainText('Write your answer first');
  const boxes = section.locator('textarea.open-answer');
  await boxes.first().fill('Stakeholders: clinicians, managers and IT. <b>not markup</b>');
  await submit(section, 'keyboard');
  await expect(section.locator('.key-points').first()).toBeVisible();
  await section.locator('.key-points').first().locator('input').first().check();
  await page.reload();
  const again = page.locator(`#ex-${loaded.exercise.id}`);
  await expect(again.locator('textarea.open-answer').first()).toHaveValue('Stakeholders: clinicians, managers and IT. <b>not markup</b>');
  await expect(again.locator('.key-points').first()).toBeVisible();
  await expect(again.locator('.key-points').first().locator('input').first()).toBeChecked();
});

test('progress survives a reload, in the chapter and the sidebar, and export/import restores it in a fresh browser', async ({ page, browser }) => {
  const loaded = firstOf('single-choice');
  const section = await open(page, loaded);
  const line = page.locator('.chapter-progress [data-progress]:not([data-progress-noun])');
  const total = all.filter((e) => e.chapter === loaded.chapter && e.role === 'exercise').length;
  await expect(line).toHaveText(`0 of ${total} exercises done`);
  await answer(page, section, loaded, true, 'mouse');
  await expect(line).toHaveText(`1 of ${total} exercises done`);
  await page.reload();
  await expect(line).toHaveText(`1 of ${total} exercises done`);
  const sidebar = page.locator(`.sidebar a[aria-current="page"] + .sidebar-progress`);
  await expect(sidebar.locator('[aria-hidden="true"]')).toHaveText(`1/${total}`);
  await expect(sidebar.locator('.visually-hidden')).toHaveText(`, 1 of ${total} exercises done`);
  await expect(page.locator(`#ex-${loaded.exercise.id} .exercise-status`)).toContainText('Correct');

  await page.goto('/my-work/');
  await page.getByLabel('Your name (printed on exports)').fill('Ada Student');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download my work \(JSON/ }).click()]);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.format).toBe('ml-systems-book-work');
  expect(exported.student).toBe('Ada Student');
  expect(Object.keys(exported.work)).toEqual([loaded.exercise.id]);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/my-work/');
  await expect(other.locator(`[data-status-for="${loaded.exercise.id}"]`)).toHaveText(' (not started)');
  await other.getByLabel('Import work from a file exported earlier').setInputFiles(file);
  await expect(other.locator('.work-status')).toContainText('Imported 1 new');
  await expect(other.locator(`[data-status-for="${loaded.exercise.id}"]`)).toHaveText(' (correct)');
  await other.goto(`${chapterFile(loaded.chapter)}`);
  await expect(other.locator(`#ex-${loaded.exercise.id} .exercise-status`)).toContainText('Correct');
  await expect(other.locator('.chapter-progress [data-progress]:not([data-progress-noun])')).toHaveText(`1 of ${total} exercises done`);
  await fresh.close();
});

test('a hostile or corrupted import file is refused with a message and deletes nothing', async ({ page }, testInfo) => {
  const loaded = firstOf('true-false');
  const section = await open(page, loaded);
  await answer(page, section, loaded, true, 'mouse');
  await page.goto('/my-work/');
  const importer = page.getByLabel('Import work from a file exported earlier');
  const cases = {
    'not-json.json': '{"format": "ml-systems-book-work", ',
    'wrong-format.json': JSON.stringify({ format: 'something-else', version: 1, work: {} }),
    'hostile.json': JSON.stringify({ format: 'ml-systems-book-work', version: 1, book: 'x', exportedAt: 'x', work: { __proto__: { polluted: true }, '<img src=x onerror=alert(1)>': { bad: true } } }),
  };
  for (const [name, text] of Object.entries(cases)) {
    const path = testInfo.outputPath(name);
    await import('node:fs').then((fs) => fs.writeFileSync(path, text));
    await importer.setInputFiles(path);
    await expect(page.locator('.work-status')).toContainText(/Nothing was imported|Imported 0 new/);
  }
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
  await expect(page.locator(`[data-status-for="${loaded.exercise.id}"]`)).toHaveText(' (correct)');
});

test('corrupted storage and an answer to an earlier version are shown as such, never as correct', async ({ page }) => {
  const single = firstOf('single-choice');
  const numeric = firstOf('numeric');
  await page.goto('/');
  await page.evaluate(
    ([a, b]) => {
      localStorage.setItem(`book-work:${a}`, '{not json');
      localStorage.setItem(
        `book-work:${b}`,
        JSON.stringify({ v: 1, hash: '000000000000', type: 'numeric', answer: { kind: 'text', value: '42' }, attempts: 2, status: 'correct', updatedAt: '2026-01-01T00:00:00.000Z' }),
      );
    },
    [single.exercise.id, numeric.exercise.id],
  );
  let section = await open(page, single);
  await expect(status(section)).toContainText('could not be read');
  section = await open(page, numeric);
  await expect(section.locator('.exercise-stale')).toBeVisible();
  await expect(section.getByLabel('Your answer')).toHaveValue('42');
  await expect(section.locator('book-exercise')).not.toHaveAttribute('data-verdict', /.*/);
  // The corrupted record is left alone until the reader answers again.
  expect(await page.evaluate((id) => localStorage.getItem(`book-work:${id}`), single.exercise.id)).toBe('{not json');
});

test('with storage disabled the exercise still checks answers and says work is not kept', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const page = await context.newPage();
  const loaded = firstOf('single-choice');
  const section = await open(page, loaded);
  await answer(page, section, loaded, true, 'mouse');
  await expect(status(section)).toContainText('Correct');
  await expect(section.locator('.exercise-storage')).toContainText('not keeping your work');
  await context.close();
});

test('each exercise has a permalink and a copy-link button', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const loaded = firstOf('ordering');
  const section = await open(page, loaded);
  await expect(section.getByRole('link', { name: /Permalink/ })).toHaveAttribute('href', `#ex-${loaded.exercise.id}`);
  await section.getByRole('button', { name: /Copy link/ }).click();
  await expect(status(section)).toHaveText('Link to this exercise copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/chapters/${loaded.chapter}/#ex-${loaded.exercise.id}$`));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('questions, options and items are readable, and the page says checking needs JavaScript', async ({ page }) => {
    const loaded = firstOf('single-choice');
    await page.goto(chapterFile(loaded.chapter));
    const section = page.locator(`#ex-${loaded.exercise.id}`);
    await expect(section.locator('.exercise-prompt')).toBeVisible();
    await expect(section.locator('.option label')).toHaveCount(loaded.exercise.type === 'single-choice' ? loaded.exercise.options.length : 0);
    await expect(section.locator('.exercise-nojs')).toBeVisible();
    await expect(section.getByRole('button', { name: 'Check' })).toBeHidden();
    await expect(section.locator('.option-feedback').first()).toBeHidden();
  });
});

test('axe finds no violations on a chapter with answered exercises', async ({ page }) => {
  const loaded = firstOf('multiple-select');
  const section = await open(page, loaded);
  await answer(page, section, loaded, false, 'mouse');
  await section.getByRole('button', { name: 'Show explanation' }).click();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
});
