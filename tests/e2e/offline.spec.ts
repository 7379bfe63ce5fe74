/**
 * Offline reading (issue 5) in Chromium, against the built book with its service worker.
 *
 * Each test serves the build itself (tests/serve.ts on a free port): its origin, and so its service
 * worker and caches, belong to that test alone, and the test can cut the network or deploy another
 * build on the same origin. "Offline" is both `context.setOffline(true)` and a server that drops
 * every connection, so nothing can reach the network whatever the browser emulates for workers.
 *
 * The second version for the update test is a copy of dist with a mark on every page
 * (`<html data-book-build="2">`) and in a script every page loads (it sets `data-book-asset="2"`;
 * same file name as in dist, so only the revision tells the versions apart), after which `writeServiceWorker` (the
 * build's own step) writes its offline.json and sw.js again: new revisions, so a new version.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeServiceWorker } from '../../src/integrations/service-worker.ts';
import { loadExercises } from '../../src/lib/exercises/load.ts';
import { doneText, formatBytes, type OfflineManifest } from '../../src/lib/offline.ts';
import { serve } from '../serve.ts';
import { test, expect, CHAPTER_1 } from './fixtures.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const distBook = fileURLToPath(new URL('../../dist-book/', import.meta.url));
const saved = JSON.parse(readFileSync(join(dist, 'offline.json'), 'utf8')) as OfflineManifest;
const exercise = loadExercises('content').find((e) => e.exercise.type === 'single-choice')!;
const correct = exercise.exercise.type === 'single-choice' ? exercise.exercise.options.findIndex((o) => o.correct) : -1;

test.use({ serviceWorkers: 'allow' });

/** A server for one test whose folder can change (a deploy) or be null (no network). */
async function bookServer(dir: string, base = '/') {
  const state: { dir: string | null } = { dir };
  const server = await serve({ dir: () => state.dir, port: 0, base });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path = '') => `${origin}${base}${path.replace(/^\//, '')}`,
    deploy: (next: string) => (state.dir = next),
    async offline(context: BrowserContext) {
      await context.setOffline(true);
      state.dir = null;
    },
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Waits until a service worker controls the page (after the first install it claims it). */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Presses "Save the book for offline reading" (mouse or keyboard) and waits for the result. */
async function saveTheBook(page: Page, manifest = saved, by: 'mouse' | 'keyboard' = 'mouse'): Promise<void> {
  const control = page.locator('book-offline').filter({ visible: true });
  const button = control.getByRole('button', { name: 'Save the book for offline reading' });
  if (by === 'mouse') await button.click();
  else {
    await button.focus();
    await page.keyboard.press('Enter');
  }
  const status = control.getByRole('status');
  await expect(status).toHaveText(/^Saved \d+\.\d MB: \d+ pages .* The book is ready to read offline\.$/, { timeout: 20_000 });
  await expect(status).toHaveText(doneText(manifest));
  const bar = control.getByRole('progressbar', { name: 'Book saved so far' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveJSProperty('value', 1);
  await expect(control).toContainText(`${formatBytes(manifest.bytes)} of ${formatBytes(manifest.bytes)} (100%)`);
  // The button stays where the keyboard left it (aria-disabled while saving, never disabled).
  if (by === 'keyboard') await expect(button).toBeFocused();
}

/** axe finds nothing in `selector`, in the light and the dark theme. */
async function expectAxeClean(page: Page, selector?: string): Promise<void> {
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    const axe = new AxeBuilder({ page });
    const results = await (selector ? axe.include(selector) : axe).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), theme).toEqual([]);
  }
}

/** The version of the page: the mark on its HTML and the one its shared script sets, "1 1" for dist. */
const version = (page: Page): Promise<string> =>
  page.evaluate(() => `${document.documentElement.dataset.bookBuild ?? '1'} ${document.documentElement.dataset.bookAsset ?? '1'}`);

async function answerExercise(page: Page): Promise<void> {
  const section = page.locator(`#ex-${exercise.exercise.id}`);
  await section.locator('.option label').nth(correct).click();
  await section.getByRole('button', { name: 'Check' }).click();
  await expect(section.locator('.exercise-status')).toContainText('Correct');
}

async function expectAnswerRestored(page: Page): Promise<void> {
  const section = page.locator(`#ex-${exercise.exercise.id}`);
  await expect(section.locator('.option input').nth(correct)).toBeChecked();
  await expect(section.locator('.exercise-status')).toContainText('Correct');
}

let secondVersion: Promise<string> | undefined;
/** dist with every page and a script they all load marked "2", and its worker written again. */
function buildSecondVersion(): Promise<string> {
  secondVersion ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'book-v2-'));
    cpSync(dist, dir, { recursive: true });
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
      const file = join(entry.parentPath, entry.name);
      writeFileSync(file, readFileSync(file, 'utf8').replace('<html lang="en"', '<html lang="en" data-book-build="2"'));
    }
    // The scripts every page loads (styles are inline in each page, so a script is the shared asset).
    let shared: Set<string> | undefined;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name !== 'index.html') continue;
      const scripts = new Set([...readFileSync(join(entry.parentPath, entry.name), 'utf8').matchAll(/<script type="module" src="\/(_astro\/[^"]+\.js)"/g)].map((m) => m[1]!));
      shared = shared ? new Set([...shared].filter((s) => scripts.has(s))) : scripts;
    }
    const script = [...(shared ?? [])][0];
    if (!script) throw new Error('no script is loaded by every page of dist');
    appendFileSync(join(dir, script), '\ndocument.documentElement.dataset.bookAsset = "2";\n');
    await writeServiceWorker(dir);
    return dir;
  })();
  return secondVersion;
}

test.afterAll(async () => {
  if (secondVersion) rmSync(await secondVersion, { recursive: true, force: true });
});

test('after one visit and "Save the book", chapters, formulas, diagrams, search, exercises and explorables work offline', async ({ page, context }) => {
  test.setTimeout(60_000);
  const book = await bookServer(dist);
  const failed: string[] = [];
  // A request the browser abandons because the page navigated on (net::ERR_ABORTED, e.g. a favicon) is not a failure to serve it.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.url()}: ${r.failure()?.errorText}`);
  });
  try {
    await page.goto(book.url());
    await controlled(page);
    await saveTheBook(page);
    await expectAxeClean(page, '.home book-offline');

    await book.offline(context);
    await page.getByRole('link', { name: /Start reading/ }).click();
    await expect(page).toHaveURL(book.url(CHAPTER_1));
    await expect(page.locator('h1')).toContainText('What ML system design is');
    expect(await page.locator('.katex math').count()).toBeGreaterThan(2);
    await expect(page.locator('.diagram svg').filter({ visible: true }).first()).toBeVisible();
    // The formulas' fonts came from the cache too.
    await expect.poll(() => page.evaluate(() => [...document.fonts].some((f) => f.family.includes('KaTeX') && f.status === 'loaded'))).toBe(true);

    await page.getByRole('link', { name: /^Next/ }).click();
    await expect(page.locator('h1')).toContainText('Business objectives');
    await page.locator('.sidebar').getByRole('link', { name: /Measuring success/ }).click();
    await expect(page.locator('h1')).toContainText('Measuring success');
    expect(await page.locator('.katex math').count()).toBeGreaterThan(2);
    const calculator = page.locator('metric-calculator');
    await calculator.getByRole('button', { name: '99.99% negative, model always says negative' }).click();
    await expect(calculator.locator('[data-metric="accuracy"] .mc-value')).toHaveText('99.99%');

    await page.getByRole('button', { name: /Search/ }).click();
    await page.getByRole('searchbox', { name: 'Search terms' }).fill('petabytes');
    await page.locator('.search-section-link').first().click();
    await expect(page).toHaveURL(/\/chapters\/what-ml-system-design-is\/\?highlight=petabytes#automation$/);
    await expect(page.locator('[data-pagefind-body] mark').first()).toHaveText(/petabytes/i);

    await page.goto(book.url(`chapters/${exercise.chapter}/#ex-${exercise.exercise.id}`));
    await answerExercise(page);
    await page.reload();
    await expectAnswerRestored(page);

    // A page that does not exist: the offline page, which lists what can be read.
    const response = await page.goto(book.url('chapters/not-in-this-book/'));
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
    // Every page it lists is saved, so none is taken off the list.
    const listed = readFileSync(join(dist, 'offline', 'index.html'), 'utf8').match(/<li><a /g)!.length;
    await expect(page.locator('.offline-pages li')).toHaveCount(listed);
    await page.locator('.offline-pages').getByRole('link', { name: 'Glossary' }).click();
    await expect(page.locator('h1')).toHaveText('Glossary');
    expect(failed).toEqual([]);
  } finally {
    book.close();
  }
});

test('a page that was never read nor saved shows the offline page, listing what is saved, at 360 px', async ({ page, context }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const book = await bookServer(dist);
  try {
    await page.goto(book.url());
    await controlled(page);
    const control = page.locator('.home book-offline');
    await expect(control.getByRole('button', { name: 'Save the book for offline reading' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The manifest makes the book installable (Chromium's own checks, as DevTools shows them).
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[] };
    expect(manifest.url).toBe(book.url('manifest.webmanifest'));
    expect(manifest.errors).toEqual([]);
    // Playwright's contexts are incognito, where Chromium never offers to install: that is the only error allowed.
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

    await book.offline(context);
    await page.getByRole('link', { name: /Start reading/ }).click();
    await expect(page).toHaveURL(book.url(CHAPTER_1));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
    // Only the home page is in the app shell.
    await expect(page.locator('.offline-pages li')).toHaveText(['Contents']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAxeClean(page);
    await page.getByRole('link', { name: 'Contents' }).click();
    await expect(page.locator('h1')).toHaveText(/Designing Machine Learning Systems/);
  } finally {
    book.close();
  }
});

test('a new version: a notice with Reload; no page of it before Reload, every page after; saved answers survive', async ({ page, context }) => {
  test.setTimeout(60_000);
  const next = await buildSecondVersion();
  const book = await bookServer(dist);
  try {
    await page.goto(book.url(`chapters/${exercise.chapter}/`));
    await controlled(page);
    await answerExercise(page);
    await page.goto(book.url());
    await saveTheBook(page);
    expect(await version(page)).toBe('1 1');

    book.deploy(next);
    await page.reload();
    const notice = page.getByRole('status').filter({ hasText: 'A new version of the book is available.' });
    await expect(notice).toBeVisible({ timeout: 20_000 });
    await expectAxeClean(page, 'book-update');
    // Until the reader reloads, every page and script is the saved version.
    for (const link of [/Start reading/, /^Next/]) {
      await page.getByRole('link', { name: link }).first().click();
      await page.waitForLoadState();
      expect(await version(page), page.url()).toBe('1 1');
      await expect(notice).toBeVisible();
    }
    await page.goto(book.url('glossary/'));
    expect(await version(page)).toBe('1 1');

    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    expect(await version(page)).toBe('2 2');
    await expect(notice).toBeHidden();
    for (const path of ['', CHAPTER_1, 'parts/foundation/', 'bibliography/']) {
      await page.goto(book.url(path));
      expect(await version(page), path).toBe('2 2');
    }
    await page.goto(book.url(`chapters/${exercise.chapter}/`));
    expect(await version(page)).toBe('2 2');
    await expectAnswerRestored(page);

    // The full save moved to the new version: offline, every page is there and new.
    await book.offline(context);
    for (const path of ['glossary/', 'chapters/framing-ml-problems/', 'exercises/']) {
      await page.goto(book.url(path));
      expect(await version(page), path).toBe('2 2');
    }
    await expect(page.locator('footer book-offline .offline-saved')).toHaveText(/The book is saved for offline reading/);
  } finally {
    book.close();
  }
});

test('under /book/ the worker, its scope, the manifest and the offline copy stay under /book/', async ({ page, context }) => {
  const book = await bookServer(distBook, '/book/');
  const outside: string[] = [];
  context.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (!path.startsWith('/book/')) outside.push(path);
  });
  try {
    await page.goto(book.url());
    await controlled(page);
    const registration = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      return { scope: new URL(r.scope).pathname, script: new URL(r.active!.scriptURL).pathname };
    });
    expect(registration).toEqual({ scope: '/book/', script: '/book/sw.js' });
    const manifest = await (await page.request.get(book.url('manifest.webmanifest'))).json();
    expect(manifest).toMatchObject({ start_url: '/book/', scope: '/book/' });
    await saveTheBook(page, JSON.parse(readFileSync(join(distBook, 'offline.json'), 'utf8')) as OfflineManifest, 'keyboard');

    await book.offline(context);
    await page.getByRole('link', { name: /Start reading/ }).click();
    await expect(page).toHaveURL(book.url(CHAPTER_1));
    expect(await page.locator('.katex math').count()).toBeGreaterThan(2);
    await page.getByRole('button', { name: /Search/ }).click();
    await page.getByRole('searchbox', { name: 'Search terms' }).fill('petabytes');
    await page.locator('.search-section-link').first().click();
    await expect(page).toHaveURL(/\/book\/chapters\/what-ml-system-design-is\/\?highlight=petabytes#automation$/);
    expect(outside).toEqual([]);
  } finally {
    book.close();
  }
});
