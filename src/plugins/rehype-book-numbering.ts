/**
 * Numbers a chapter once it is complete: sections (1.2, 1.2.3), figures ("Figure 1.2") and
 * display equations ("(1.1)"), then fills every `:ref[...]` link with the number of its target.
 * An unknown reference fails the build. Pages without a chapter number (the bibliography page)
 * only get their references checked.
 */
import type { Root, Element, ElementContent } from 'hast';
import type { VFile } from 'vfile';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { referenceLabel, sectionNumbers } from '../lib/numbering.ts';
import { fail, frontmatterOf } from './util.ts';

type Kind = 'section' | 'figure' | 'equation';

const hasClass = (node: Element, name: string): boolean => {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
};

const text = (value: string): ElementContent => ({ type: 'text', value });
const span = (className: string, value: string): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { className: [className] },
  children: [text(value)],
});

export default function rehypeBookNumbering() {
  return (tree: Root, file: VFile) => {
    const chapterNumber = frontmatterOf(file).number;
    const chapter = typeof chapterNumber === 'number' ? chapterNumber : undefined;
    const targets = new Map<string, { kind: Kind; number: string | undefined }>();

    const headings: Element[] = [];
    let figureCount = 0;
    let equationCount = 0;
    visit(tree, 'element', (node: Element) => {
      if (/^h[2-3]$/.test(node.tagName)) headings.push(node);
      if (chapter === undefined) return;
      if (node.properties.dataFigure !== undefined) {
        figureCount += 1;
        const number = `${chapter}.${figureCount}`;
        targets.set(String(node.properties.id), { kind: 'figure', number });
        visit(node, 'element', (child: Element) => {
          if (child.tagName === 'figcaption') {
            child.children.unshift(span('figure-label', `${referenceLabel('figure', number)}.`), text(' '));
            return 'skip';
          }
          return undefined;
        });
      }
      if (node.properties.dataEquation !== undefined) {
        equationCount += 1;
        const number = `${chapter}.${equationCount}`;
        targets.set(String(node.properties.id), { kind: 'equation', number });
        node.children.push(span('equation-number', `(${number})`));
      }
    });

    const numbered = headings.map((h) => ({
      depth: Number(h.tagName[1]),
      numbered: !hasClass(h, 'unnumbered') && h.properties.id !== 'footnote-label',
    }));
    const numbers = chapter === undefined ? headings.map(() => undefined) : sectionNumbers(chapter, numbered);
    headings.forEach((heading, i) => {
      const number = numbers[i];
      if (number) {
        heading.children.unshift(span('secnum', number), text(' '));
        heading.properties.dataSection = number;
      }
      if (heading.properties.id) targets.set(String(heading.properties.id), { kind: 'section', number });
    });

    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a' || node.properties.dataRef === undefined) return;
      const id = String(node.properties.dataRef);
      const target = targets.get(id);
      if (!target) {
        const known = [...targets.keys()].slice(0, 30).join(', ');
        fail(file, `Unknown cross-reference :ref[${id}]: no figure, equation or section has this id. Known ids: ${known}`, node);
      }
      node.properties.href = `#${id}`;
      delete node.properties.dataRef;
      const label = target.number
        ? referenceLabel(target.kind, target.number)
        : toString(headings.find((h) => h.properties.id === id) ?? node);
      node.children = [text(label)];
    });
  };
}
