/**
 * `:term[visible text]{#glossary-id}` (or `:term[Glossary term]` when the text slugifies to the id)
 * links a term to its glossary entry and carries the definition for the hover/focus/tap tooltip.
 * An unknown term fails the build.
 */
import type { Root, PhrasingContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { slug } from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { fail } from './util.ts';
import { glossaryPath, withBase } from '../lib/url.ts';

export interface GlossaryTermsOptions {
  /** id -> definition for every glossary entry. */
  glossary: Map<string, { term: string; definition: string }>;
  base: string;
}

export default function remarkGlossaryTerms(options: GlossaryTermsOptions) {
  return (tree: Root, file: VFile) => {
    let count = 0;
    visit(tree, 'textDirective', (node: TextDirective) => {
      if (node.name !== 'term') return;
      const text = toString(node).trim();
      const id = node.attributes?.id ?? slug(text);
      const entry = options.glossary.get(id);
      if (!entry) {
        fail(file, `Unknown glossary term "${id}" in :term[${text}]: add it to glossary.yaml or write :term[${text}]{#existing-id}`, node);
      }
      count += 1;
      const tipId = `term-tip-${count}`;
      const link: PhrasingContent = {
        type: 'link',
        url: withBase(options.base, glossaryPath(id)),
        children: node.children,
        data: { hProperties: { className: ['term-link'], ariaDescribedBy: [tipId] } },
      };
      const tip: PhrasingContent = {
        type: 'emphasis',
        children: [{ type: 'text', value: entry.definition }],
        data: { hName: 'span', hProperties: { id: tipId, role: 'tooltip', className: ['term-tip'], dataPagefindIgnore: '' } },
      };
      node.children = [link, tip];
      node.data = { hName: 'span', hProperties: { className: ['term'], dataTerm: id } };
    });
  };
}
