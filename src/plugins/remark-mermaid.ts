/**
 * ```mermaid code blocks become inline SVG at build time, rendered twice (light and dark theme) so
 * the diagram follows the site's theme toggle with CSS alone. Readers download no Mermaid code.
 *
 * Every diagram must carry a text alternative (`accTitle:` and `accDescr:`); a syntax error or a
 * missing alternative fails the build with the file and line. Ids inside each SVG get a prefix
 * unique on the page, so two diagrams never share an id.
 */
import type { Root, Code, Parent } from 'mdast';
import type { Element, ElementContent } from 'hast';
import type { VFile } from 'vfile';
import { createHash } from 'node:crypto';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { ID_PLACEHOLDER, MermaidSyntaxError, renderMermaid, type DiagramTheme, type RenderOptions } from './mermaid/renderer.ts';

export interface RemarkMermaidOptions extends RenderOptions {}

function svgElement(svg: string, id: string): Element {
  const fragment = fromHtml(svg.replaceAll(ID_PLACEHOLDER, id), { fragment: true });
  const element = fragment.children.find((child): child is Element => child.type === 'element' && child.tagName === 'svg');
  if (!element) throw new Error('Mermaid returned no <svg>');
  return element;
}

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
          const themes: DiagramTheme[] = ['light', 'dark'];
          return await Promise.all(themes.map((theme) => renderMermaid(node.value, theme, options)));
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

    found.forEach(({ node, index, parent }, n) => {
      const [light, dark] = rendered[n]!;
      if (!light!.title || !light!.description) {
        file.fail(
          'Every Mermaid diagram needs a text alternative: add an `accTitle: ...` and an `accDescr: ...` line',
          { place: node.position },
        );
      }
      const prefix = `mmd-${fileTag}-${n + 1}`;
      const variants: ElementContent[] = [
        { type: 'element', tagName: 'div', properties: { className: ['diagram-light'] }, children: [svgElement(light!.svg, `${prefix}-l`)] },
        { type: 'element', tagName: 'div', properties: { className: ['diagram-dark'] }, children: [svgElement(dark!.svg, `${prefix}-d`)] },
      ];
      parent.children[index] = {
        type: 'mermaidDiagram',
        data: {
          hName: 'div',
          hProperties: { className: ['diagram'], dataPagefindIgnore: 'all' },
          hChildren: variants,
        },
      } as unknown as Code;
    });
  };
}
