/**
 * Smart typography (“curly quotes”, ’ apostrophes, — for --, … for ...), with exactly the output of
 * the remark-smartypants + retext-smartypants pair Astro runs by default, at a fraction of the
 * cost. Astro's is turned off in astro.config.ts (`smartypants: false`) and this runs in its place,
 * first among our remark plugins.
 *
 * Why: Astro's version runs retext twice over each chapter, once on the whole text (quotes need
 * context across links and emphasis) and once more on every text node, each time parsing into a
 * natural-language tree, transforming and writing back (about 70 ms a chapter, the largest cost of
 * a warm build). Here the whole text is parsed once, only when it contains a quote, the quote rules
 * run on that tree directly, and a text node is parsed again only when it contains something the
 * second pass could change (--, ..., . . ., `` or ''). The rules below are retext-smartypants 6's
 * default ones, unchanged; tests/unit/plugins/smartypants.test.ts compares the output with the
 * original on the book, on a generated book and on edge cases.
 */
import type { Root } from 'mdast';
import { ParseLatin } from 'parse-latin';

/** A natural-language (nlcst) node as parse-latin builds it. */
interface Nl {
  type: string;
  value?: string;
  children?: Nl[];
}

const VISITED_NODES = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const BLOCK_NODES = new Set(['paragraph', 'heading', 'tableCell']);
const IGNORED_HTML_ELEMENTS = new Set(['style', 'script']);
const OPEN = ['“', '‘'] as const;
const CLOSE = ['”', '’'] as const;

interface MdNode {
  type: string;
  value?: unknown;
  name?: unknown;
  children?: MdNode[];
}

const isLiteral = (node: MdNode): node is MdNode & { value: string } => typeof node.value === 'string';

/** The nodes remark-smartypants visits, in its order (pre-order, as unist-util-visit walks). */
function collect(tree: MdNode): MdNode[] {
  const found: MdNode[] = [];
  const walk = (node: MdNode) => {
    for (const child of node.children ?? []) {
      const allowedParent = node.type !== 'mdxJsxTextElement' || (typeof node.name === 'string' && !IGNORED_HTML_ELEMENTS.has(node.name));
      if (allowedParent && VISITED_NODES.has(child.type) && (isLiteral(child) || BLOCK_NODES.has(child.type))) found.push(child);
      walk(child);
    }
  };
  walk(tree);
  return found;
}

const toString = (node: Nl): string => node.value ?? (node.children ?? []).map(toString).join('');
const isPunctuation = (node: Nl | undefined): boolean => node?.type === 'PunctuationNode' || node?.type === 'SymbolNode';

/** Visits every punctuation or symbol node in pre-order, over live child lists (as unist-util-visit). */
function eachPunctuation(tree: Nl, visit: (node: Nl, index: number, parent: Nl) => void): void {
  const walk = (parent: Nl) => {
    const children = parent.children!;
    for (let index = 0; index < children.length; index++) {
      const node = children[index]!;
      if (isPunctuation(node)) visit(node, index, parent);
      if (node.children) walk(node);
    }
  };
  walk(tree);
}

/** retext-smartypants' `quotesDefault`. */
function educateQuote(node: Nl, index: number, parent: Nl): void {
  const siblings = parent.children!;
  const value = node.value;
  if (value !== '"' && value !== "'") return;
  const quoteIndex = value === '"' ? 0 : 1;
  const previous = siblings[index - 1];
  const next = siblings[index + 1];
  const nextNext = siblings[index + 2];
  const nextValue = next ? toString(next) : '';
  if (next && isPunctuation(next) && (!nextNext || nextNext.type !== 'WordNode')) {
    node.value = CLOSE[quoteIndex];
  } else if (next && isPunctuation(next) && (nextValue === '"' || nextValue === "'") && nextNext && nextNext.type === 'WordNode') {
    node.value = OPEN[quoteIndex];
    next.value = OPEN[nextValue === '"' ? 0 : 1];
  } else if (next && /^\d\ds$/.test(nextValue)) {
    node.value = CLOSE[quoteIndex];
  } else if (previous && (previous.type === 'WhiteSpaceNode' || isPunctuation(previous)) && next && next.type === 'WordNode') {
    node.value = OPEN[quoteIndex];
  } else if (previous && previous.type !== 'WhiteSpaceNode' && !isPunctuation(previous)) {
    node.value = CLOSE[quoteIndex];
  } else if (!next || next.type === 'WhiteSpaceNode' || (value === "'" && nextValue === 's')) {
    node.value = CLOSE[quoteIndex];
  } else {
    node.value = OPEN[quoteIndex];
  }
}

/** retext-smartypants' `ellipsesDefault` (spaced, then unspaced), `backticksDefault`, `dashesDefault`. */
function educateOther(node: Nl, index: number, parent: Nl): void {
  const siblings = parent.children!;
  if (/^\.+$/.test(node.value!)) {
    const removed: Nl[] = [];
    let position = index;
    let count = 1;
    while (--position > 0) {
      let sibling = siblings[position]!;
      if (sibling.type !== 'WhiteSpaceNode') break;
      const queue = sibling;
      sibling = siblings[--position]!;
      if (sibling && isPunctuation(sibling) && /^\.+$/.test(sibling.value!)) {
        removed.push(queue, sibling);
        count++;
        continue;
      }
      break;
    }
    if (count >= 3) {
      siblings.splice(index - removed.length, removed.length);
      node.value = '…';
    }
  }
  if (/^\.{3,}$/.test(node.value!)) node.value = '…';
  if (node.value === '``') node.value = '“';
  else if (node.value === "''") node.value = '”';
  if (node.value === '--') node.value = '—';
}

const parse = (text: string): Nl => new ParseLatin().parse(text) as unknown as Nl;

/** The quotes pass over the whole text (length is kept: each quote becomes one character). */
export function educateQuotes(text: string): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  const tree = parse(text);
  eachPunctuation(tree, educateQuote);
  return toString(tree);
}

/** The second pass over one text node: ellipses, backticks, dashes. */
export function educatePunctuation(text: string): string {
  if (!/--|``|''|\.\.\.|\.\s+\./.test(text)) return text;
  const tree = parse(text);
  eachPunctuation(tree, educateOther);
  return toString(tree);
}

export default function remarkSmartypants() {
  return (tree: Root) => {
    const nodes = collect(tree as unknown as MdNode);
    let allText = '';
    for (const node of nodes) {
      if (isLiteral(node)) allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      else allText += ' '; // a block starts fresh: a quote at its start opens
    }
    allText = educateQuotes(allText);
    let start = 0;
    for (const node of nodes) {
      if (isLiteral(node)) {
        const end = start + node.value.length;
        if (node.type === 'text') node.value = educatePunctuation(allText.slice(start, end));
        start = end;
      } else {
        start += 1;
      }
    }
  };
}
