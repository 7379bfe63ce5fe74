/**
 * After rehype-citation: a citation key it did not know is left as plain "[@key]" text, silently.
 * This plugin fails the build on any such leftover (outside code), and gives the chapter's
 * reference list a heading so readers and the table of contents can find it.
 */
import type { Root, Element, Text } from 'hast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import { fail } from './util.ts';

/** The citation forms rehype-citation understands: [@key], [see @a; @b, p. 3], and @key in prose. */
const leftover = /\[[^[\]]*@[\p{L}\d_][^\s\];,]*[^[\]]*\]|(?<=^|\s)-?@[\p{L}\d_][\p{L}\d_:.#$%&+?<>~/-]*[\p{L}\d_]/u;

export function findUnresolvedCitation(value: string): string | undefined {
  return leftover.exec(value)?.[0];
}

export default function rehypeReferences() {
  return (tree: Root, file: VFile) => {
    visitParents(tree, 'text', (node: Text, ancestors) => {
      if (ancestors.some((a) => a.type === 'element' && ['code', 'pre', 'script', 'style'].includes(a.tagName))) return;
      const found = findUnresolvedCitation(node.value);
      if (found) {
        fail(file, `Unknown citation ${found}: the key is not in references.bib (or the citation sits where citations are not read, such as inside emphasis)`, node);
      }
    });
    const index = tree.children.findIndex(
      (child) => child.type === 'element' && child.properties.id === 'refs',
    );
    if (index === -1) return;
    const list = tree.children[index] as Element;
    const section: Element = {
      type: 'element',
      tagName: 'section',
      properties: { className: ['references'], ariaLabelledBy: ['references'], dataPagefindIgnore: '' },
      children: [
        { type: 'element', tagName: 'h2', properties: { id: 'references', className: ['unnumbered'] }, children: [{ type: 'text', value: 'References' }] },
        list,
      ],
    };
    tree.children.splice(index, 1, section);
  };
}
