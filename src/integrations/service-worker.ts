/**
 * Writes the offline copy of the book after the build (issue 5), once the Pagefind index exists:
 * - `offline.json`: every file of the offline copy with its revision and size (src/lib/offline.ts);
 *   "Save the book for offline reading" downloads this list and the benchmark reports its size;
 * - `sw.js`: src/sw/service-worker.ts bundled with esbuild, with the app shell injected by
 *   workbox-build's injectManifest (workbox-build also finds the files and their sizes);
 * - `offline-save.js`: src/scripts/offline-save.ts, the code "Save the book" loads on demand, bundled
 *   with esbuild too. Built by Vite it would share Vite's preload helper with the search script,
 *   which splits that helper into a chunk of its own on every page (about 200 bytes gzipped more
 *   on every first load); loaded from a plain URL, the first-load script imports nothing.
 *
 * Astro runs the `astro:build:done` hooks one after the other in the order of `integrations`, so
 * this integration must come after `pagefind()`; it fails the build if the index is missing.
 *
 * Why a hand-written worker and not workbox's generateSW: every version keeps its own cache and
 * stores only files whose bytes match its list, so old and new pages are never mixed; the save
 * reports progress over a message port; an update copies unchanged files and keeps a full save.
 */
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getManifest, injectManifest, type ManifestTransform } from 'workbox-build';
import { fileUrl, formatBytes, isCoreUrl, MANIFEST_FILE, offlineManifest, offlinePaths, revisionOf, SAVE_MODULE, SW_FILE, type OfflineFile, type OfflineManifest } from '../lib/offline.ts';

const workerSource = fileURLToPath(new URL('../sw/service-worker.ts', import.meta.url));
const saveSource = fileURLToPath(new URL('../scripts/offline-save.ts', import.meta.url));
const bundle = (entry: string, format: 'iife' | 'esm') =>
  build({ entryPoints: [entry], bundle: true, format, target: 'es2022', minify: true, write: false, legalComments: 'none' }).then((r) => r.outputFiles[0]!.text);

/** What `writeServiceWorker` wrote, for the build log and the tests. */
export interface ServiceWorkerBuild {
  manifest: OfflineManifest;
  /** The app shell installed on the first visit. */
  shell: OfflineFile[];
  /** The revision of offline.json: the version of this build. */
  version: string;
  warnings: string[];
}

/** The WebAssembly languages the Pagefind index uses, from its entry file. */
function pagefindLanguages(dir: string): string[] {
  const entryFile = join(dir, 'pagefind', 'pagefind-entry.json');
  if (!existsSync(entryFile)) {
    throw new Error(`${entryFile} is missing: the service worker must be written after the Pagefind index (put serviceWorker() after pagefind() in astro.config.ts)`);
  }
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages?: Record<string, { wasm?: string }> };
  return Object.values(entry.languages ?? {}).flatMap((l) => (l.wasm ? [l.wasm] : []));
}

/** Lists the offline files of `dir` among workbox-build's entries, with our revisions. */
function listFiles(dir: string, languages: string[], found: OfflineFile[], keep: (url: string) => boolean = () => true): ManifestTransform {
  return async (entries) => {
    const paths = new Set(offlinePaths(entries.map((e) => e.url), languages));
    const files = await Promise.all(
      entries
        .filter((e) => paths.has(e.url) && keep(fileUrl(e.url)))
        .map(async (e) => ({ url: fileUrl(e.url), revision: await revisionOf(readFileSync(join(dir, e.url))), size: e.size })),
    );
    found.push(...files);
    // Copies: workbox-build deletes `size` from what it is given.
    return { manifest: files.map((f) => ({ ...f })) };
  };
}

const globOptions = (dir: string) => ({ globDirectory: dir, globPatterns: ['**/*'], maximumFileSizeToCacheInBytes: Number.MAX_SAFE_INTEGER });

/** Writes `offline.json` and `sw.js` into the built site `dir`. Also used by the e2e tests on a changed copy of dist. */
export async function writeServiceWorker(dir: string): Promise<ServiceWorkerBuild> {
  const languages = pagefindLanguages(dir);
  writeFileSync(join(dir, SAVE_MODULE), await bundle(saveSource, 'esm'));
  const all: OfflineFile[] = [];
  const listed = await getManifest({ ...globOptions(dir), globIgnores: [MANIFEST_FILE, SW_FILE], manifestTransforms: [listFiles(dir, languages, all)] });
  // offline.json cannot list itself (its revision depends on its content): the shell lists it.
  const manifest = offlineManifest(all);
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest));

  const temp = mkdtempSync(join(tmpdir(), 'book-sw-'));
  const shell: OfflineFile[] = [];
  try {
    const source = join(temp, SW_FILE);
    writeFileSync(source, `/* The book's service worker: src/sw/service-worker.ts, built by src/integrations/service-worker.ts */\n${await bundle(workerSource, 'iife')}`);
    const injected = await injectManifest({ ...globOptions(dir), swSrc: source, swDest: join(dir, SW_FILE), manifestTransforms: [listFiles(dir, languages, shell, isCoreUrl)] });
    const version = shell.find((f) => f.url === MANIFEST_FILE)?.revision;
    if (!version) throw new Error(`${MANIFEST_FILE} is not in the service worker's app shell`);
    return { manifest, shell, version, warnings: [...listed.warnings, ...injected.warnings] };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

export default function serviceWorker(): AstroIntegration {
  return {
    name: 'book:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const result = await writeServiceWorker(fileURLToPath(dir));
        for (const warning of result.warnings) logger.warn(warning);
        const shellBytes = result.shell.reduce((sum, f) => sum + f.size, 0);
        logger.info(
          `offline copy: ${result.manifest.files.length} files, ${formatBytes(result.manifest.bytes)}, ${result.manifest.pages} pages; ` +
            `app shell ${result.shell.length} files, ${formatBytes(shellBytes)} (version ${result.version})`,
        );
      },
    },
  };
}
