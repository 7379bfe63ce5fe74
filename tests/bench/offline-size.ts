/**
 * The size of the offline copy (issue 5): what "Save the book for offline reading" downloads, read
 * from the build's `offline.json`, and the app shell the service worker installs on the first
 * visit. Reported by tests/bench/budgets.ts next to the page weights. Bytes are the files as stored;
 * `gzipBytes` is what a host that compresses (zlib level 9, as the page budgets) would send.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatBytes, isCoreUrl, MANIFEST_FILE, type OfflineManifest } from '../../src/lib/offline.ts';

export interface OfflineCopySize {
  files: number;
  pages: number;
  bytes: number;
  gzipBytes: number;
  /** The app shell, offline.json included. */
  shell: { files: number; bytes: number; gzipBytes: number };
}

/** Sums a manifest's files; `gzipOf(url)` gives a file's compressed size. Pure, for the unit tests. */
export function offlineCopySize(manifest: OfflineManifest, manifestBytes: number, gzipOf: (url: string) => number): OfflineCopySize {
  const shell = manifest.files.filter((f) => isCoreUrl(f.url));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    files: manifest.files.length,
    pages: manifest.pages,
    bytes: manifest.bytes,
    gzipBytes: sum(manifest.files.map((f) => gzipOf(f.url))),
    shell: {
      files: shell.length + 1,
      bytes: sum(shell.map((f) => f.size)) + manifestBytes,
      gzipBytes: sum(shell.map((f) => gzipOf(f.url))) + gzipOf(MANIFEST_FILE),
    },
  };
}

export const formatOfflineCopy = (size: OfflineCopySize): string =>
  `Save for offline: ${size.files} files, ${size.pages} pages, ${formatBytes(size.bytes)} stored (${formatBytes(size.gzipBytes)} gzipped on the wire)\n` +
  `First-visit app shell: ${size.shell.files} files, ${formatBytes(size.shell.bytes)} stored (${formatBytes(size.shell.gzipBytes)} gzipped)`;

/** Measures the offline copy of the built site `dir`, or undefined when it has no offline.json. */
export function measureOfflineCopy(dir: string): OfflineCopySize | undefined {
  const manifestFile = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestFile)) return undefined;
  const text = readFileSync(manifestFile);
  const manifest = JSON.parse(text.toString('utf8')) as OfflineManifest;
  // Built paths by URL: `chapters/x/` is chapters/x/index.html.
  const path = (url: string) => join(dir, url === '' || url.endsWith('/') ? `${url}index.html` : url);
  const gzipOf = (url: string) => {
    const body = url === MANIFEST_FILE ? text : readFileSync(path(url));
    return Math.min(body.length, gzipSync(body, { level: 9 }).length);
  };
  return offlineCopySize(manifest, text.length, gzipOf);
}
