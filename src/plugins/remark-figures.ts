/**
 * `:::figure[Caption]{#fig-id}` wraps a diagram, table or image in a `<figure>` with a caption;
 * `:::equation{#eq-id}` wraps a display formula. Numbers are added later by rehype-book-numbering,
 * once the whole chapter is known.
 */
import type { Root, Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { fail } from './util.ts';

const idPattern = /^[a-z][a-z0-9-]*$/;

export default function remarkFigures() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'containerDirective', (node: ContainerDirective) => {
      if (node.name !== 'figure' && node.name !== 'equation') return;
      const id = node.attributes?.id;
      if (!id || !idPattern.test(id)) {
        fail(file, `A :::${node.name} needs an id such as {#${node.name === 'figure' ? 'fig' : 'eq'}-name} (lowercase, hyphens)`, node);
      }
      const first = node.children[0];
      const hasLabel = first?.type === 'paragraph' && first.data?.directiveLabel === true;
      if (node.name === 'figure') {
        if (!hasLabel) fail(file, `Figure "${id}" needs a caption: write :::figure[Caption]{#${id}}`, node);
        const label = node.children.shift() as Paragraph;
        // The caption text sits in a span: rehype-citation only reads citations inside p, div,
        // span, li, td and th, so "[@key]" directly in a <figcaption> would stay unresolved.
        const text: Paragraph = { type: 'paragraph', children: label.children, data: { hName: 'span', hProperties: { className: ['figure-caption-text'] } } };
        const caption: Paragraph = { type: 'paragraph', children: [text as unknown as Paragraph['children'][number]], data: { hName: 'figcaption', hProperties: { className: ['figure-caption'] } } };
        if (label.position) caption.position = label.position;
        if (node.children.length === 0) fail(file, `Figure "${id}" is empty`, node);
        node.children.push(caption);
        node.data = { hName: 'figure', hProperties: { id, className: ['figure'], dataFigure: '' } };
      } else {
        if (hasLabel) fail(file, `Equation "${id}" takes no label: write :::equation{#${id}}`, node);
        if (node.children.length !== 1 || node.children[0]?.type !== 'math') {
          fail(file, `Equation "${id}" must contain exactly one $$ ... $$ display formula`, node);
        }
        node.data = { hName: 'div', hProperties: { id, className: ['equation'], dataEquation: '' } };
      }
    });
  };
}
