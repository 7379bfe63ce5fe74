/**
 * Builds the Pagefind search index as the last step of `astro build`, so every build ships a
 * current index with no extra command. Only elements marked `data-pagefind-body` (chapter text)
 * are indexed, plus one custom record per exercise and self-check from `search-records.json`
 * (lib/exercises/search-records.ts), which is removed from the site afterwards.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { searchRecordsFile, type SearchRecord } from '../lib/exercises/search-records.ts';
import { close, createIndex } from 'pagefind';

export default function pagefind(): AstroIntegration {
  return {
    name: 'book:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind failed to index ${site}: ${added.errors.join('; ')}`);
        const recordsPath = join(site, searchRecordsFile);
        const records = existsSync(recordsPath) ? (JSON.parse(readFileSync(recordsPath, 'utf8')) as SearchRecord[]) : [];
        for (const record of records) {
          const result = await index.addCustomRecord(record);
          if (result.errors.length > 0) throw new Error(`Pagefind failed to index ${record.url}: ${result.errors.join('; ')}`);
        }
        rmSync(recordsPath, { force: true });
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
        await close();
        logger.info(`indexed ${added.page_count} pages and ${records.length} exercises for search`);
      },
    },
  };
}
