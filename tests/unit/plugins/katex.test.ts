import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeMath from '../../../src/plugins/rehype-math.ts';
import { $, $$ } from '../support/html.ts';
import { md, render, renderError } from '../support/render.ts';

describe('KaTeX at build time', () => {
  it('renders inline math to MathML plus HTML, kept out of search', async () => {
    const { html } = await render('Recall $r = \\frac{TP}{TP + FN}$ matters.');
    const katex = $(html, 'span.katex');
    expect('data-pagefind-ignore' in katex.attrs).toBe(true);
    const math = $(katex.html, 'math');
    expect(math.attrs.xmlns).toBe('http://www.w3.org/1998/Math/MathML');
    expect($$(math.html, 'mfrac')).toHaveLength(1);
    expect($(math.html, 'annotation').text).toBe('r = \\frac{TP}{TP + FN}');
    expect($$(katex.html, 'span.katex-html')[0]?.attrs['aria-hidden']).toBe('true');
  });

  it('renders display math as a block formula', async () => {
    const { html } = await render(md('Text.', '', '$$', 'D = (1 - A) \\times 730', '$$'));
    expect($$(html, 'span.katex-display')).toHaveLength(1);
    expect($(html, 'math').attrs.display).toBe('block');
  });

  it('fails on an invalid inline formula, naming the formula, line and column', async () => {
    const error = await renderError(md('Fine $a$.', '', 'Broken $\\frac{a$ here.'));
    expect(error.message).toContain('Invalid TeX in $\\frac{a$');
    expect(error.message).toContain("expected '}'");
    expect(error.line).toBe(3);
    expect(error.column).toBe(8);
  });

  it('fails on an invalid display formula with its line (the formula has no position of its own)', async () => {
    const error = await renderError(md('Intro.', '', ':::equation{#eq-broken}', '$$', 'E = \\frac{m c^2', '$$', ':::'));
    expect(error.message).toContain('Invalid TeX in $$ E = \\frac{m c^2 $$');
    expect(error.line).toBe(4);
  });

  it('fails on an unknown command', async () => {
    const error = await renderError('Oops $\\notacommand{x}$.');
    expect(error.message).toContain('Invalid TeX in $\\notacommand{x}$');
    expect(error.message).toContain('Undefined control sequence');
  });

  it('is strict: LaTeX-incompatible input fails too', async () => {
    const error = await renderError('Accent $é$ in math.');
    expect(error.message).toContain('Invalid TeX in $é$');
    expect(error.message).toContain('strict mode');
  });
});

describe('how formulas reach the page', () => {
  /** The hast tree our math plugin gives, for MDX or plain Markdown. */
  async function tree(markdown: string, path: string): Promise<HastRoot> {
    const file = new VFile({ value: markdown, path });
    const mdast = unified().use(remarkParse).use(remarkMath).parse(file);
    const hast = (await unified().use(remarkRehype).run(mdast, file)) as HastRoot;
    await unified().use(rehypeMath, { strict: 'error', output: 'htmlAndMathml' }).run(hast, file);
    return hast;
  }
  const jsx = (root: HastRoot) => {
    const found: { type: string; attributes: Record<string, unknown> }[] = [];
    visit(root, (node) => {
      const n = node as unknown as { type: string; attributes?: { name: string; value: unknown }[] };
      if (n.type.startsWith('mdxJsx')) found.push({ type: n.type, attributes: Object.fromEntries((n.attributes ?? []).map((a) => [a.name, a.value])) });
    });
    return found;
  };

  it('in MDX, as a string Astro writes out (set:html), marked for the search to ignore', async () => {
    const root = await tree('Inline $x^2$.\n\n$$\ny = 1\n$$', '/book/chapters/01-a.mdx');
    const [inline, display] = jsx(root);
    expect(inline).toMatchObject({ type: 'mdxJsxTextElement', attributes: { class: 'katex', 'data-pagefind-ignore': '' } });
    expect(String(inline!.attributes['set:html'])).toMatch(/^<span class="katex-mathml"><math/);
    expect(display).toMatchObject({ type: 'mdxJsxFlowElement', attributes: { class: 'katex-display' } });
    expect(String(display!.attributes['set:html'])).toMatch(/^<span class="katex" data-pagefind-ignore=""><span class="katex-mathml">/);
  });

  it('in a heading, as a tree, since the heading\'s text makes its id and the table of contents', async () => {
    const root = await tree('## The $F_1$ score', '/book/chapters/01-a.mdx');
    expect(jsx(root)).toEqual([]);
    const heading = root.children.find((n): n is Element => n.type === 'element' && n.tagName === 'h2')!;
    const katexSpan = heading.children.find((n): n is Element => n.type === 'element')!;
    expect(katexSpan.properties).toMatchObject({ className: ['katex'], dataPagefindIgnore: '' });
    expect(katexSpan.position).toBeUndefined();
    expect(toText(heading)).toContain('F');
  });

  it('in plain Markdown, as a tree', async () => {
    const root = await tree('Inline $x^2$.', '/book/pages/a.md');
    expect(jsx(root)).toEqual([]);
    expect(toHtml(root)).toContain('<span class="katex" data-pagefind-ignore="">');
  });
});
