import { describe, expect, it } from 'vitest';
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
