/**
 * Search latency: time from typing a query to the first result on screen, in a real browser.
 *
 *   node tests/bench/search-latency.ts [DIR=dist] [--base /] [--queries a,b,c] [--json dist-reports/search-latency.json]
 *
 * Serves DIR with tests/serve.ts, opens the first chapter in headless Chromium, clicks
 * `.search-button`, and waits until the status stops saying "Loading…" (the index is ready).
 * Then for each query (default: 12 distinctive long words taken from the chapter's own text),
 * Playwright fills `#search-input`; in the page, a capture-phase `input` listener notes
 * performance.now() and a MutationObserver on `.search-results` notes when the first result
 * <li> appears. Latency = the difference, measured in-page. The list is cleared between queries.
 *
 * Also reports the bytes the search loads on open (result code, pagefind.js, WASM, index, filters,
 * meta) and while querying (index chunks, fragments). Target: median <= 150 ms, else exit 1.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumArgs, findChromium } from '../../src/plugins/mermaid/chromium.ts';
import { serve } from '../serve.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string', default: '/' },
    queries: { type: 'string' },
    json: { type: 'string', default: 'dist-reports/search-latency.json' },
  },
});
const dir = resolve(positionals[0] ?? 'dist');
const base = values.base;
const targetMs = 150;

const chapters = existsSync(join(dir, 'chapters')) ? readdirSync(join(dir, 'chapters')).sort() : [];
if (chapters.length === 0) throw new Error(`${dir} has no chapters/: build the site first`);

/** Which part of the search a URL belongs to, for the byte count. */
function kind(path: string): string | undefined {
  if (path.includes('/pagefind/')) {
    if (path.endsWith('.js')) return 'pagefind js';
    if (path.includes('wasm')) return 'wasm';
    if (path.endsWith('.pf_index')) return 'index chunks';
    if (path.endsWith('.pf_fragment')) return 'fragments';
    if (path.endsWith('.pf_filter')) return 'filters';
    if (path.endsWith('.pf_meta') || path.endsWith('.json')) return 'meta';
    return 'other pagefind';
  }
  if (/\/_astro\/.*\.js$/.test(path)) return 'result code';
  return undefined;
}

type Bytes = Record<string, { raw: number; gzip: number; requests: number }>;
const loaded: { open: Bytes; queries: Bytes } = { open: {}, queries: {} };
let phase: 'page' | 'open' | 'queries' = 'page';

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH');
const server = await serve({ dir, port: 0, base });
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
const latencies: { query: string; ms: number; results: number }[] = [];
let readyMs = 0;
try {
  const page = await (await browser.newContext()).newPage();
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    const k = kind(path);
    const when = phase;
    if (when === 'page' || !k) return;
    const body = await response.body().catch(() => undefined);
    if (!body) return;
    const bucket = (loaded[when][k] ??= { raw: 0, gzip: 0, requests: 0 });
    bucket.raw += body.length;
    bucket.gzip += Math.min(body.length, gzipSync(body, { level: 9 }).length);
    bucket.requests += 1;
  });
  await page.goto(`${origin}${base}chapters/${chapters[0]}/`, { waitUntil: 'networkidle' });
  const queries = values.queries?.split(',') ?? (await page.evaluate(() => {
    const text = (document.querySelector('[data-pagefind-body]') as HTMLElement | null)?.innerText ?? document.body.innerText;
    const words = [...new Set(text.toLowerCase().match(/\b[a-z]{8,}\b/g) ?? [])];
    const step = Math.max(1, Math.floor(words.length / 12));
    return words.filter((_, i) => i % step === 0).slice(0, 12);
  }));

  await page.evaluate(() => {
    const w = window as unknown as { lastInput: number; firstResult: number };
    document.addEventListener('input', () => { w.lastInput = performance.now(); w.firstResult = 0; }, true);
    const list = document.querySelector('.search-results')!;
    new MutationObserver(() => {
      if (!w.firstResult && list.querySelector('li')) w.firstResult = performance.now();
    }).observe(list, { childList: true, subtree: true });
  });

  phase = 'open';
  const openedAt = Date.now();
  await page.click('.search-button');
  await page.waitForFunction(() => {
    const status = document.querySelector('#search-status')?.textContent ?? '';
    return status !== '' && !status.startsWith('Loading');
  });
  readyMs = Date.now() - openedAt;
  await page.waitForLoadState('networkidle');
  phase = 'queries';

  for (const query of queries) {
    await page.fill('#search-input', '');
    await page.waitForFunction(() => document.querySelectorAll('.search-results li').length === 0);
    await page.fill('#search-input', query);
    const handle = await page.waitForFunction(
      () => {
        const w = window as unknown as { lastInput: number; firstResult: number };
        const status = document.querySelector('#search-status')?.textContent ?? '';
        if (w.firstResult) return w.firstResult - w.lastInput;
        return status.startsWith('No results') ? -1 : false;
      },
      undefined,
      { timeout: 10_000 },
    );
    const ms = (await handle.jsonValue()) as number;
    const results = await page.locator('.search-results > li').count();
    latencies.push({ query, ms, results });
  }
} finally {
  await browser.close();
  server.close();
}

const found = latencies.filter((l) => l.ms >= 0).map((l) => l.ms).sort((a, b) => a - b);
const median = found.length ? (found[Math.floor((found.length - 1) / 2)]! + found[Math.ceil((found.length - 1) / 2)]!) / 2 : NaN;
const max = found.at(-1) ?? NaN;

console.log(`Search latency on ${dir} (first chapter, headless Chromium)\n`);
for (const l of latencies) console.log(`  ${l.query.padEnd(24)} ${l.ms < 0 ? 'no results' : `${l.ms.toFixed(1).padStart(7)} ms  ${l.results} result(s)`}`);
console.log(`\nindex ready ${readyMs} ms after the click; queries with results: ${found.length}/${latencies.length}`);
console.log(`median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms (target: median <= ${targetMs} ms)`);
for (const [name, bytes] of Object.entries(loaded)) {
  const total = Object.values(bytes).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  console.log(`\nloaded ${name === 'open' ? 'on opening the search' : 'while querying'}: ${(total.raw / 1024).toFixed(1)} KiB raw, ${(total.gzip / 1024).toFixed(1)} KiB gzipped`);
  for (const [k, b] of Object.entries(bytes)) console.log(`  ${k.padEnd(14)} ${String(b.requests).padStart(3)} req  ${(b.raw / 1024).toFixed(1).padStart(7)} KiB raw  ${(b.gzip / 1024).toFixed(1).padStart(7)} KiB gzip`);
}

mkdirSync(dirname(resolve(values.json)), { recursive: true });
writeFileSync(values.json, JSON.stringify({ dir, targetMs, readyMs, median, max, latencies, loaded }, null, 2));
console.log(`\nJSON report: ${values.json}`);
if (found.length < 10) {
  console.error(`Only ${found.length} queries returned results; at least 10 are needed (pass --queries).`);
  process.exit(1);
}
if (!(median <= targetMs)) {
  console.error(`FAIL: median ${median.toFixed(1)} ms exceeds ${targetMs} ms`);
  process.exit(1);
}
console.log('PASS');
