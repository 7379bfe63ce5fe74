import { describe, expect, it } from 'vitest';
import { $, $$, squash } from '../support/html.ts';
import { md, render, renderError } from '../support/render.ts';

const table = ['| a | b |', '| - | - |', '| 1 | 2 |'];

describe('figures', () => {
  it('wraps the content in a figure with the id and a numbered caption at the end', async () => {
    const { html } = await render(md('Intro.', '', ':::figure[Where each principle matters *most*.]{#fig-matrix}', ...table, ':::'));
    const figure = $(html, 'figure#fig-matrix');
    expect(figure.attrs.class?.split(' ')[0]).toBe('figure');
    expect('data-figure' in figure.attrs).toBe(true);
    const caption = $(figure.html, 'figcaption.figure-caption');
    expect($(caption.html, 'span.figure-label').text).toBe('Figure 3.1.');
    expect(squash(caption.text)).toBe('Figure 3.1. Where each principle matters most.');
    expect($(caption.html, 'em').text).toBe('most');
    // The caption comes after the content.
    const last = figure.node.children.filter((c) => c.type === 'element').at(-1);
    expect(last && 'tagName' in last ? last.tagName : undefined).toBe('figcaption');
    expect($$(figure.html, 'table')).toHaveLength(1);
  });

  it('resolves citations in a caption', async () => {
    const { html } = await render(md(':::figure[A matrix adapted from @huyen2022.]{#fig-cited}', ...table, ':::'));
    const caption = $(html, 'figcaption.figure-caption');
    expect($(caption.html, 'a').attrs.href).toBe('#bib-huyen2022');
    expect(squash(caption.text)).toBe('Figure 3.1. A matrix adapted from Huyen (2022).');
  });

  it('numbers figures in order using the chapter number from the frontmatter', async () => {
    const source = md(':::figure[First.]{#fig-one}', ...table, ':::', '', ':::figure[Second.]{#fig-two}', ...table, ':::');
    const three = await render(source);
    expect($$(three.html, 'span.figure-label').map((s) => s.text)).toEqual(['Figure 3.1.', 'Figure 3.2.']);
    const seven = await render(source, { chapter: 7 });
    expect($$(seven.html, 'span.figure-label').map((s) => s.text)).toEqual(['Figure 7.1.', 'Figure 7.2.']);
  });

  it('leaves figures unnumbered on a page without a chapter number', async () => {
    const { html } = await render(md(':::figure[Plain.]{#fig-one}', ...table, ':::'), { chapter: null });
    expect($$(html, 'span.figure-label')).toHaveLength(0);
    expect($(html, 'figcaption').text).toBe('Plain.');
  });

  it('fails without an id, at the figure line', async () => {
    const error = await renderError(md('Intro.', '', ':::figure[No id.]', ...table, ':::'));
    expect(error.message).toContain('A :::figure needs an id such as {#fig-name}');
    expect(error.line).toBe(3);
  });

  it('fails with an id that is not lowercase-hyphenated', async () => {
    const error = await renderError(md(':::figure[Bad id.]{#Fig_One}', ...table, ':::'));
    expect(error.message).toContain('A :::figure needs an id');
    expect(error.line).toBe(1);
  });

  it('fails without a caption, naming the figure', async () => {
    const error = await renderError(md('Intro.', '', '', ':::figure{#fig-bare}', ...table, ':::'));
    expect(error.message).toContain('Figure "fig-bare" needs a caption: write :::figure[Caption]{#fig-bare}');
    expect(error.line).toBe(4);
  });

  it('fails when the figure has a caption but no content', async () => {
    const error = await renderError(md(':::figure[Nothing inside.]{#fig-empty}', ':::'));
    expect(error.message).toContain('Figure "fig-empty" is empty');
  });
});

describe('equations', () => {
  it('wraps one display formula and numbers it "(3.1)"', async () => {
    const { html } = await render(md(':::equation{#eq-cost}', '$$', 'C = N \\pi (1 - r)', '$$', ':::'));
    const equation = $(html, 'div#eq-cost');
    expect(equation.attrs.class?.split(' ')[0]).toBe('equation');
    expect('data-equation' in equation.attrs).toBe(true);
    expect($$(equation.html, 'span.katex-display')).toHaveLength(1);
    expect($(equation.html, 'span.equation-number').text).toBe('(3.1)');
  });

  it('numbers equations separately from figures', async () => {
    const { html } = await render(
      md(':::equation{#eq-a}', '$$', 'a', '$$', ':::', '', ':::figure[F.]{#fig-a}', ...table, ':::', '', ':::equation{#eq-b}', '$$', 'b', '$$', ':::'),
    );
    expect($$(html, 'span.equation-number').map((s) => s.text)).toEqual(['(3.1)', '(3.2)']);
    expect($(html, 'span.figure-label').text).toBe('Figure 3.1.');
  });

  it('fails without an id', async () => {
    const error = await renderError(md(':::equation', '$$', 'a', '$$', ':::'));
    expect(error.message).toContain('A :::equation needs an id such as {#eq-name}');
    expect(error.line).toBe(1);
  });

  it('fails with a label', async () => {
    const error = await renderError(md(':::equation[Cost]{#eq-cost}', '$$', 'a', '$$', ':::'));
    expect(error.message).toContain('Equation "eq-cost" takes no label: write :::equation{#eq-cost}');
  });

  it('fails unless it holds exactly one display formula', async () => {
    const prose = await renderError(md('Intro.', '', ':::equation{#eq-prose}', 'Just words $a$.', ':::'));
    expect(prose.message).toContain('Equation "eq-prose" must contain exactly one $$ ... $$ display formula');
    expect(prose.line).toBe(3);
    const two = await renderError(md(':::equation{#eq-two}', '$$', 'a', '$$', '', '$$', 'b', '$$', ':::'));
    expect(two.message).toContain('Equation "eq-two" must contain exactly one');
  });
});
