/**
 * Citations with rehype-citation (author-year, from references.bib), made cheap per file:
 *
 * - rehype-citation parses the whole BibTeX file again for every page it processes. Here it gets
 *   a `Cite` that hands back the bibliography already parsed from the same text (the text is the
 *   key, so an edited .bib is parsed afresh). Its CSL engine is already shared by citation-js.
 * - rehype-citation tries its citation pattern on every text of the page. It gets only the
 *   top-level blocks that have an "@" in some text (every citation form has one); the reference
 *   list it makes is then appended to the page and the footnotes moved after it, as it would do.
 *   A page with no "@" and without `noCite` cites nothing and skips the plugin.
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

/** Whether any text in the subtree contains "@" (every citation form does). */
function mentionsAt(node: Root | Element): boolean {
  const stack: (Root | Element)[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const child of current.children) {
      if (child.type === 'text' && child.value.includes('@')) return true;
      if (child.type === 'element') stack.push(child);
    }
  }
  return false;
}

/**
 * What rehype-citation does last: a footnotes section whose `dataFootnotes` property is truthy goes
 * to the end of the page. (After rehype-raw, as in Astro's MDX pipeline, the property is an empty
 * string, so the footnotes stay where they are.)
 */
function moveFootnotesLast(tree: Root): void {
  let found: Element | undefined;
  const walk = (parent: Root | Element) => {
    for (let i = 0; i < parent.children.length; i++) {
      const node = parent.children[i]!;
      if (node.type !== 'element') continue;
      if (node.tagName === 'section' && node.properties.dataFootnotes) {
        found = node;
        parent.children.splice(i, 1);
        i -= 1;
      } else walk(node);
    }
  };
  walk(tree);
  if (found) tree.children.push(found);
}

/** rehype-citation's own reading of a frontmatter field (remark-frontmatter, VFile or Astro data). */
function frontmatterField(file: VFile, name: string): unknown {
  const data = file.data as { matter?: Record<string, unknown>; frontmatter?: Record<string, unknown>; astro?: { frontmatter?: Record<string, unknown> } };
  const source = [data.matter, data.frontmatter, data.astro?.frontmatter].find((s) => s && name in s);
  return source?.[name];
}

/** Styles that cite in the text (not in notes): for them, giving the plugin part of the page is the same. */
const inTextStyles = new Set(['apa', 'harvard1', 'mla', 'vancouver']);

/** A paragraph of just "[^ref]" marks where rehype-citation puts the reference list. */
const hasListPlaceholder = (tree: Root): boolean => JSON.stringify(tree).includes('"value":"[^ref]"');

export default function rehypeCite(options: CiteOptions) {
  const cite = (rehypeCitation as (options: CiteOptions) => (tree: Root, file: VFile) => Promise<void>)(options);
  return async (tree: Root, file: VFile): Promise<void> => {
    const citing = tree.children.filter((node): node is Element => node.type === 'element' && mentionsAt(node));
    if (citing.length === 0 && !frontmatterField(file, 'noCite')) return moveFootnotesLast(tree);
    if (!inTextStyles.has(options.csl) || hasListPlaceholder(tree)) return cite(tree, file);
    // The plugin changes the blocks it is given in place (they are the page's own nodes); what it
    // adds, the reference list, is appended to the page.
    const part: Root = { type: 'root', children: [...citing] };
    await cite(part, file);
    tree.children.push(...part.children.filter((node) => !citing.includes(node as Element)));
    moveFootnotesLast(tree);
  };
}
