import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  cacheKey,
  cacheName,
  doneText,
  fileUrl,
  formatBytes,
  inPool,
  isCoreUrl,
  isOtherVersionCache,
  isPageUrl,
  offlineManifest,
  offlinePaths,
  revisionOf,
  savedText,
} from '../../../src/lib/offline.ts';

describe('cacheKey', () => {
  it('drops the query Pagefind adds to its entry file, so one cached copy answers every ?ts=', () => {
    const a = cacheKey('http://127.0.0.1:4321/pagefind/pagefind-entry.json?ts=1732370000000');
    const b = cacheKey('http://127.0.0.1:4321/pagefind/pagefind-entry.json?ts=1732379999999');
    expect(a).toBe('http://127.0.0.1:4321/pagefind/pagefind-entry.json');
    expect(b).toBe(a);
  });

  it('drops search highlights, assignment data and fragments from page URLs, under a base too', () => {
    expect(cacheKey('http://x.test/book/chapters/a/?highlight=petabytes#automation')).toBe('http://x.test/book/chapters/a/');
    expect(cacheKey(new URL('http://x.test/book/assignment/?a=eyJ0Ijo'))).toBe('http://x.test/book/assignment/');
    expect(cacheKey('http://x.test/book/')).toBe('http://x.test/book/');
  });
});

describe('cache names', () => {
  const root = 'http://x.test/';
  const book = 'http://x.test/book/';

  it('name one version at one scope', () => {
    expect(cacheName(root, 'abc')).not.toBe(cacheName(root, 'abd'));
    expect(cacheName(root, 'abc')).not.toBe(cacheName(book, 'abc'));
  });

  it("find the other versions at the same scope, never the current one or another scope's", () => {
    const current = cacheName(root, 'new');
    expect(isOtherVersionCache(cacheName(root, 'old'), root, current)).toBe(true);
    expect(isOtherVersionCache(current, root, current)).toBe(false);
    // The book under /book/ on the same origin keeps its caches.
    expect(isOtherVersionCache(cacheName(book, 'old'), root, current)).toBe(false);
    expect(isOtherVersionCache(cacheName(root, 'old'), book, cacheName(book, 'new'))).toBe(false);
    // Caches of other code on the origin are left alone.
    expect(isOtherVersionCache('workbox-precache-v2-http://x.test/', root, current)).toBe(false);
  });
});

describe('revisionOf', () => {
  it('is the start of the SHA-256 of the bytes, the same in Node and in the worker', async () => {
    const bytes = new TextEncoder().encode('<h1>Chapter 1</h1>');
    const expected = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
    expect(await revisionOf(bytes)).toBe(expected);
    expect(await revisionOf(bytes.buffer)).toBe(expected);
    expect(await revisionOf(new TextEncoder().encode('<h1>Chapter 2</h1>'))).not.toBe(expected);
  });
});

describe('fileUrl', () => {
  it('serves index.html files at their directory URL, relative to the base', () => {
    expect(fileUrl('index.html')).toBe('');
    expect(fileUrl('chapters/measuring-success/index.html')).toBe('chapters/measuring-success/');
    expect(fileUrl('chapters\\intro\\index.html')).toBe('chapters/intro/');
    expect(fileUrl('_astro/Base.x1.css')).toBe('_astro/Base.x1.css');
    expect(fileUrl('pagefind/pagefind-entry.json')).toBe('pagefind/pagefind-entry.json');
  });
});

describe('offlinePaths', () => {
  const built = [
    'index.html',
    '404.html',
    'sw.js',
    'robots.txt',
    'chapters/a/index.html',
    '_astro/Base.x1.css',
    '_astro/page.x2.js',
    '_astro/page.x2.js.map',
    '_astro/KaTeX_Main-Regular.B22Nviop.woff2',
    '_astro/KaTeX_Main-Regular.Dr94JaBh.woff',
    '_astro/KaTeX_Main-Regular.ypZvNtVU.ttf',
    '_astro/Only-Woff.abc.woff',
    'pagefind/pagefind.js',
    'pagefind/pagefind-worker.js',
    'pagefind/pagefind-highlight.js',
    'pagefind/pagefind-entry.json',
    'pagefind/pagefind-ui.js',
    'pagefind/pagefind-ui.css',
    'pagefind/pagefind-modular-ui.js',
    'pagefind/pagefind-component-ui.css',
    'pagefind/wasm.en.pagefind',
    'pagefind/wasm.unknown.pagefind',
    'pagefind/index/en_1.pf_index',
    'pagefind/fragment/en_2.pf_fragment',
    'pagefind/filter/en_3.pf_filter',
    'pagefind/pagefind.en_9a.pf_meta',
  ];

  it('keeps pages, assets, woff2 fonts and the whole search index', () => {
    expect(offlinePaths(built, ['en'])).toEqual([
      'index.html',
      'robots.txt',
      'chapters/a/index.html',
      '_astro/Base.x1.css',
      '_astro/page.x2.js',
      '_astro/KaTeX_Main-Regular.B22Nviop.woff2',
      '_astro/Only-Woff.abc.woff',
      'pagefind/pagefind.js',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind-highlight.js',
      'pagefind/pagefind-entry.json',
      'pagefind/wasm.en.pagefind',
      'pagefind/index/en_1.pf_index',
      'pagefind/fragment/en_2.pf_fragment',
      'pagefind/filter/en_3.pf_filter',
      'pagefind/pagefind.en_9a.pf_meta',
    ]);
  });

  it("keeps the WebAssembly of each language the index uses", () => {
    const wasm = (languages: string[]) => offlinePaths(built, languages).filter((p) => p.includes('wasm.'));
    expect(wasm(['unknown'])).toEqual(['pagefind/wasm.unknown.pagefind']);
    expect(wasm(['en', 'unknown'])).toEqual(['pagefind/wasm.en.pagefind', 'pagefind/wasm.unknown.pagefind']);
    expect(wasm([])).toEqual([]);
  });
});

describe('isCoreUrl', () => {
  it.each(['', 'offline/', 'offline.json', 'manifest.webmanifest', 'favicon.svg', 'icons/icon-192.png', '_astro/Base.x1.css', '_astro/page.x2.js'])(
    'puts %s in the app shell',
    (url) => expect(isCoreUrl(url)).toBe(true),
  );

  it.each(['chapters/a/', 'glossary/', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/fragment/en_2.pf_fragment', 'robots.txt', '_astro/x/deep.js', '_astro/KaTeX_Main-Regular.B22Nviop.woff2'])(
    'leaves %s to reading or saving',
    (url) => expect(isCoreUrl(url)).toBe(false),
  );
});

describe('offlineManifest', () => {
  it('sorts the files and counts bytes and pages (not the offline page)', () => {
    const manifest = offlineManifest([
      { url: 'offline/', revision: 'r1', size: 10 },
      { url: 'chapters/a/', revision: 'r2', size: 300 },
      { url: '_astro/a.css', revision: 'r3', size: 40 },
      { url: '', revision: 'r4', size: 50 },
    ]);
    expect(manifest.files.map((f) => f.url)).toEqual(['', '_astro/a.css', 'chapters/a/', 'offline/']);
    expect(manifest.bytes).toBe(400);
    expect(manifest.pages).toBe(2);
  });

  it('knows pages by their directory URL', () => {
    expect(isPageUrl('')).toBe(true);
    expect(isPageUrl('glossary/')).toBe(true);
    expect(isPageUrl('offline/')).toBe(false);
    expect(isPageUrl('offline.json')).toBe(false);
  });
});

describe('formatBytes and the messages', () => {
  it.each([
    [0, '0 bytes'],
    [999, '999 bytes'],
    [1000, '1 kB'],
    [420_499, '420 kB'],
    [999_499, '999 kB'],
    [999_950, '1.0 MB'],
    [4_012_345, '4.0 MB'],
    [12_345_678, '12.3 MB'],
  ])('%i bytes read as %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it('say how much was saved and that the book is ready', () => {
    expect(doneText({ bytes: 4_012_345, pages: 17 })).toBe(
      'Saved 4.0 MB: 17 pages with their formulas and diagrams, and the search index. The book is ready to read offline.',
    );
    expect(savedText({ bytes: 4_012_345, pages: 1 })).toBe('The book is saved for offline reading (4.0 MB, 1 page, with search).');
  });
});

describe('inPool', () => {
  it('runs every task, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inPool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5 * (n % 3)));
      done.push(n);
      running--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('stops starting tasks after a failure and throws it', async () => {
    const started: number[] = [];
    const run = inPool([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await new Promise((r) => setTimeout(r, 1));
      if (n === 2) throw new Error('changed');
    });
    await expect(run).rejects.toThrow('changed');
    expect(started.length).toBeLessThan(6);
  });

  it('does nothing for no items', async () => {
    await expect(inPool([], 4, async () => Promise.reject(new Error('never')))).resolves.toBeUndefined();
  });
});
