/**
 * Marks the top-level blocks of a chapter that the browser may skip rendering while they are off
 * screen (class `lazy-render`, styled with `content-visibility: auto` in src/styles/prose.css), each
 * with an estimate of its height (`contain-intrinsic-size`).
 *
 * A chapter has 3,000-5,500 elements, most of them KaTeX's and the exercises'; laying them all out
 * on load, and again each time a KaTeX font arrives, kept a phone's main thread busy for hundreds of
 * milliseconds (Lighthouse's Total Blocking Time).
 *
 * - The estimate errs high, as if on a narrow phone: while a block is skipped its box has the
 *   estimated height, and content taller than that would spill over the next block, which tools
 *   that measure targets (axe's target-size) read as overlapping targets. Once a block has been
 *   shown the browser keeps its real height (`auto`), so scrolling stays smooth.
 * - Blocks with a glossary term are left alone: the containment that comes with
 *   `content-visibility` clips what overflows a block, and a term's definition pops out below it.
 *   Blocks with an MDX component (an explorable) are left alone too: their content is not known here.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { RAW_HTML_PROPERTY } from './util.ts';
import { classesOf } from './util.ts';

const LAZY_RENDER_CLASS = 'lazy-render';

/** Top-level blocks that may be skipped: these elements, and divs or sections of these classes. */
const blockTags = new Set(['p', 'ul', 'ol', 'blockquote', 'figure']);
const blockClasses = new Set(['equation', 'callout', 'table-scroll', 'exercise']);

/** Layout assumptions of the estimate, chosen to err high: a 320 px phone column. */
export const ESTIMATE = {
  /** Characters per line of body text (about 40 fit at 320 px). */
  charsPerLine: 28,
  /** One line, in em (the body line height is 1.7). */
  lineEm: 1.8,
  /** Each paragraph, list item, table cell, label or heading inside a block starts a line and adds a margin. */
  blockEm: 1.8,
  /** Padding and borders of the block itself (callouts, exercises). */
  paddingEm: 2,
  /** Form controls: buttons, text boxes, selects. */
  controlEm: 3,
  textareaEm: 9,
  /** A display formula, plus one line per row of an aligned environment. */
  displayMathEm: 5.5,
  imageEm: 30,
  /** Diagrams: their SVG height in px at full size (they only shrink on a phone), in 16 px em, plus a margin. */
  pxPerEm: 14,
};

const lineBreakingTags = new Set(['p', 'li', 'td', 'th', 'dt', 'dd', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'legend', 'label', 'fieldset', 'div', 'summary', 'pre', 'blockquote']);
const controlTags = new Set(['button', 'input', 'select']);

interface Tally {
  chars: number;
  blocks: number;
  em: number;
}

/** The TeX of a KaTeX rendering (its MathML annotation). */
const texAnnotation = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g;

/** A display formula: its base height plus a line per row break (`\\`) in its TeX. */
const displayMathEm = (tex: string): number => ESTIMATE.displayMathEm + ESTIMATE.lineEm * (tex.match(/\\\\/g)?.length ?? 0);

/** Adds what a raw HTML string (a formula, a diagram) takes up; `display` when its formulas are display formulas. */
function tallyMarkup(markup: string, tally: Tally, display: boolean): void {
  let svgEm = 0;
  for (const [svg] of markup.matchAll(/<svg\b[^>]*>/g)) {
    const height = /\bviewBox="[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+([\d.]+)"/.exec(svg)?.[1];
    if (height) svgEm = Math.max(svgEm, Number(height) / ESTIMATE.pxPerEm); // light and dark copies: count one
  }
  tally.em += svgEm;
  for (const [, tex = ''] of markup.matchAll(texAnnotation)) {
    if (display) tally.em += displayMathEm(tex);
    else tally.chars += tex.length;
  }
}

function tally(node: RootContent | ElementContent | JsxNode, into: Tally): void {
  if (node.type === 'text') into.chars += node.value.length;
  else if (node.type === 'raw') tallyMarkup(node.value, into, node.value.includes('katex-display'));
  else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    const jsx = node as JsxNode;
    // A display formula from rehype-math: the class is on the element, the markup is its content.
    const className = jsx.attributes.find((attribute) => attribute.name === 'class')?.value;
    const display = typeof className === 'string' && className.split(' ').includes('katex-display');
    for (const attribute of jsx.attributes) if (attribute.name === RAW_HTML_PROPERTY && typeof attribute.value === 'string') tallyMarkup(attribute.value, into, display || attribute.value.includes('katex-display'));
    for (const child of jsx.children) tally(child, into);
  } else if (node.type === 'element') {
    if (classesOf(node).includes('katex-display')) {
      into.em += ESTIMATE.displayMathEm;
      return;
    }
    if (node.tagName === 'math' || node.tagName === 'annotation') return;
    if (lineBreakingTags.has(node.tagName)) into.blocks += 1;
    if (controlTags.has(node.tagName)) into.em += ESTIMATE.controlEm;
    if (node.tagName === 'textarea') into.em += ESTIMATE.textareaEm;
    if (node.tagName === 'img') into.em += ESTIMATE.imageEm;
    if (node.tagName === 'svg') {
      const box = String(node.properties.viewBox ?? '').trim().split(/\s+/);
      if (box.length === 4) into.em += Number(box[3]) / ESTIMATE.pxPerEm;
      return;
    }
    for (const child of node.children) tally(child, into);
  }
}

/** An estimate of the block's height in em that errs high (see ESTIMATE). */
export function estimateHeightEm(node: Element): number {
  const into: Tally = { chars: 0, blocks: 0, em: 0 };
  for (const child of node.children) tally(child, into);
  const lines = Math.ceil(into.chars / ESTIMATE.charsPerLine);
  return Math.ceil(ESTIMATE.paddingEm + lines * ESTIMATE.lineEm + into.blocks * ESTIMATE.blockEm + into.em);
}

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: (ElementContent | JsxNode)[];
}

/** Whether the node holds a glossary term or an MDX component (whose markup is decided later). */
function excluded(node: RootContent | ElementContent | JsxNode): boolean {
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    const jsx = node as JsxNode;
    if (!jsx.name || !/^[a-z][a-z0-9-]*$/.test(jsx.name)) return true;
    if (jsx.attributes.some((attribute) => attribute.type !== 'mdxJsxAttribute')) return true; // spread attributes: unknown
    return jsx.children.some(excluded);
  }
  if (node.type !== 'element') return false;
  if (classesOf(node).includes('term')) return true;
  return node.children.some(excluded);
}

export default function rehypeLazyRender() {
  return (tree: Root) => {
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      const classes = classesOf(node);
      const block = blockTags.has(node.tagName) || (['div', 'section'].includes(node.tagName) && classes.some((c) => blockClasses.has(c)));
      if (!block || excluded(node)) continue;
      node.properties.className = [...classes, LAZY_RENDER_CLASS];
      const style = typeof node.properties.style === 'string' && node.properties.style.trim() ? `${node.properties.style.trim().replace(/;?$/, ';')} ` : '';
      node.properties.style = `${style}contain-intrinsic-size: auto ${estimateHeightEm(node)}em`;
    }
  };
}
