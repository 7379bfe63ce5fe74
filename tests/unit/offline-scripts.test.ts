/**
 * First-load budget of the offline code (issue 5): the service worker registration with the update
 * notice (book-update.ts) and the save button (book-offline.ts) run on every page and must stay
 * within 1 KiB gzipped together; the saving itself (offline-save.ts) loads on demand. Bundled here
 * with esbuild as Vite bundles them for production (`npm run budgets` measures the built pages).
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

async function gzipped(entry: string): Promise<{ bytes: number; text: string }> {
  const result = await build({
    entryPoints: [new URL(`../../src/scripts/${entry}`, import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    splitting: true,
    outdir: 'out',
    define: { 'import.meta.env.PROD': 'true' },
  });
  const main = result.outputFiles.find((f) => f.path.endsWith(entry.replace(/\.ts$/, '.js')))!;
  return { bytes: gzipSync(main.text, { level: 9 }).length, text: main.text };
}

describe('offline scripts on every page', () => {
  it('stay within 1 KiB gzipped, and load the saving code only on demand', async () => {
    const update = await gzipped('book-update.ts');
    const offline = await gzipped('book-offline.ts');
    expect(update.bytes + offline.bytes).toBeLessThanOrEqual(1024);
    expect(offline.text).toMatch(/import\(["']\.\/offline-save/);
    expect(offline.text).not.toContain('ready to read offline');
  });
});
