/**
 * Build-time benchmark: how `astro build` scales with the number of chapters.
 *
 *   node tests/bench/build-bench.ts [--sizes 50,100,200] [--json dist-reports/build-bench.json] [--keep]
 *
 * For each size N it generates a book of N chapters (tests/bench/generate-book.ts: ~6,000 words,
 * 4 formulas and 2 unique Mermaid diagrams each) and builds it twice:
 *   - COLD: BOOK_MERMAID_CACHE is a fresh empty folder and Astro's own cache is empty,
 *   - WARM: the same build again with both caches kept.
 * Builds run in a sandbox copy of the project (src/, public/, astro.config.ts, with node_modules
 * linked entry by entry) so their .astro/ and node_modules/.astro/ never collide with builds or dev
 * servers running in the working tree at the same time. BOOK_OUT_DIR points to a temp folder.
 *
 * Reports wall time, seconds per chapter, the phases seen in Astro's log (sync, bundle = MDX compile
 * including Mermaid, page generation, Pagefind), diagrams rendered, and output size. Targets for
 * 200 chapters: cold < 90 s, warm < 50 s; exits 1 if one fails. Time per chapter should stay
 * roughly constant as N grows: the marginal cost per chapter between sizes is printed to check it.
 */
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateBook } from './generate-book.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '50,100,200' },
    json: { type: 'string', default: 'dist-reports/build-bench.json' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number).sort((a, b) => a - b);
const targets = { size: 200, coldSeconds: 90, warmSeconds: 50 };
const project = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'book-bench-'));

/** A copy of the project whose node_modules links every package but keeps its own caches. */
function makeSandbox(): string {
  const root = join(work, 'project');
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  for (const entry of ['src', 'public', 'astro.config.ts', 'tsconfig.json', 'package.json']) cpSync(join(project, entry), join(root, entry), { recursive: true });
  for (const entry of readdirSync(join(project, 'node_modules'))) {
    if (!['.astro', '.vite', '.cache'].includes(entry)) symlinkSync(join(project, 'node_modules', entry), join(root, 'node_modules', entry));
  }
  return root;
}

function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      bytes += statSync(join(entry.parentPath, entry.name)).size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** Log lines that mark the start of a phase, in the order Astro prints them. */
const markers: [string, RegExp][] = [
  ['bundle', /Building static entrypoints/],
  ['pages', /generating static routes/],
  ['pagefind', /\[build\] ✓ Completed in/],
  ['done', /\[book:pagefind\] indexed/],
];

interface BuildResult {
  size: number;
  kind: 'cold' | 'warm';
  seconds: number;
  perChapter: number;
  phases: { setup: number; bundle: number; pages: number; pagefind: number; exit: number };
  diagramsRendered: number;
  outBytes: number;
  outFiles: number;
  /** 1-minute load average before and after the build: other work on the machine skews timings. */
  load: [number, number];
}

async function build(root: string, size: number, kind: 'cold' | 'warm', content: string, cache: string): Promise<BuildResult> {
  const out = join(work, `out-${size}-${kind}`);
  const log = join(work, `build-${size}-${kind}.log`);
  const cachedBefore = readdirSync(cache).length;
  const env = { ...process.env, BOOK_CONTENT_DIR: content, BOOK_OUT_DIR: out, BOOK_MERMAID_CACHE: cache, NO_COLOR: '1', FORCE_COLOR: '0' };
  const loadBefore = loadavg()[0]!;
  const started = performance.now();
  const seen: Record<string, number> = {};
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, env });
    const file = createWriteStream(log);
    let buffer = '';
    const onData = (chunk: Buffer) => {
      file.write(chunk);
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      const now = (performance.now() - started) / 1000;
      for (const raw of lines) {
        const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
        for (const [name, re] of markers) if (!(name in seen) && re.test(line) && (name !== 'pagefind' || 'pages' in seen)) seen[name] = now;
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (status) => file.end(() => done(status)));
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    const tail = readFileSync(log, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`${kind} build of ${size} chapters failed (exit ${code}). End of its log:\n${tail}`);
  }
  const at = (name: string, fallback: number) => seen[name] ?? fallback;
  const phases = {
    setup: at('bundle', 0),
    bundle: at('pages', seconds) - at('bundle', 0),
    pages: at('pagefind', seconds) - at('pages', seconds),
    pagefind: at('done', seconds) - at('pagefind', seconds),
    exit: seconds - at('done', seconds),
  };
  const { bytes, files } = folderSize(out);
  if (!values.keep) rmSync(out, { recursive: true, force: true });
  return { size, kind, seconds, perChapter: seconds / size, phases, diagramsRendered: readdirSync(cache).length - cachedBefore, outBytes: bytes, outFiles: files, load: [loadBefore, loadavg()[0]!] };
}

const results: BuildResult[] = [];
const root = makeSandbox();
console.log(`Working in ${work}`);
try {
  // An unreported 1-chapter build first, so the first measured build does not pay for a cold disk cache.
  generateBook(join(work, 'book-warmup'), 1);
  mkdirSync(join(work, 'mermaid-cache-warmup'));
  process.stdout.write('warm-up build (not reported)... ');
  console.log(`${(await build(root, 1, 'cold', join(work, 'book-warmup'), join(work, 'mermaid-cache-warmup'))).seconds.toFixed(1)} s`);
  for (const size of sizes) {
    const content = join(work, `book-${size}`);
    generateBook(content, size);
    const cache = join(work, `mermaid-cache-${size}`);
    mkdirSync(cache);
    for (const stale of ['.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(root, stale), { recursive: true, force: true });
    for (const kind of ['cold', 'warm'] as const) {
      process.stdout.write(`building ${size} chapters (${kind})... `);
      const result = await build(root, size, kind, content, cache);
      console.log(`${result.seconds.toFixed(1)} s`);
      results.push(result);
    }
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

const f1 = (n: number) => n.toFixed(1);
const head = ['chapters', 'build', 'wall s', 's/chapter', 'setup', 'bundle', 'pages', 'pagefind', 'diagrams', 'output MB', 'files', 'load'];
const rows = results.map((r) => [
  String(r.size), r.kind, f1(r.seconds), r.perChapter.toFixed(3), f1(r.phases.setup), f1(r.phases.bundle), f1(r.phases.pages), f1(r.phases.pagefind),
  String(r.diagramsRendered), (r.outBytes / 1e6).toFixed(1), String(r.outFiles), `${f1(r.load[0])}-${f1(r.load[1])}`,
]);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
console.log(`(phases in seconds from Astro's log; bundle = MDX compile incl. Mermaid rendering; diagrams = diagrams added to the cache (one file each, both themes);\n load = 1-minute load average before-after on ${availableParallelism()} cores: above the core count, other work slowed the build)`);

// Linear growth: the marginal seconds per added chapter between consecutive sizes.
const linearity: { kind: string; from: number; to: number; secondsPerAddedChapter: number }[] = [];
for (const kind of ['cold', 'warm']) {
  const runs = results.filter((r) => r.kind === kind);
  for (let i = 1; i < runs.length; i++) {
    const a = runs[i - 1]!;
    const b = runs[i]!;
    linearity.push({ kind, from: a.size, to: b.size, secondsPerAddedChapter: (b.seconds - a.seconds) / (b.size - a.size) });
  }
}
if (linearity.length > 0) {
  console.log('\nMarginal cost per added chapter (constant = linear growth):');
  for (const l of linearity) console.log(`  ${l.kind} ${l.from} -> ${l.to}: ${l.secondsPerAddedChapter.toFixed(3)} s/chapter`);
}

const checks: { name: string; seconds: number; limit: number; pass: boolean }[] = [];
for (const r of results.filter((r) => r.size === targets.size)) {
  const limit = r.kind === 'cold' ? targets.coldSeconds : targets.warmSeconds;
  checks.push({ name: `${r.size} chapters ${r.kind} < ${limit} s`, seconds: r.seconds, limit, pass: r.seconds < limit });
}
if (checks.length > 0) console.log('');
for (const c of checks) console.log(`${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${f1(c.seconds)} s`);

mkdirSync(dirname(resolve(values.json)), { recursive: true });
writeFileSync(values.json, JSON.stringify({ sizes, targets, results, linearity, checks }, null, 2));
console.log(`\nJSON report: ${values.json}`);
if (checks.some((c) => !c.pass)) process.exit(1);
