import { describe, expect, it } from 'vitest';
import { $, $$ } from '../support/html.ts';
import { md, render, renderError } from '../support/render.ts';

const chapter = (...lines: string[]) =>
  md(
    'Intro.',
    '',
    '## Setting the scene',
    '',
    ':::figure[First.]{#fig-first}',
    '| a |',
    '| - |',
    ':::',
    '',
    ':::figure[Second.]{#fig-second}',
    '| b |',
    '| - |',
    ':::',
    '',
    ':::equation{#eq-cost}',
    '$$',
    'C = 1',
    '$$',
    ':::',
    '',
    '## Why design matters',
    '',
    '### From the lab to production',
    '',
    ...lines,
  );

describe(':ref cross-references', () => {
  it('prints the number of a figure, an equation and a section, with a link', async () => {
    const { html } = await render(chapter('See :ref[fig-second], :ref[eq-cost], :ref[why-design-matters] and :ref[from-the-lab-to-production].'));
    const links = $$(html, 'a.xref');
    expect(links.map((a) => [a.text, a.attrs.href])).toEqual([
      ['Figure 3.2', '#fig-second'],
      ['Equation (3.1)', '#eq-cost'],
      ['Section 3.2', '#why-design-matters'],
      ['Section 3.2.1', '#from-the-lab-to-production'],
    ]);
    expect(links.every((a) => !('data-ref' in a.attrs))).toBe(true);
  });

  it('resolves references that come before their target and tolerates a leading #', async () => {
    const { html } = await render(md('As :ref[#fig-later] shows.', '', ':::figure[Later.]{#fig-later}', '| a |', '| - |', ':::'));
    expect($(html, 'a.xref').text).toBe('Figure 3.1');
    expect($(html, 'a.xref').attrs.href).toBe('#fig-later');
  });

  it('uses the heading text for a section without a number', async () => {
    const { html } = await render(md('## Summary', '', 'Back to :ref[summary].'), { chapter: null });
    expect($(html, 'a.xref').text).toBe('Summary');
  });

  it('fails on an unknown id, naming it, listing known ids and giving the line', async () => {
    const error = await renderError(chapter('', 'Nothing is called :ref[fig-missing].'));
    expect(error.message).toContain('Unknown cross-reference :ref[fig-missing]');
    expect(error.message).toContain('Known ids: fig-first, fig-second, eq-cost');
    expect(error.line).toBe(26);
    expect(error.column).toBe(19);
  });

  it('fails on an empty :ref[]', async () => {
    const error = await renderError(md('Text.', '', 'An empty :ref[] here.'));
    expect(error.message).toContain('A :ref[...] needs the id of a figure, equation or section');
    expect(error.line).toBe(3);
  });
});
