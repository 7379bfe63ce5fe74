/**
 * The offline copy of the book (issue 5): the rules shared by the build, which lists a build's files
 * in `offline.json` and writes the service worker (src/integrations/service-worker.ts), the service
 * worker itself (src/sw/service-worker.ts) and the pages that talk to it. Pure and browser-safe: no
 * Node imports, because the service worker bundles this file.
 *
 * URLs in `offline.json` and in the service worker's list are relative to the base (`chapters/x/`,
 * `` for the home page): the worker resolves them against its scope, so one build works at `/` and
 * under `/book/` without knowing which.
 *
 * Versions: every file is listed with a revision, the SHA-256 of its bytes. The version of a build
 * is the revision of its `offline.json`, so changing any file makes a new version and rebuilding
 * the same book does not. Each version keeps its files in its own cache (`cacheName`); the worker
 * of a version only stores responses whose bytes match its list, so a cache never holds files of
 * two versions.
 */

/** One file of the offline copy. */
export interface OfflineFile {
  /** Relative to the base: `chapters/x/` for `chapters/x/index.html`, `` for the home page. */
  url: string;
  /** `revisionOf` the file's bytes. */
  revision: string;
  /** Bytes on disk (what the cache stores). */
  size: number;
}

/** `offline.json`, written next to the service worker. */
export interface OfflineManifest {
  files: OfflineFile[];
  /** Sum of the files' sizes. */
  bytes: number;
  /** How many of the files are pages a reader opens (`countPages`). */
  pages: number;
}

/** What the service worker stores once the whole book is saved, and the page reads back. */
export interface SavedSummary {
  bytes: number;
  files: number;
  pages: number;
  /** ISO date of the save. */
  savedAt: string;
  /**
   * `savedText`, which the save control shows on later visits: written by the worker so that the
   * script on every page needs no formatting code.
   */
  note: string;
}

/** Messages from the service worker to the page that asked it to save the book (`SAVE_ALL`). */
export type SaveMessage =
  | { type: 'progress'; bytes: number; totalBytes: number; files: number; totalFiles: number }
  | ({ type: 'done' } & SavedSummary)
  | { type: 'error'; reason: SaveError };

/** Why a save stopped: no network, the server has a newer version, or the browser's storage is full. */
export type SaveError = 'offline' | 'changed' | 'quota';

export const SW_FILE = 'sw.js';
export const MANIFEST_FILE = 'offline.json';
/** src/scripts/offline-save.ts, built next to the worker (see src/integrations/service-worker.ts). */
export const SAVE_MODULE = 'offline-save.js';
export const OFFLINE_PAGE = 'offline/';
/** Not a file of the site: the service worker writes it into its cache when the whole book is saved. */
export const SAVED_FILE = '__offline/saved.json';

/** Change when the way the worker stores responses changes, so a new worker does not reuse old entries. */
const CACHE_FORMAT = 1;
const CACHE_PREFIX = 'book-offline';

/** The hex SHA-256 of `bytes`, shortened: plenty to tell two versions of a file apart. */
export async function revisionOf(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.subarray(0, 10), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The cache of one version of the book at one scope. The scope is part of the name because the
 * Cache API is shared by the whole origin: a book at `/` and another at `/book/` must not delete
 * each other's caches.
 */
export const cacheName = (scope: string, version: string): string => `${CACHE_PREFIX} ${scope} ${CACHE_FORMAT}.${version}`;

/** True for a cache of another version (or format) of the book at `scope`: the worker deletes those. */
export const isOtherVersionCache = (name: string, scope: string, current: string): boolean =>
  name.startsWith(`${CACHE_PREFIX} ${scope} `) && name !== current;

/**
 * The key a request is cached under: its URL without query and fragment. A static site's files never
 * depend on the query, and readers' URLs carry one: Pagefind fetches `pagefind-entry.json?ts=<time>`
 * to get past HTTP caches, search results link to `?highlight=word`, assignment links carry the
 * assignment.
 */
export function cacheKey(url: string | URL): string {
  const u = new URL(url);
  return u.origin + u.pathname;
}

/** The URL, relative to the base, at which a built file (a path in dist/) is served. */
export function fileUrl(path: string): string {
  const clean = path.replace(/\\/g, '/').replace(/^\/+/, '');
  if (clean === 'index.html') return '';
  return clean.endsWith('/index.html') ? clean.slice(0, -'index.html'.length) : clean;
}

const PAGEFIND_UI = /^pagefind\/pagefind-(?:component-|modular-)?ui\.(?:js|css)$/;
const WASM = /^pagefind\/wasm\.([^./]+)\.pagefind$/;
const OLD_FONT = /\.(?:woff|ttf)$/;
/** `_astro/KaTeX_Main-Regular.B22Nviop.woff2` -> `_astro/KaTeX_Main-Regular`. */
const fontFamilyOf = (path: string): string => path.replace(/\.[^/]*$/, '');

/**
 * The built files (paths in dist/) that make up the offline copy. Left out: the service worker
 * itself, source maps, the 404 page (offline, unknown pages get the offline page), Pagefind's own
 * UI bundles (the book has its own search UI), Pagefind's WebAssembly for languages the index does
 * not use (`wasmLanguages`, from `pagefind-entry.json`), and `.woff`/`.ttf` fonts that have a
 * `.woff2` twin (every browser with service workers reads woff2, which KaTeX's CSS lists first).
 */
export function offlinePaths(paths: readonly string[], wasmLanguages: readonly string[]): string[] {
  const clean = paths.map((p) => p.replace(/\\/g, '/'));
  const woff2 = new Set(clean.filter((p) => p.endsWith('.woff2')).map(fontFamilyOf));
  return clean.filter((p) => {
    if (p === SW_FILE || p.endsWith('.map') || p === '404.html' || PAGEFIND_UI.test(p)) return false;
    const wasm = WASM.exec(p);
    if (wasm) return wasmLanguages.includes(wasm[1]!);
    return !(OLD_FONT.test(p) && woff2.has(fontFamilyOf(p)));
  });
}

/**
 * The app shell, installed on the first visit: the home page, the offline page, the list of files
 * and the saving code, the web app manifest and icons, and every stylesheet and script. Pages, the
 * fonts cut for each page (src/integrations/katex-assets.ts: a page's fonts are its own, so the
 * shell would carry every chapter's) and the search index are cached when read, or all at once by
 * "Save the book for offline reading".
 */
export function isCoreUrl(url: string): boolean {
  return (
    ['', OFFLINE_PAGE, MANIFEST_FILE, SAVE_MODULE, 'manifest.webmanifest', 'favicon.svg'].includes(url) ||
    /^icons\/[^/]+\.png$/.test(url) ||
    /^_astro\/[^/]+\.(?:css|js)$/.test(url)
  );
}

/** True for a page a reader opens (a directory URL), not counting the offline page. */
export const isPageUrl = (url: string): boolean => (url === '' || url.endsWith('/')) && url !== OFFLINE_PAGE;

/** The manifest of a list of files: their total size and how many are pages. */
export function offlineManifest(files: OfflineFile[]): OfflineManifest {
  const sorted = [...files].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { files: sorted, bytes: sorted.reduce((sum, f) => sum + f.size, 0), pages: sorted.filter((f) => isPageUrl(f.url)).length };
}

/** Sizes for readers, in decimal units as browsers and operating systems show them: "4.3 MB", "820 kB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 999_950) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} kB`;
  return `${bytes} bytes`;
}

/** "18 pages" / "1 page". */
export const pagesText = (pages: number): string => `${pages} ${pages === 1 ? 'page' : 'pages'}`;

/**
 * Runs `task` over `items` with at most `limit` running at once. The first failure stops the
 * starting of new tasks and is thrown once the running ones have settled.
 */
export async function inPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
}

/** What the save control says once the book is saved (on later visits too). */
export const savedText = (saved: { bytes: number; pages: number }): string =>
  `The book is saved for offline reading (${formatBytes(saved.bytes)}, ${pagesText(saved.pages)}, with search).`;

/** What the save control says when a save has just finished. */
export const doneText = (saved: { bytes: number; pages: number }): string =>
  `Saved ${formatBytes(saved.bytes)}: ${pagesText(saved.pages)} with their formulas and diagrams, and the search index. The book is ready to read offline.`;
