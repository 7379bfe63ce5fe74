import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { readBuildEnv } from './src/lib/build-env.ts';
import mermaidCleanup from './src/integrations/mermaid-cleanup.ts';
import pagefind from './src/integrations/pagefind.ts';
import serviceWorker from './src/integrations/service-worker.ts';
import { bookPipeline, defaultMermaidCacheDir } from './src/plugins/index.ts';

const env = readBuildEnv();
const pipeline = bookPipeline({
  contentDir: env.contentDir,
  base: env.base,
  edition: env.edition,
  mermaidCacheDir: process.env.BOOK_MERMAID_CACHE === 'off' ? undefined : (process.env.BOOK_MERMAID_CACHE ?? defaultMermaidCacheDir),
});

export default defineConfig({
  site: env.site,
  base: env.base,
  outDir: env.outDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  markdown: {
    processor: unified({ ...pipeline, remarkRehype: { footnoteLabelTagName: 'h2' } }),
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid', 'math'] },
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark' }, defaultColor: false },
  },
  // serviceWorker() lists the built files for offline reading, so it must come after pagefind().
  integrations: [mdx(), mermaidCleanup(), pagefind(), serviceWorker()],
});
