import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { readBuildEnv } from './src/lib/build-env.ts';
import katexAssets from './src/integrations/katex-assets.ts';
import mermaidBrowser from './src/integrations/mermaid-browser.ts';
import pagefind from './src/integrations/pagefind.ts';
import serviceWorker from './src/integrations/service-worker.ts';
import { bookPipeline, defaultMermaidCacheDir } from './src/plugins/index.ts';

const env = readBuildEnv();
const mermaidCacheDir = process.env.BOOK_MERMAID_CACHE === 'off' ? undefined : (process.env.BOOK_MERMAID_CACHE ?? defaultMermaidCacheDir);
const pipeline = bookPipeline({ contentDir: env.contentDir, base: env.base, edition: env.edition, mermaidCacheDir });

export default defineConfig({
  site: env.site,
  base: env.base,
  outDir: env.outDir,
  trailingSlash: 'always',
  // Styles inline in each page: no render-blocking requests before the first paint (a chapter's
  // CSS is about 8 KiB gzipped; Lighthouse counted ~300 ms of simulated slow-4G time for the three files).
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  markdown: {
    // smartypants: false because the pipeline has its own, faster and with the same output.
    processor: unified({ ...pipeline, smartypants: false, remarkRehype: { footnoteLabelTagName: 'h2' } }),
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid', 'math'] },
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: false },
  },
  // optimize: static parts of each chapter compile to HTML strings instead of JSX calls (a smaller
  // module per chapter, a faster build). Components passed to <Content components={...}> still work
  // for MDX components (capitalised); overriding plain HTML tags that way would need
  // optimize.ignoreElementNames.
  // serviceWorker() lists the built files for offline reading, so it must come after katexAssets() and pagefind().
  integrations: [mdx({ optimize: true }), mermaidBrowser({ contentDir: env.contentDir, cacheDir: mermaidCacheDir }), katexAssets(), pagefind(), serviceWorker()],
});
