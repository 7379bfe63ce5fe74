/**
 * The book's service worker (issue 5). Bundled and written to `<base>sw.js` after the Pagefind index
 * exists (src/integrations/service-worker.ts), which injects `self.__WB_MANIFEST`: the app shell
 * (`isCoreUrl`) with each file's revision. The full list of files is `offline.json`, part of the
 * shell; its revision is this worker's version.
 *
 * Lifecycle:
 * - install: the shell goes into this version's cache. Files that an earlier version had cached with
 *   the same revision are copied from its cache, not downloaded, so pages a reader has read stay
 *   available; if the reader had saved the whole book, the new version saves all of it before it
 *   counts as installed, so an update never takes the offline copy away.
 * - waiting: a new version waits until the reader presses Reload in the update notice, which posts
 *   `SKIP_WAITING` (src/scripts/book-update.ts); every open tab then reloads into it.
 * - activate: deletes the caches of other versions at this scope and takes control of open pages.
 *
 * Fetches (same origin, inside the scope, GET): a file of this version's list comes from this
 * version's cache; if it is not cached yet, from the network, and it is stored only if its bytes
 * match the list. When they do not match, the server already has another version: the response is
 * passed on unstored, an update check starts (so the notice appears), and a page loaded that way is
 * remembered as "foreign", its own requests going to the network, so it never mixes with this
 * version's cached files. Other URLs go to the network; a page that fails gets the offline page.
 *
 * Messages: `SKIP_WAITING`, and `SAVE_ALL` with a MessagePort, on which progress, the result or the
 * reason for a failure are posted (`SaveMessage`).
 */
import {
  cacheKey,
  cacheName,
  inPool,
  isOtherVersionCache,
  MANIFEST_FILE,
  OFFLINE_PAGE,
  revisionOf,
  SAVED_FILE,
  savedText,
  type OfflineFile,
  type OfflineManifest,
  type SaveError,
  type SaveMessage,
  type SavedSummary,
} from '../lib/offline.ts';

/* The few service-worker types this file uses (the project compiles against the DOM library). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  readonly clientId: string;
  readonly resultingClientId: string;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
interface WorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}
const sw = self as unknown as WorkerScope;
/** Written as `self.__WB_MANIFEST` to the letter: workbox-build's injectManifest replaces exactly that. */
const injected = (self as unknown as { __WB_MANIFEST: { url: string; revision: string }[] }).__WB_MANIFEST;

const SCOPE = sw.registration.scope;
const at = (url: string): string => new URL(url, SCOPE).href;
const SHELL = new Map(injected.map((e) => [at(e.url), e.revision]));
const MANIFEST_URL = at(MANIFEST_FILE);
const OFFLINE_URL = at(OFFLINE_PAGE);
const SAVED_URL = at(SAVED_FILE);
/** Requests of pages loaded from another version (see the header) are marked under this prefix. */
const FOREIGN_PREFIX = at('__offline/foreign/');
const CACHE = cacheName(SCOPE, SHELL.get(MANIFEST_URL) ?? 'none');
/** Downloads at once while installing or saving. */
const PARALLEL = 6;

/** A failure with the reason the reader is told. */
class SaveFailure extends Error {
  constructor(readonly reason: SaveError) {
    super(reason);
  }
}

/** This version's files by absolute URL, read from its own cached `offline.json`. */
interface FileList {
  manifest: OfflineManifest;
  byUrl: Map<string, OfflineFile>;
}
const indexFiles = (manifest: OfflineManifest): FileList => ({ manifest, byUrl: new Map(manifest.files.map((f) => [at(f.url), f])) });
let listed: Promise<FileList | undefined> | undefined;
function files(): Promise<FileList | undefined> {
  listed ??= (async () => {
    const response = await (await caches.open(CACHE)).match(MANIFEST_URL);
    if (!response) {
      listed = undefined; // not installed yet: try again on the next request
      return undefined;
    }
    return indexFiles((await response.json()) as OfflineManifest);
  })();
  return listed;
}

/**
 * Downloads `url` and returns it as a response to store, if its bytes have `revision`. Throws a
 * SaveFailure: `offline` without network, `changed` when the server has another version.
 */
async function download(url: string, revision: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-cache' });
  } catch {
    throw new SaveFailure('offline');
  }
  const body = await response.arrayBuffer();
  if (!response.ok || (await revisionOf(body)) !== revision) throw new SaveFailure('changed');
  // A new response: no `redirected` flag (a page served for a navigation must not have one).
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function put(cache: Cache, url: string, response: Response): Promise<void> {
  try {
    await cache.put(url, response);
  } catch (error) {
    throw (error as { name?: string }).name === 'QuotaExceededError' ? new SaveFailure('quota') : error;
  }
}

/** Stores each of `wanted` (absolute URL -> revision) that this version's cache does not have. */
async function fill(cache: Cache, wanted: [string, string][], done?: (url: string) => void): Promise<void> {
  await inPool(wanted, PARALLEL, async ([url, revision]) => {
    if (!(await cache.match(url))) await put(cache, url, await download(url, revision));
    done?.(url);
  });
}

/** The caches of earlier versions at this scope, with the revisions their `offline.json` lists. */
async function earlierVersions(): Promise<{ cache: Cache; revisions: Map<string, string>; saved: boolean }[]> {
  const found = [];
  for (const name of await caches.keys()) {
    if (!isOtherVersionCache(name, SCOPE, CACHE)) continue;
    const cache = await caches.open(name);
    const manifest = await cache.match(MANIFEST_URL);
    if (!manifest) continue;
    const { byUrl } = indexFiles((await manifest.json()) as OfflineManifest);
    found.push({ cache, revisions: new Map([...byUrl].map(([url, f]) => [url, f.revision])), saved: Boolean(await cache.match(SAVED_URL)) });
  }
  return found;
}

async function install(): Promise<void> {
  const cache = await caches.open(CACHE);
  await fill(cache, [[MANIFEST_URL, SHELL.get(MANIFEST_URL)!]]);
  const list = (await files())!;
  const earlier = await earlierVersions();
  // Keep what the reader had: unchanged files move over from an earlier version's cache.
  for (const [url, file] of list.byUrl) {
    for (const old of earlier) {
      const response = old.revisions.get(url) === file.revision ? await old.cache.match(url) : undefined;
      if (response) {
        await put(cache, url, response);
        break;
      }
    }
  }
  const savedBefore = earlier.some((e) => e.saved);
  await fill(cache, savedBefore ? [...list.byUrl].map(([url, f]) => [url, f.revision]) : [...SHELL]);
  if (savedBefore) await markSaved(cache, list.manifest);
}

async function markSaved(cache: Cache, manifest: OfflineManifest): Promise<SavedSummary> {
  const { bytes, pages } = manifest;
  const summary: SavedSummary = { bytes, files: manifest.files.length, pages, savedAt: new Date().toISOString(), note: savedText(manifest) };
  await put(cache, SAVED_URL, new Response(JSON.stringify(summary), { headers: { 'content-type': 'application/json' } }));
  return summary;
}

async function saveAll(port: MessagePort): Promise<void> {
  const post = (message: SaveMessage) => port.postMessage(message);
  try {
    const cache = await caches.open(CACHE);
    const list = await files();
    if (!list) throw new SaveFailure('offline');
    const { manifest, byUrl } = list;
    let bytes = 0;
    let count = 0;
    const progress = () => post({ type: 'progress', bytes, totalBytes: manifest.bytes, files: count, totalFiles: manifest.files.length });
    progress();
    await fill(cache, [...byUrl].map(([url, f]) => [url, f.revision]), (url) => {
      bytes += byUrl.get(url)!.size;
      count++;
      progress();
    });
    post({ type: 'done', ...(await markSaved(cache, manifest)) });
  } catch (error) {
    const reason = error instanceof SaveFailure ? error.reason : 'offline';
    if (reason === 'changed') void sw.registration.update().catch(() => undefined);
    post({ type: 'error', reason });
  }
}

const offlinePage = async (): Promise<Response> => (await (await caches.open(CACHE)).match(OFFLINE_URL)) ?? Response.error();

async function respond(event: FetchEvent): Promise<Response> {
  const { request } = event;
  const navigation = request.mode === 'navigate';
  const cache = await caches.open(CACHE);
  const key = cacheKey(request.url);
  const list = await files();
  const revision = list?.byUrl.get(key)?.revision ?? SHELL.get(key);
  const foreign = !navigation && event.clientId !== '' && Boolean(await cache.match(FOREIGN_PREFIX + event.clientId));
  if (!revision || foreign) {
    if (navigation && list?.byUrl.has(`${key}/`)) return Response.redirect(`${key}/`, 301);
    try {
      return await fetch(request);
    } catch (error) {
      if (navigation) return offlinePage();
      throw error;
    }
  }
  const cached = await cache.match(key);
  if (cached) return cached;
  let response: Response;
  try {
    response = await fetch(key, { cache: 'no-cache' });
  } catch (error) {
    if (navigation) return offlinePage();
    throw error;
  }
  const body = await response.arrayBuffer();
  const fresh = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  if (response.ok && (await revisionOf(body)) === revision) {
    await cache.put(key, fresh.clone()).catch(() => undefined); // storage full: still serve it
  } else {
    // The server has another version of the book. Serve what it sent, store nothing, look for the
    // new worker, and keep the page this response starts away from this version's files.
    void sw.registration.update().catch(() => undefined);
    if (navigation && event.resultingClientId) await cache.put(FOREIGN_PREFIX + event.resultingClientId, new Response('')).catch(() => undefined);
  }
  return fresh;
}

sw.addEventListener('install', (event) => event.waitUntil(install()));

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (isOtherVersionCache(name, SCOPE, CACHE)) await caches.delete(name);
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  event.respondWith(respond(event));
});

sw.addEventListener('message', (event) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  if (type === 'SKIP_WAITING') event.waitUntil(sw.skipWaiting());
  else if (type === 'SAVE_ALL' && event.ports[0]) event.waitUntil(saveAll(event.ports[0]));
});
