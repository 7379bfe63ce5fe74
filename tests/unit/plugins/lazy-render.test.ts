import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import rehypeLazyRender, { ESTIMATE, estimateHeightEm } from '../../../src/plugins/rehype-lazy-render.ts';
import { RAW_HTML_PROPERTY } from '../../../src/plugins/util.ts';
import { md, render } from '../support/render.ts';

interface Block {
  tag: string;
  classes: string[];
  /** The estimated height in em, when the block is marked. */
  estimate: number | undefined;
}

/** The top-level elements of a rendered page. */
function blocks(html: string): Block[] {
  return fromHtml(html, { fragment: true }).children.flatMap((node) => {
    if (node.type !== 'element') return [];
    const classes = ((node.properties.className as string[] | undefined) ?? []).map(String);
    const size = /contain-intrinsic-size: auto (\d+)em/.exec(String(node.properties.style ?? ''))?.[1];
    return [{ tag: node.tagName, classes, estimate: size === undefined ? undefined : Number(size) }];
  });
}
const marked = (list: Block[]) => list.map((b) => b.classes.includes('lazy-render'));

describe('blocks the browser may skip while off screen', () => {
  it('marks prose, lists, quotes and callouts, links and citations included, with an estimated height', async () => {
    const page = blocks(
      await render(
        md(
          'Plain text with $x^2$ inline.',
          '',
          'A citation [@huyen2022] and [a link](https://example.org).',
          '',
          '- one',
          '- two',
          '',
          '> Quoted.',
          '',
          ':::note',
          'A plain note.',
          ':::',
        ),
      ).then((r) => r.html),
    );
    const shown = page.filter((b) => ['p', 'ul', 'blockquote'].includes(b.tag) || b.classes.includes('callout'));
    expect(shown.map((b) => b.tag)).toEqual(['p', 'p', 'ul', 'blockquote', 'div']);
    expect(marked(shown)).toEqual([true, true, true, true, true]);
    expect(shown.every((b) => b.estimate !== undefined && b.estimate >= 2)).toBe(true);
  });

  it('leaves alone blocks with a glossary term and headings', async () => {
    const page = blocks((await render(md('## A section', '', 'A term :term[Data drift] pops out.', '', 'Plain.'))).html);
    expect(page.filter((b) => ['h2', 'p'].includes(b.tag)).map((b) => [b.tag, b.classes.includes('lazy-render')])).toEqual([
      ['h2', false],
      ['p', false],
      ['p', true],
    ]);
  });

  it('marks display equations, figures and scrolling tables, keeping their own classes', async () => {
    const { html } = await render(
      md(':::equation{#eq-cost}', '$$', 'C = 1', '$$', ':::', '', ':::figure[A picture.]{#fig-picture}', '![A bar chart](/chart.png)', ':::', '', '| a |', '| - |', '| 1 |'),
    );
    const page = blocks(html);
    expect(page.find((b) => b.classes.includes('equation'))?.classes).toEqual(['equation', 'lazy-render']);
    expect(marked(page.filter((b) => b.tag === 'figure'))).toEqual([true]);
    expect(page.find((b) => b.classes.includes('table-scroll'))?.classes).toEqual(['table-scroll', 'lazy-render']);
    // An image is counted at its assumed height.
    expect(page.find((b) => b.tag === 'figure')!.estimate).toBeGreaterThanOrEqual(ESTIMATE.imageEm);
  });

  it('leaves MDX components alone and appends to a style already there', () => {
    const figure = (child: unknown) => ({ type: 'element', tagName: 'figure', properties: {}, children: [child] });
    const tree = {
      type: 'root',
      children: [
        figure({ type: 'mdxJsxFlowElement', name: 'MetricCalculator', attributes: [], children: [] }),
        figure({ type: 'mdxJsxFlowElement', name: 'div', attributes: [{ type: 'mdxJsxExpressionAttribute', value: '{...props}' }], children: [] }),
        { type: 'element', tagName: 'p', properties: { style: 'color: red' }, children: [{ type: 'text', value: 'Styled.' }] },
        { type: 'element', tagName: 'section', properties: {}, children: [] },
      ],
    } as unknown as Root;
    rehypeLazyRender()(tree);
    const elements = tree.children as Element[];
    expect(elements.map((node) => (node.properties.className as string[] | undefined)?.includes('lazy-render') === true)).toEqual([false, false, true, false]);
    expect(elements[2]!.properties.style).toBe(`color: red; contain-intrinsic-size: auto ${estimateHeightEm(elements[2]!)}em`);
  });
});

describe('estimateHeightEm', () => {
  const p = (...children: unknown[]) => ({ type: 'element', tagName: 'p', properties: {}, children }) as unknown as Element;
  const text = (value: string) => ({ type: 'text', value });
  const raw = (markup: string, className?: string) => ({
    type: 'mdxJsxTextElement',
    name: 'span',
    attributes: [...(className ? [{ type: 'mdxJsxAttribute', name: 'class', value: className }] : []), { type: 'mdxJsxAttribute', name: RAW_HTML_PROPERTY, value: markup }],
    children: [],
  });

  it('grows with the text, a line per charsPerLine characters', () => {
    const short = estimateHeightEm(p(text('x'.repeat(ESTIMATE.charsPerLine))));
    const long = estimateHeightEm(p(text('x'.repeat(ESTIMATE.charsPerLine * 10))));
    expect(long - short).toBeGreaterThanOrEqual(Math.floor(9 * ESTIMATE.lineEm));
  });

  it('counts a diagram once (light and dark copies) at its full SVG height', () => {
    const svg = '<svg viewBox="0 0 400 700"></svg>';
    const one = estimateHeightEm(p(raw(svg)));
    const pair = estimateHeightEm(p(raw(svg + svg)));
    expect(pair).toBe(one);
    expect(one).toBeGreaterThanOrEqual(700 / ESTIMATE.pxPerEm);
  });

  it('counts inline formulas by their TeX and display formulas by their rows', () => {
    const inline = estimateHeightEm(p(raw(`<annotation encoding="application/x-tex">${'a+'.repeat(ESTIMATE.charsPerLine * 2)}</annotation>`)));
    expect(inline).toBeGreaterThanOrEqual(2 * ESTIMATE.lineEm);
    const oneRow = estimateHeightEm(p(raw('<annotation encoding="application/x-tex">a = b</annotation>', 'katex-display')));
    const threeRows = estimateHeightEm(p(raw('<annotation encoding="application/x-tex">a \\\\ b \\\\ c</annotation>', 'katex-display')));
    expect(oneRow).toBeGreaterThanOrEqual(ESTIMATE.displayMathEm);
    expect(threeRows - oneRow).toBeGreaterThanOrEqual(Math.floor(2 * ESTIMATE.lineEm));
  });

  it('adds room for form controls', () => {
    const control = (tagName: string) => ({ type: 'element', tagName, properties: {}, children: [] });
    const plain = estimateHeightEm(p(text('Question?')));
    expect(estimateHeightEm(p(text('Question?'), control('button'), control('input'))) - plain).toBeGreaterThanOrEqual(2 * ESTIMATE.controlEm);
    expect(estimateHeightEm(p(text('Question?'), control('textarea'))) - plain).toBeGreaterThanOrEqual(ESTIMATE.textareaEm);
  });
});
