/**
 * Citations with rehype-citation (author-year, from references.bib), made cheap per file:
 *
 * - rehype-citation parses the whole BibTeX file again for every page it processes. Here it gets
 *   a `Cite` that hands back the bibliography already parsed from the same text (the text is the
 *   key, so an edited .bib is parsed afresh). Its CSL engine is already shared by citation-js.
 * - A page with no "@" in any text cannot cite anything, and a page without `noCite` then gets no
 *   reference list: it skips the plugin. The one other thing the plugin does, moving the
 *   footnotes after the reference list, is done here too, so the output is the same.
 *
 * Unknown keys are reported afterwards by rehype-references.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { Cite, rehypeCitationGenerator } from 'rehype-citation';

export interface CiteOptions {
  /** Folder of the bibliography. */
  path: string;
  /** File name of the bibliography in `path`. */
  bibliography: string;
  csl: string;
  linkCitations?: boolean;
}

type CiteInstance = { data: unknown[] };
type CiteConstructor = { new (data: unknown, options?: unknown): CiteInstance; plugins: unknown };

const parsed = new Map<string, CiteInstance>();
/** How many times a bibliography was actually parsed (for tests). */
export let bibliographyParses = 0;

/** citation-js's Cite, except that the same input gives back the same parsed bibliography. */
function SharedCite(data: unknown, options?: unknown): CiteInstance {
  const key = JSON.stringify([data, options]);
  let cite = parsed.get(key);
  if (!cite) {
    bibliographyParses += 1;
    cite = new (Cite as unknown as CiteConstructor)(data, options);
    parsed.set(key, cite);
  }
  return cite;
}
SharedCite.plugins = (Cite as unknown as CiteConstructor).plugins;

const rehypeCitation = rehypeCitationGenerator(SharedCite);

/** Whether any text in the tree contains "@" (every citation form does). */
function mentionsAt(tree: Root): boolean {
  const stack: (Root | Element)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.children) {
      if (child.type === 'text' && child.value.includes('@')) return true;
      if (child.type === 'element') stack.push(child);
    }
  }
  return false;
}

/** rehype-citation's own reading of a frontmatter field (remark-frontmatter, VFile or Astro data). */
function frontmatterField(file: VFile, name: string): unknown {
  const data = file.data as { matter?: Record<string, unknown>; frontmatter?: Record<string, unknown>; astro?: { frontmatter?: Record<string, unknown> } };
  const source = [data.matter, data.frontmatter, data.astro?.frontmatter].find((s) => s && name in s);
  return source?.[name];
}

export default function rehypeCite(options: CiteOptions) {
  const cite = (rehypeCitation as (options: CiteOptions) => (tree: Root, file: VFile) => Promise<void>)(options);
  return async (tree: Root, file: VFile): Promise<void> => {
    if (mentionsAt(tree) || frontmatterField(file, 'noCite')) return cite(tree, file);
    // What rehype-citation does on a page without citations: the footnotes move to the end.
    const index = tree.children.findIndex((node) => node.type === 'element' && node.tagName === 'section' && node.properties.dataFootnotes !== undefined);
    if (index !== -1) tree.children.push(...tree.children.splice(index, 1));
  };
}
