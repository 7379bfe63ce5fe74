/**
 * Lighthouse 13 audits of the built site: the home page and a chapter page.
 *
 *   node tests/bench/lighthouse.ts [DIR=dist] [--base /] [--out dist-reports] [--chapters all|first] [--runs 3]
 *
 * Audits the home page and every chapter (`--chapters first`: only the first one, quicker).
 * Lighthouse's performance score varies from run to run on the same page (its own docs advise the
 * median of several runs), so each page is audited `--runs` times and the run with the median
 * performance score is reported; every run's score is printed next to it.
 * Serves DIR with tests/serve.ts (which gzips text responses, as a production host does) and runs
 * the Lighthouse CLI (its default mobile preset: emulated
 * phone, simulated slow 4G and 4x CPU slowdown) in headless Chromium, found with findChromium()
 * and started with chromiumArgs (CHROME_PATH is set for Lighthouse's launcher). Prints the four
 * category scores per page and, for each category under 100, the audits that did not pass.
 * Saves each full JSON report as `<out>/lighthouse-<page>.json`. Exits 1 if any
 * score is under 100.
 *
 * Lighthouse 13 has no PWA category any more, so installability (issue 5) is asked of Chromium
 * itself, as DevTools shows it: a fresh non-incognito profile opens the home page, waits for the
 * service worker, and reads the manifest's errors and the installability errors. Exits 1 on any.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { chromiumArgs, findChromium } from '../../src/plugins/mermaid/chromium.ts';
import { serve } from '../serve.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string', default: '/' },
    out: { type: 'string', default: 'dist-reports' },
    chapters: { type: 'string', default: 'all' },
    runs: { type: 'string', default: '3' },
  },
});
const dir = resolve(positionals[0] ?? 'dist');
const base = values.base;
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const cli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');

const chromePath = findChromium();
if (!chromePath) throw new Error('No Chromium found: set CHROME_PATH');
const chapters = existsSync(join(dir, 'chapters')) ? readdirSync(join(dir, 'chapters')).sort() : [];
const pages: [string, string][] = [['home', '']];
if (!['all', 'first'].includes(values.chapters)) throw new Error(`--chapters must be "all" or "first", not "${values.chapters}"`);
for (const slug of values.chapters === 'all' ? chapters : chapters.slice(0, 1)) pages.push([`chapter-${slug}`, `chapters/${slug}/`]);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not "${values.runs}"`);
mkdirSync(values.out, { recursive: true });

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  details?: { items?: unknown[] };
}
interface Report {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
  runtimeError?: { message: string };
}

function runLighthouse(url: string, output: string): Promise<void> {
  const args = [
    cli, url, '--output=json', `--output-path=${output}`, '--quiet',
    `--only-categories=${categories.join(',')}`,
    `--chrome-flags=--headless ${chromiumArgs.join(' ')}`,
  ];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: chromePath }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`Lighthouse exited with ${code} for ${url}`))));
  });
}

/** What keeps the page from being installed, as Chromium says it (empty when it can be installed). */
async function installability(url: string): Promise<string[]> {
  const profile = mkdtempSync(join(tmpdir(), 'book-install-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromePath, args: chromiumArgs });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    return [
      ...manifest.errors.map((e) => `manifest: ${e.message}`),
      ...installabilityErrors.map((e) => [e.errorId, ...e.errorArguments.map((a) => `${a.name}=${a.value}`)].join(' ')),
    ];
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const server = await serve({ dir, port: 0, base });
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
let failed = false;
const summary: Record<string, Record<string, number | null>> = {};
try {
  for (const [name, path] of pages) {
    const url = `${origin}${base}${path}`;
    const output = join(values.out, `lighthouse-${name}.json`);
    const reports: { report: Report; text: string }[] = [];
    for (let run = 0; run < runs; run++) {
      await runLighthouse(url, output);
      const text = readFileSync(output, 'utf8');
      const report = JSON.parse(text) as Report;
      if (report.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${report.runtimeError.message}`);
      reports.push({ report, text });
    }
    const performanceOf = (r: Report) => r.categories.performance?.score ?? 0;
    const ranked = [...reports].sort((a, b) => performanceOf(a.report) - performanceOf(b.report));
    const { report, text } = ranked[Math.floor((ranked.length - 1) / 2)]!;
    writeFileSync(output, text);
    summary[name] = {};
    console.log(`\n${name} (${base}${path})`);
    for (const id of categories) {
      const category = report.categories[id]!;
      const score = category.score === null ? null : Math.round(category.score * 100);
      summary[name]![id] = score;
      const all = id === 'performance' && runs > 1 ? `   (median of ${runs} runs: ${reports.map((r) => Math.round(performanceOf(r.report) * 100)).join(', ')})` : '';
      console.log(`  ${id.padEnd(15)} ${score ?? 'n/a'}${all}`);
      if (score === 100) continue;
      failed = true;
      for (const ref of category.auditRefs) {
        const audit = report.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 1 || ['notApplicable', 'informative', 'manual'].includes(audit.scoreDisplayMode)) continue;
        const items = audit.details?.items?.length;
        console.log(`      - ${audit.id} (score ${audit.score}, weight ${ref.weight}): ${audit.title}${audit.displayValue ? ` [${audit.displayValue}]` : ''}${items ? ` (${items} item(s))` : ''}`);
      }
    }
  }
  const blockers = await installability(`${origin}${base}`);
  console.log(`\ninstallable (Chromium)  ${blockers.length === 0 ? 'yes' : `no: ${blockers.join('; ')}`}`);
  if (blockers.length > 0) failed = true;
} finally {
  server.close();
}
console.log(`\nFull reports in ${values.out}/lighthouse-*.json`);
if (failed) {
  console.error('FAIL: a Lighthouse category scored under 100');
  process.exit(1);
}
console.log('PASS: every category scored 100');
