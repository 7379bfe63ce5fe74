/**
 * The offline build step on a tiny built site: what offline.json lists, what the worker's app shell
 * holds, and that the worker is written only after the Pagefind index.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeServiceWorker } from '../../../src/integrations/service-worker.ts';
import { revisionOf, type OfflineManifest } from '../../../src/lib/offline.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'book-sw-site-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const built = {
  'index.html': '<h1>Home</h1>',
  'offline/index.html': '<h1>You are offline</h1>',
  'chapters/a/index.html': '<h1>Chapter A</h1>',
  '404.html': '<h1>Not found</h1>',
  'manifest.webmanifest': '{}',
  'favicon.svg': '<svg/>',
  '_astro/Base.x1.css': 'body{}',
  '_astro/KaTeX_Main-Regular.a.woff2': 'w2',
  '_astro/KaTeX_Main-Regular.b.woff': 'w1',
  'pagefind/pagefind.js': 'export {}',
  'pagefind/pagefind-entry.json': '{"languages":{"en":{"hash":"en_1","wasm":"en","page_count":1}}}',
  'pagefind/wasm.en.pagefind': 'wasm',
  'pagefind/wasm.unknown.pagefind': 'wasm?',
  'pagefind/fragment/en_2.pf_fragment': 'f',
};

describe('writeServiceWorker', () => {
  it('lists every offline file with its revision and size, relative to the base', async () => {
    const dir = site(built);
    const result = await writeServiceWorker(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'offline.json'), 'utf8')) as OfflineManifest;
    expect(manifest).toEqual(result.manifest);
    expect(manifest.files.map((f) => f.url)).toEqual([
      '',
      '_astro/Base.x1.css',
      '_astro/KaTeX_Main-Regular.a.woff2',
      'chapters/a/',
      'favicon.svg',
      'manifest.webmanifest',
      'offline-save.js',
      'offline/',
      'pagefind/fragment/en_2.pf_fragment',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind.js',
      'pagefind/wasm.en.pagefind',
    ]);
    const chapter = manifest.files.find((f) => f.url === 'chapters/a/')!;
    expect(chapter).toEqual({ url: 'chapters/a/', revision: await revisionOf(new TextEncoder().encode('<h1>Chapter A</h1>')), size: 18 });
    expect(manifest.pages).toBe(2);
    expect(manifest.bytes).toBe(manifest.files.reduce((sum, f) => sum + f.size, 0));
  });

  it('injects the app shell, offline.json included, into sw.js; its revision is the version', async () => {
    const dir = site(built);
    const result = await writeServiceWorker(dir);
    const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
    expect(worker).not.toContain('self.__WB_MANIFEST');
    // Fonts are cut per page, so they come with the page that uses them, not with the shell.
    expect(result.shell.map((f) => f.url).sort()).toEqual([
      '',
      '_astro/Base.x1.css',
      'favicon.svg',
      'manifest.webmanifest',
      'offline-save.js',
      'offline.json',
      'offline/',
    ]);
    expect(result.version).toBe(await revisionOf(readFileSync(join(dir, 'offline.json'))));
    expect(worker).toContain(`{"revision":"${result.version}","url":"offline.json"}`);
    expect(worker).not.toContain('chapters/a/');
  });

  it('builds the saving code next to the worker, as a module the page imports on demand', async () => {
    const dir = site(built);
    await writeServiceWorker(dir);
    const module = readFileSync(join(dir, 'offline-save.js'), 'utf8');
    expect(module).toMatch(/export\s*\{[^}]*\bsave\b/);
    expect(module).toContain('SAVE_ALL');
  });

  it('makes a new version when any file changes, and the same one when none does', async () => {
    const first = await writeServiceWorker(site(built));
    expect((await writeServiceWorker(site(built))).version).toBe(first.version);
    const changed = await writeServiceWorker(site({ ...built, 'pagefind/fragment/en_2.pf_fragment': 'g' }));
    expect(changed.version).not.toBe(first.version);
  });

  it('fails, saying why, when the Pagefind index is not written yet', async () => {
    const { 'pagefind/pagefind-entry.json': _entry, ...withoutIndex } = built;
    await expect(writeServiceWorker(site(withoutIndex))).rejects.toThrow(/after the Pagefind index .*after pagefind\(\)/);
  });
});
