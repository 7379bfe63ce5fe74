/**
 * ```mermaid code blocks become inline SVG at build time that follows the site's theme toggle with
 * CSS alone (one SVG with themed colours, or a light and a dark rendering when they differ in more
 * than colours: see mermaid/renderer.ts). Readers download no Mermaid code.
 *
 * Every diagram must carry a text alternative (`accTitle:` and `accDescr:`); a syntax error or a
 * missing alternative fails the build with the file and line. Ids inside each SVG get a prefix
 * unique on the page, so two diagrams never share an id.
 *
 * In MDX the SVG goes into the page as a string (`set:html`, which Astro writes out as it is), not
 * as a syntax tree: later plugins have no reason to walk thousands of SVG nodes, and the compiled
 * MDX stays small. This is the single biggest saving of build time per diagram.
 */
import type { Root, Code, Parent, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { createHash } from 'node:crypto';
import { visit } from 'unist-util-visit';
import { rawHtml } from './util.ts';
import { ID_PLACEHOLDER, MermaidSyntaxError, renderMermaid, type RenderOptions } from './mermaid/renderer.ts';

export interface RemarkMermaidOptions extends RenderOptions {}


const withIds = (svg: string, id: string): string => {
  if (!svg.startsWith('<svg')) throw new Error('Mermaid returned no <svg>');
  return svg.replaceAll(ID_PLACEHOLDER, id);
};

export default function remarkMermaid(options: RemarkMermaidOptions) {
  return async (tree: Root, file: VFile) => {
    const found: { node: Code; index: number; parent: Parent }[] = [];
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang === 'mermaid' && parent && index !== undefined) found.push({ node, index, parent });
    });
    if (found.length === 0) return;
    const fileTag = createHash('sha1').update(file.path ?? '').digest('hex').slice(0, 6);

    const rendered = await Promise.all(
      found.map(async ({ node }) => {
        try {
          return await renderMermaid(node.value, options);
        } catch (error) {
          if (error instanceof MermaidSyntaxError) {
            const fence = node.position?.start.line;
            const line = fence !== undefined && error.line !== undefined ? fence + error.line : fence;
            const where = line !== undefined ? { place: { line, column: 1 } } : undefined;
            file.fail(`Mermaid syntax error in diagram: ${error.message.split('\n').join(' ')}`, where);
          }
          throw error;
        }
      }),
    );

    const mdx = /\.mdx$/i.test(file.path ?? '');
    found.forEach(({ node, index, parent }, n) => {
      const diagram = rendered[n]!;
      if (!diagram.title || !diagram.description) {
        file.fail(
          'Every Mermaid diagram needs a text alternative: add an `accTitle: ...` and an `accDescr: ...` line',
          { place: node.position },
        );
      }
      const prefix = `mmd-${fileTag}-${n + 1}`;
      parent.children[index] =
        diagram.themed === undefined
          ? block(['diagram'], [rawHtml(['diagram-light'], withIds(diagram.light, `${prefix}-l`), mdx), rawHtml(['diagram-dark'], withIds(diagram.dark, `${prefix}-d`), mdx)])
          : rawHtml(['diagram'], withIds(diagram.themed, prefix), mdx, { 'data-pagefind-ignore': 'all' });
    });
  };
}

/** A `div` around the two renderings (an unknown node becomes a div in hast, with its children). */
function block(className: string[], children: RootContent[]): RootContent {
  return { type: 'mermaidDiagram', children, data: { hName: 'div', hProperties: { className, dataPagefindIgnore: 'all' } } } as unknown as RootContent;
}
