/**
 * After rehype-citation: a citation key it did not know is left as plain "[@key]" text, silently.
 * This plugin fails the build on any such leftover (outside code), gives the chapter's reference
 * list a heading so readers and the table of contents can find it, and turns the DOIs and URLs that
 * the APA style writes as plain text in each entry into links.
 */
import type { Root, Element, Text } from 'hast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import { classesOf, fail } from './util.ts';

/** A URL in an entry's text; a final full stop or comma belongs to the sentence, not the URL. */
const url = /https?:\/\/[^\s<>"]+[^\s<>".,;:)]/g;

/** Wraps every URL in the entry's own text (not inside an existing link) in a link. */
function linkUrls(entry: Element): void {
  entry.children = entry.children.flatMap((child): Element['children'] => {
    if (child.type === 'element' && child.tagName !== 'a') {
      linkUrls(child);
      return [child];
    }
    if (child.type !== 'text') return [child];
    const parts: Element['children'] = [];
    let last = 0;
    for (const match of child.value.matchAll(url)) {
      if (match.index > last) parts.push({ type: 'text', value: child.value.slice(last, match.index) });
      parts.push({ type: 'element', tagName: 'a', properties: { href: match[0] }, children: [{ type: 'text', value: match[0] }] });
      last = match.index + match[0].length;
    }
    if (last < child.value.length) parts.push({ type: 'text', value: child.value.slice(last) });
    return parts;
  });
}

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
    visitParents(tree, 'element', (node: Element) => {
      if (classesOf(node).includes('csl-entry')) linkUrls(node);
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
