/**
 * Wide tables scroll sideways on a phone instead of widening the page. The scrolling wrapper is
 * focusable and labelled so keyboard users can scroll it too (WCAG 2.1.1; axe's
 * scrollable-region-focusable).
 */
import type { Root, Element } from 'hast';
import { visit } from 'unist-util-visit';

export default function rehypeTableScroll() {
  return (tree: Root) => {
    let count = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return undefined;
      count += 1;
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: `Table ${count}, scrolls sideways when wide` },
        children: [node],
      };
      return 'skip';
    });
  };
}
