import { describe, expect, it } from 'vitest';
import { formatOfflineCopy, offlineCopySize } from '../bench/offline-size.ts';
import { offlineManifest } from '../../src/lib/offline.ts';

describe('offlineCopySize', () => {
  const manifest = offlineManifest([
    { url: '', revision: 'a', size: 50_000 },
    { url: 'chapters/a/', revision: 'b', size: 400_000 },
    { url: '_astro/Base.x.css', revision: 'c', size: 30_000 },
    { url: 'pagefind/fragment/en_1.pf_fragment', revision: 'd', size: 20_000 },
  ]);
  const gzip: Record<string, number> = { '': 10_000, 'chapters/a/': 60_000, '_astro/Base.x.css': 6_000, 'pagefind/fragment/en_1.pf_fragment': 20_000, 'offline.json': 500 };
  const size = offlineCopySize(manifest, 2_000, (url) => gzip[url]!);

  it('sums every file of the save, and the app shell with offline.json', () => {
    expect(size).toEqual({
      files: 4,
      pages: 2,
      bytes: 500_000,
      gzipBytes: 96_000,
      shell: { files: 3, bytes: 82_000, gzipBytes: 16_500 },
    });
  });

  it('prints both for the benchmark output', () => {
    expect(formatOfflineCopy(size)).toBe(
      'Save for offline: 4 files, 2 pages, 500 kB stored (96 kB gzipped on the wire)\nFirst-visit app shell: 3 files, 82 kB stored (17 kB gzipped)',
    );
  });
});
