/**
 * Runs `astro build` on a fixture book in a child process and returns its exit code and output.
 *
 * Why a throwaway project root: Astro keeps per-build state under the project root (the content
 * store in `node_modules/.astro/`, the content module map in `.astro/`). Two builds of different
 * content folders from the same root overwrite each other's state (seen here: one fixture's build
 * reported another fixture's error), and would also race with a developer's `npm run build`.
 * So each build gets its own root: copies of `src/`, `public/` and the config files, and a
 * `node_modules/` made of symlinks to the real packages (without the cache folders).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const fixturesDir = join(projectRoot, 'tests', 'fixtures');

const copied = ['src', 'public', 'astro.config.ts', 'tsconfig.json', 'package.json'];
/** Per-project caches that must not be shared between concurrent builds. */
const notShared = new Set(['.astro', '.cache', '.vite', '.vite-temp', '.vitest-cache']);

export interface BuildResult {
  /** Exit code; null when the build was killed. */
  code: number | null;
  /** stdout and stderr interleaved, without colour codes. */
  output: string;
  outDir: string;
  /** Remove the temporary root, output and cache. */
  cleanup: () => void;
}

function makeRoot(dir: string): string {
  const root = join(dir, 'root');
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  for (const name of copied) {
    const from = join(projectRoot, name);
    if (existsSync(from)) cpSync(from, join(root, name), { recursive: true });
  }
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (!notShared.has(name)) symlinkSync(join(projectRoot, 'node_modules', name), join(root, 'node_modules', name));
  }
  return root;
}

/** The Node that npm scripts use (Astro 7 needs Node 22+; the system one may be older). */
function nodeBinary(): string {
  const local = join(projectRoot, 'node_modules', '.bin', 'node');
  return existsSync(local) ? local : process.execPath;
}

const stripAnsi = (text: string): string => text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

export function buildFixture(fixture: string, options: { base?: string; timeoutMs?: number; contentDir?: string } = {}): Promise<BuildResult> {
  const dir = mkdtempSync(join(tmpdir(), `book-build-${fixture.replace(/[^\w-]/g, '_')}-`));
  const root = makeRoot(dir);
  const outDir = join(dir, 'dist');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BOOK_CONTENT_DIR: options.contentDir ?? join(fixturesDir, fixture),
    BOOK_OUT_DIR: outDir,
    BOOK_MERMAID_CACHE: join(dir, 'mermaid-cache'),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  delete env.BOOK_BASE;
  if (options.base) env.BOOK_BASE = options.base;
  const cleanup = () => rmSync(dir, { recursive: true, force: true });

  return new Promise((resolvePromise, reject) => {
    const child = spawn(nodeBinary(), [join(root, 'node_modules', '.bin', 'astro'), 'build'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      cleanup();
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output: stripAnsi(output), outDir, cleanup });
    });
  });
}

/** Runs async jobs with at most `limit` at a time (two builds fit the 2-core machines). */
export function limiter(limit: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    // A finishing job hands its slot straight to the next waiter, so `running` never exceeds `limit`.
    if (running >= limit) await new Promise<void>((wake) => queue.push(wake));
    else running += 1;
    try {
      return await job();
    } finally {
      const next = queue.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
