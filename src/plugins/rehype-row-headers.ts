/**
 * Row labels become row headers. GFM tables have no syntax for `<th scope="row">`, so the book's
 * convention is a first cell written entirely in bold (`| **Actually fraud** | 150 | ... |`): such a
 * cell becomes a row header, and a screen reader moving along the row announces it with each value
 * (WCAG 1.3.1). Cells that are only partly bold stay ordinary cells.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

const isBlank = (node: ElementContent): boolean => node.type === 'text' && node.value.trim() === '';

/** The bold element that is the cell's whole content, if it is. */
function onlyStrong(cell: Element): Element | undefined {
  const content = cell.children.filter((child) => !isBlank(child));
  const [first] = content;
  return content.length === 1 && first?.type === 'element' && first.tagName === 'strong' ? first : undefined;
}

export default function rehypeRowHeaders() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'tbody') return;
      for (const row of node.children) {
        if (row.type !== 'element' || row.tagName !== 'tr') continue;
        const cell = row.children.find((child): child is Element => child.type === 'element');
        if (!cell || cell.tagName !== 'td') continue;
        const strong = onlyStrong(cell);
        if (!strong) continue;
        cell.tagName = 'th';
        cell.properties = { ...cell.properties, scope: 'row' };
        cell.children = strong.children;
      }
    });
  };
}
