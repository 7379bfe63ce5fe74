/**
 * `:ref[target-id]` becomes a placeholder link that rehype-book-numbering fills with the number
 * of the figure, equation or section it points to ("Figure 1.2", "Section 1.3").
 */
import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { fail } from './util.ts';

export default function remarkXref() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'textDirective', (node: TextDirective) => {
      if (node.name !== 'ref') return;
      const target = toString(node).trim().replace(/^#/, '');
      if (!target) fail(file, 'A :ref[...] needs the id of a figure, equation or section', node);
      node.children = [];
      node.data = { hName: 'a', hProperties: { dataRef: target, className: ['xref'] } };
    });
  };
}
