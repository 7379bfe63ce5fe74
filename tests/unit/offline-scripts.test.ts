/**
 * First-load budget of the offline code (issue 5): the service worker registration with the update
 * notice (book-update.ts) and the save button (book-offline.ts) run on every page, as one script
 * (OfflineScripts.astro), and must stay within 1 KiB gzipped; the saving itself (offline-save.ts)
 * loads on demand from its own URL. Bundled here with esbuild as Vite bundles them for production;
 * `npm run budgets` measures the built pages.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

describe('offline scripts on every page', () => {
  it('stay within 1 KiB gzipped, import nothing, and load the saving code only on demand', async () => {
    const scripts = new URL('../../src/scripts/', import.meta.url).pathname;
    const result = await build({
      stdin: { contents: "import './book-update.ts';\nimport './book-offline.ts';\n", resolveDir: scripts, sourcefile: 'offline-scripts.ts', loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      define: { 'import.meta.env.PROD': 'true' },
    });
    const text = result.outputFiles[0]!.text;
    expect(gzipSync(text, { level: 9 }).length).toBeLessThanOrEqual(1024);
    // The only import is the dynamic one of the saving code, whose URL the page gives.
    expect(text).not.toMatch(/\bimport\s*[{*"'`]|\bfrom\s*["'`]/);
    expect(text).toContain('.dataset.module');
    expect(text).not.toContain('SAVE_ALL');
  });
});
