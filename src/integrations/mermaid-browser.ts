/**
 * The build-time diagram browser: started as soon as a build begins when some diagram of the book
 * is not in the cache (so Chromium's start-up overlaps Vite's work instead of delaying the first
 * diagram), and closed as soon as pages are generated. A build whose diagrams are all cached never
 * starts it.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mermaidFences } from '../plugins/mermaid/fences.ts';
import { closeMermaidRenderer, needsRendering, warmMermaidRenderer } from '../plugins/mermaid/renderer.ts';

export interface MermaidBrowserOptions {
  /** The book's content folder (chapters are in `chapters/`). */
  contentDir: string;
  /** The diagram cache folder; undefined when the cache is off. */
  cacheDir: string | undefined;
}

/** How many diagrams of the chapters in `contentDir` are not in the cache. */
export function countUncachedDiagrams(options: MermaidBrowserOptions): number {
  const chapters = join(options.contentDir, 'chapters');
  let files: string[];
  try {
    files = readdirSync(chapters).filter((name) => /\.mdx?$/.test(name));
  } catch {
    return 0;
  }
  let missing = 0;
  for (const name of files) {
    for (const source of mermaidFences(readFileSync(join(chapters, name), 'utf8'))) {
      if (needsRendering(source, { cacheDir: options.cacheDir })) missing += 1;
    }
  }
  return missing;
}

export default function mermaidBrowser(options: MermaidBrowserOptions): AstroIntegration {
  return {
    name: 'book:mermaid-browser',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const missing = countUncachedDiagrams(options);
        if (missing === 0) return;
        logger.info(`${missing} diagram(s) to render: starting the diagram browser`);
        warmMermaidRenderer();
      },
      'astro:build:generated': async () => closeMermaidRenderer(),
      'astro:build:done': async () => closeMermaidRenderer(),
      'astro:server:done': async () => closeMermaidRenderer(),
    },
  };
}
