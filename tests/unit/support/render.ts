/**
 * Renders Markdown/MDX strings through the book's real plugin list (`bookPipeline` from
 * src/plugins/index.ts, in its order) wrapped the way @astrojs/markdown-remark's MDX processor
 * wraps it: remark-parse + remark-mdx + remark-gfm before our remark plugins, remark-rehype with
 * the options from astro.config.ts, rehype-raw before our rehype plugins. Shiki, smartypants and
 * the MDX-to-JS steps are left out: they do not touch what these tests look at. A `set:html`
 * property (raw HTML, such as a diagram's SVG) is written out as raw HTML, as Astro renders it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeTypes } from '@mdx-js/mdx';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import type { Element, Properties, Root } from 'hast';
import { unified, type PluggableList } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { bookPipeline } from '../../../src/plugins/index.ts';
import { RAW_HTML_PROPERTY } from '../../../src/plugins/util.ts';

/**
 * What Astro does with `<div class="x" set:html={html} />` in MDX (diagrams, formulas): an element
 * whose content is the string, unescaped. (Other MDX JSX elements are not used by our plugins.)
 */
function rehypeSetHtml() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      const jsx = node as unknown as { type: string; name?: string; attributes?: { name: string; value: unknown }[] };
      if ((jsx.type !== 'mdxJsxFlowElement' && jsx.type !== 'mdxJsxTextElement') || !jsx.name || !parent || index === undefined) return undefined;
      const properties: Properties = {};
      let html = '';
      for (const { name, value } of jsx.attributes ?? []) {
        if (typeof value !== 'string') throw new Error(`rehypeSetHtml: attribute ${name} is not a string`);
        if (name === RAW_HTML_PROPERTY) html = value;
        else properties[name === 'class' ? 'className' : name] = name === 'class' ? value.split(' ') : value;
      }
      const element: Element = { type: 'element', tagName: jsx.name, properties, children: [{ type: 'raw', value: html }] };
      parent.children[index] = element;
      return SKIP;
    });
  };
}

/** Glossary and bibliography the plugin tests render against (no chapters: nothing is built). */
export const unitContentDir = fileURLToPath(new URL('../../fixtures/unit-content/', import.meta.url));

/**
 * A throwaway content folder with the two data files the pipeline reads (by default copies of
 * unit-content's). The caller removes it.
 */
export function makeContentDir(files: { glossary?: string; bib?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'book-unit-content-'));
  writeFileSync(join(dir, 'glossary.yaml'), files.glossary ?? readFileSync(join(unitContentDir, 'glossary.yaml'), 'utf8'));
  writeFileSync(join(dir, 'references.bib'), files.bib ?? readFileSync(join(unitContentDir, 'references.bib'), 'utf8'));
  return dir;
}

export interface RenderOptions {
  /** Chapter number in the frontmatter; `null` renders a page without one. Default 3. */
  chapter?: number | null;
  base?: string;
  contentDir?: string;
  mermaidCacheDir?: string | undefined;
  /** File path given to the VFile (used in error messages and diagram id prefixes). */
  path?: string;
  /** More frontmatter fields (e.g. objectives). */
  frontmatter?: Record<string, unknown>;
  edition?: 'student' | 'instructor';
}

export interface Rendered {
  html: string;
  file: VFile;
  frontmatter: Record<string, unknown>;
}

/** Frontmatter lines are not needed: the test sets `data.astro.frontmatter` as Astro does. */
export async function render(source: string, options: RenderOptions = {}): Promise<Rendered> {
  const contentDir = options.contentDir ?? unitContentDir;
  const { remarkPlugins, rehypePlugins } = bookPipeline({
    contentDir,
    base: options.base ?? '/',
    mermaidCacheDir: options.mermaidCacheDir,
    ...(options.edition ? { edition: options.edition } : {}),
  });
  const chapter = options.chapter === undefined ? 3 : options.chapter;
  const frontmatter: Record<string, unknown> = { ...(chapter === null ? {} : { number: chapter }), ...options.frontmatter };
  const file = new VFile({
    value: source,
    path: options.path ?? '/book/content/chapters/03-test-chapter.mdx',
    data: { astro: { frontmatter } },
  });
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkPlugins as PluggableList)
    .use(remarkRehype, { footnoteLabelTagName: 'h2', passThrough: [...nodeTypes] })
    .use(rehypeRaw, { passThrough: [...nodeTypes] })
    .use(rehypePlugins as PluggableList)
    .use(rehypeSetHtml)
    .use(rehypeStringify, { allowDangerousHtml: true });
  const result = await processor.process(file);
  return { html: String(result.value), file: result, frontmatter };
}

/** Runs `render` and returns the error it must throw (fails the test if it does not). */
export async function renderError(source: string, options: RenderOptions = {}): Promise<Error & { line?: number; column?: number; reason?: string; file?: string }> {
  try {
    await render(source, options);
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`render threw a non-Error: ${String(error)}`);
  }
  throw new Error('expected rendering to fail, but it succeeded');
}

/** Joins lines so MDX sources in tests read like the files authors write. */
export const md = (...lines: string[]): string => lines.join('\n');
