import { test } from 'vitest';
import { render, renderError, md } from './support/render.ts';

test('scratch', async () => {
  const r = await render(md(
    'Intro with [@huyen2022] and :term[Technical debt] and :term[drift]{#data-drift}, ratio:high.',
    '',
    ':::note',
    'Default title.',
    ':::',
    '',
    ':::tip[Custom *title*]',
    'Body.',
    ':::',
    '',
    '## First section',
    '',
    'See :ref[fig-a], :ref[eq-a], :ref[second-section] and :ref[sub].',
    '',
    ':::figure[A caption.]{#fig-a}',
    '| a | b |',
    '| - | - |',
    '| 1 | 2 |',
    ':::',
    '',
    ':::equation{#eq-a}',
    '$$',
    'E = mc^2',
    '$$',
    ':::',
    '',
    '## Second section',
    '',
    '### Sub',
    '',
    'Inline $x^2$.',
  ));
  console.log(r.html);
  console.log(r.frontmatter);
  for (const src of [
    md('Text', '', '$$', '\\frac{a', '$$'),
    md('Text $\\frac{a$ inline'),
    md('Text', '', ':::equation{#eq-x}', '$$', '\\frac{a', '$$', ':::'),
  ]) {
    const e = await renderError(src);
    console.log('ERR', e.message, e.line, e.column);
  }
});
