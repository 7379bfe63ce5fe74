/**
 * Page-weight budgets of the BUILT site, measured as a reader's first load.
 *
 *   node tests/bench/budgets.ts DIR [--base /book/] [--json dist-reports/budgets.json | --json -]
 *
 * Serves DIR with tests/serve.ts, opens each page type (home, every chapter, glossary, and the part
 * page with the most content) in headless Chromium, each in a fresh context (empty cache), records
 * every response until network idle, and gzips each (decoded) body itself with zlib at level 9, so
 * the figures stand for what a host that compresses text sends, whatever the test server does (an
 * already-compressed body such as woff2 counts at its raw size when gzip would not shrink it). Inline <script> text is gzipped on
 * its own and counted as JavaScript too (it is also inside the HTML's share of the total).
 *
 * Budget (from the issue, applied to every page type): at most 100 KiB gzipped in all, of which at
 * most 12 KiB JavaScript, and no /pagefind/ request on first load. Exits 1 naming each excess.
 * Also reports the size of the offline copy and its first-visit app shell (offline-size.ts).
 */
import { mkdirSync, readdirSync, existsSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright';
import { chromiumArgs, findChromium } from '../../src/plugins/mermaid/chromium.ts';
import { serve } from '../serve.ts';
import { checkBudget, classify, defaultBudget, formatTable, summarise, type PageSummary, type Resource, type Violation } from './budget-lib.ts';
import { formatOfflineCopy, measureOfflineCopy } from './offline-size.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { base: { type: 'string', default: '/' }, json: { type: 'string', default: 'dist-reports/budgets.json' } },
});
const dir = resolve(positionals[0] ?? 'dist');
const base = values.base;
/** Gzipped size at level 9; never more than the raw size (servers send woff2/png as they are). */
const gzip = (body: Buffer | string) => Math.min(Buffer.byteLength(body), gzipSync(body, { level: 9 }).length);

function pagesToMeasure(root: string): string[] {
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root} has no index.html: build the site first (npm run build)`);
  const sub = (folder: string) =>
    existsSync(join(root, folder))
      ? readdirSync(join(root, folder), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(root, folder, d.name, 'index.html'))).map((d) => d.name).sort()
      : [];
  const chapters = sub('chapters').map((slug) => `chapters/${slug}/`);
  // The part page with the most content (the largest file), i.e. one that lists chapters.
  const part = sub('parts').sort((a, b) => statSync(join(root, 'parts', b, 'index.html')).size - statSync(join(root, 'parts', a, 'index.html')).size)[0];
  return ['', ...chapters, 'glossary/', ...(part ? [`parts/${part}/`] : [])];
}

async function measure(browser: Browser, origin: string, path: string): Promise<{ resources: Resource[]; inlineJsGzip: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pending: Promise<Resource | undefined>[] = [];
  page.on('response', (response) => {
    pending.push(
      (async () => {
        if (response.status() >= 300 && response.status() < 400) return undefined;
        const body = await response.body().catch(() => undefined);
        if (!body) return undefined;
        const url = response.url();
        return { url, type: classify(url, response.headers()['content-type']), bytes: body.length, gzipBytes: gzip(body) };
      })(),
    );
  });
  await page.goto(`${origin}${base}${path}`, { waitUntil: 'networkidle' });
  const inline = await page.$$eval('script:not([src])', (scripts) => scripts.map((s) => s.textContent ?? '').join('\n'));
  const resources = (await Promise.all(pending)).filter((r): r is Resource => r !== undefined);
  await context.close();
  return { resources, inlineJsGzip: inline.trim() ? gzip(inline) : 0 };
}

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH');
const server = await serve({ dir, port: 0, base });
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });

const rows: { page: string; summary: PageSummary; resources: Resource[] }[] = [];
const violations: Violation[] = [];
try {
  for (const path of pagesToMeasure(dir)) {
    const name = `${base}${path}`;
    const { resources, inlineJsGzip } = await measure(browser, origin, path);
    const summary = summarise(resources, inlineJsGzip, defaultBudget.forbiddenPaths);
    rows.push({ page: name, summary, resources: resources.map((r) => ({ ...r, url: r.url.replace(origin, '') })) });
    violations.push(...checkBudget(name, summary, defaultBudget));
  }
} finally {
  await browser.close();
  server.close();
}

console.log(`First-load weight of ${dir}, KiB gzipped (zlib level 9); budget per page: ${defaultBudget.maxTotalKiB} KiB total, ${defaultBudget.maxJsKiB} KiB JS, no /pagefind/\n`);
console.log(formatTable(rows));
// What "Save the book for offline reading" downloads (issue 5).
const offline = measureOfflineCopy(dir);
if (offline) console.log(`\n${formatOfflineCopy(offline)}`);
else violations.push({ page: base, message: `${dir} has no offline.json: the service worker step of the build did not run` });
const report = { dir, base, gzipLevel: 9, budget: defaultBudget, pages: rows, offline, violations };
if (values.json === '-') console.log(JSON.stringify(report, null, 2));
else {
  mkdirSync(dirname(resolve(values.json)), { recursive: true });
  writeFileSync(values.json, JSON.stringify(report, null, 2));
  console.log(`\nJSON report: ${values.json}`);
}
if (violations.length > 0) {
  console.error(`\nBudget exceeded:\n${violations.map((v) => `  - ${v.page}: ${v.message}`).join('\n')}`);
  process.exit(1);
}
console.log('\nAll pages within budget.');
