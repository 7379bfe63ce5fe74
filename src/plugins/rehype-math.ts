/**
 * Formulas (`$...$`, `$$...$$` from remark-math) become KaTeX HTML + MathML at build time, as
 * rehype-katex does, with three differences:
 *
 * - A malformed formula fails the build naming the file, the line and the formula (rehype-katex
 *   only records a message and shows red text).
 * - KaTeX's markup is kept out of the search index and its excerpts (`data-pagefind-ignore`);
 *   beside it a `hidden` span holds the formula as plain text (lib/tex-text.ts), which the search
 *   indexes (Pagefind reads hidden elements) and nobody sees or hears, so excerpts read
 *   "F_1 = 2PR/(P + R)" instead of showing a gap. Headings get none: their text makes their ids.
 * - In MDX, outside headings, the formula goes into the page as a string (an element with Astro's
 *   `set:html`) instead of a parsed tree: KaTeX's output is a large share of a chapter's nodes, and
 *   no later plugin needs to walk it. Headings keep the parsed tree, since their text (math
 *   included) makes their ids and the table of contents; plain Markdown pages keep it too.
 *
 * Same markup as rehype-katex + the former rehype-katex-strict (tests/unit/plugins/katex.test.ts).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import katex, { type KatexOptions } from 'katex';
import { SKIP, visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { texToText } from '../lib/tex-text.ts';
import { RAW_HTML_PROPERTY } from './util.ts';
import { classesOf } from './util.ts';

export interface RehypeMathOptions extends Omit<KatexOptions, 'displayMode' | 'throwOnError'> {}

const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const PAGEFIND_IGNORE = 'data-pagefind-ignore';

/** The formula as written in the source, for the error message ("$\frac{a$", "$$ E = ... $$"). */
function failOnFormula(file: VFile, error: unknown, ancestors: (Root | Element)[], element: Element): never {
  const cause = error instanceof Error ? error : new Error(String(error));
  // A display formula's <code> comes from remark-math's hChildren and has no position: use the
  // nearest ancestor that has one (its <pre>), so the message still names the line.
  const place = element.position ?? [...ancestors].reverse().find((node) => node.position)?.position;
  const source = String(file.value ?? '');
  const formula =
    place?.start.offset !== undefined && place.end.offset !== undefined ? source.slice(place.start.offset, place.end.offset).replace(/\s+/g, ' ').trim() : undefined;
  const reason = cause.message.replace(/^KaTeX parse error: /, '');
  file.fail(`Invalid TeX${formula ? ` in ${formula}` : ''}: ${reason}`, place ? { place } : undefined);
}

/** KaTeX's markup as a JSX element that Astro writes out as it is: `<span class="katex" set:html>`. */
function rawElement(html: string, display: boolean): RootContent {
  const outer = /^<span class="([^"]*)">([\s\S]*)<\/span>$/.exec(html);
  if (!outer) throw new Error(`Unexpected KaTeX output: ${html.slice(0, 80)}`);
  const [, className, inner] = outer;
  const attributes: Record<string, string> = { class: className! };
  let content = inner!;
  // The search ignores the .katex element (display math: the one inside .katex-display).
  if (className!.split(' ').includes('katex')) attributes[PAGEFIND_IGNORE] = '';
  else content = content.replace(/^<span class="katex">/, `<span class="katex" ${PAGEFIND_IGNORE}="">`);
  attributes[RAW_HTML_PROPERTY] = content;
  return {
    type: display ? 'mdxJsxFlowElement' : 'mdxJsxTextElement',
    name: 'span',
    attributes: Object.entries(attributes).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value })),
    children: [],
  } as unknown as RootContent;
}

/** KaTeX's markup as a hast tree (no positions: they would point into KaTeX's string), its .katex elements marked for the search to ignore. */
function treeOf(html: string): ElementContent[] {
  const root = fromHtml(html, { fragment: true });
  visit(root, (node) => {
    delete node.position;
    if (node.type === 'element' && classesOf(node).includes('katex')) node.properties.dataPagefindIgnore = '';
  });
  return root.children as ElementContent[];
}

/** The formula as plain text for the search index only (`hidden`: not shown, not read aloud). */
function searchText(tex: string): Element {
  return { type: 'element', tagName: 'span', properties: { hidden: true, className: ['math-search-text'] }, children: [{ type: 'text', value: ` ${texToText(tex)} ` }] };
}

export default function rehypeMath(options: RehypeMathOptions = {}) {
  return (tree: Root, file: VFile) => {
    const mdx = /\.mdx$/i.test(file.path ?? '');
    visitParents(tree, 'element', (element: Element, ancestors) => {
      const parents = ancestors as (Root | Element)[];
      const classes = classesOf(element);
      const languageMath = classes.includes('language-math');
      const mathDisplay = classes.includes('math-display');
      if (!languageMath && !mathDisplay && !classes.includes('math-inline')) return undefined;
      let parent = parents.at(-1);
      let scope: Element = element;
      let display = mathDisplay;
      // ```math fences and $$ blocks: replace the <pre> around the <code>.
      if (element.tagName === 'code' && languageMath && parent?.type === 'element' && parent.tagName === 'pre') {
        scope = parent;
        parent = parents.at(-2);
        display = true;
      }
      if (!parent) return undefined;
      const value = toText(scope, { whitespace: 'pre' });
      let html: string;
      try {
        html = katex.renderToString(value, { ...options, displayMode: display, throwOnError: true });
      } catch (error) {
        failOnFormula(file, error, parents, element);
      }
      const inHeading = parents.some((node) => node.type === 'element' && headings.has(node.tagName));
      const replacement = [...(inHeading ? [] : [searchText(value)]), ...(mdx && !inHeading ? [rawElement(html, display)] : treeOf(html))];
      parent.children.splice(parent.children.indexOf(scope as never), 1, ...(replacement as never[]));
      return SKIP;
    });
  };
}
