/**
 * The Markdown/MDX pipeline of the book, in order. Each plugin does one job; see README.md here.
 * It includes smart typography (remark-smartypants.ts), so Astro's own must be off
 * (`smartypants: false` in astro.config.ts).
 */
import type { RemarkPlugins, RehypePlugins } from '@astrojs/markdown-remark';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import remarkDirective from 'remark-directive';
import remarkMath from 'remark-math';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { bibliographyPath, readGlossary } from '../lib/content-files.ts';
import rehypeBookNumbering from './rehype-book-numbering.ts';
import rehypeCite from './rehype-cite.ts';
import rehypeLazyRender from './rehype-lazy-render.ts';
import rehypeMath from './rehype-math.ts';
import rehypeReferences from './rehype-references.ts';
import rehypeRowHeaders from './rehype-row-headers.ts';
import rehypeTableScroll from './rehype-table-scroll.ts';
import remarkCallouts from './remark-callouts.ts';
import remarkCharts from './remark-charts.ts';
import remarkDirectiveGuard from './remark-directive-guard.ts';
import remarkExercises from './remark-exercises.ts';
import type { Edition } from '../lib/exercises/render.ts';
import remarkFigures from './remark-figures.ts';
import remarkGlossaryTerms from './remark-glossary-terms.ts';
import remarkMermaid from './remark-mermaid.ts';
import remarkReadingTime from './remark-reading-time.ts';
import remarkSmartypants from './remark-smartypants.ts';
import remarkXref from './remark-xref.ts';

export interface PipelineOptions {
  contentDir: string;
  base: string;
  /** Folder for cached diagram renderings; undefined disables the cache. */
  mermaidCacheDir: string | undefined;
  /** Which edition to build; the instructor edition adds solutions to exercises. */
  edition?: Edition;
}

export const defaultMermaidCacheDir = join('node_modules', '.cache', 'book-mermaid');

export function bookPipeline(options: PipelineOptions): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  const bib = bibliographyPath(options.contentDir);
  if (!existsSync(bib)) throw new Error(`The bibliography ${bib} is missing: citations are resolved from it (an empty file is fine).`);
  return {
    remarkPlugins: [
      remarkSmartypants,
      remarkMath,
      remarkDirective,
      remarkCallouts,
      remarkFigures,
      [remarkCharts, { contentDir: options.contentDir }],
      remarkXref,
      [remarkGlossaryTerms, { glossary: readGlossary(options.contentDir), base: options.base }],
      [remarkExercises, { contentDir: options.contentDir, edition: options.edition ?? 'student', base: options.base }],
      remarkDirectiveGuard,
      remarkReadingTime,
      [remarkMermaid, { cacheDir: options.mermaidCacheDir }],
    ],
    rehypePlugins: [
      [rehypeMath, { strict: 'error', output: 'htmlAndMathml' }],
      [rehypeCite, { path: dirname(bibliographyPath(options.contentDir)), bibliography: basename(bibliographyPath(options.contentDir)), csl: 'apa', linkCitations: true }],
      rehypeReferences,
      rehypeSlug,
      rehypeBookNumbering,
      rehypeRowHeaders,
      rehypeTableScroll,
      [
        rehypeAutolinkHeadings,
        {
          behavior: 'append',
          // Exercise titles have their own permalink; a self-check box's heading needs none.
          test: (node: Element) => (node.tagName === 'h2' || node.tagName === 'h3') && !['exercise-title', 'self-check-heading'].some((c) => (node.properties.className as string[] | undefined)?.includes(c)),
          properties: (node: Element) => ({
            className: ['heading-anchor'],
            ariaLabel: node.properties.dataSection
              ? `Link to section ${String(node.properties.dataSection)}`
              : `Link to ${toString(node).trim() || 'this section'}`,
          }),
          content: { type: 'element', tagName: 'span', properties: { className: ['anchor-icon'], ariaHidden: 'true' }, children: [] },
        },
      ],
      rehypeLazyRender,
    ],
  };
}
