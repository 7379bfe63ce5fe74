/**
 * Whole-pipeline snapshots of two representative pages, as starlight does for its Markdown
 * processor. The element-level tests next to this file say what must hold; these catch any other
 * change in the markup (review the diff, then update with `npm run test:unit -- -u`).
 */
import { describe, expect, it } from 'vitest';
import { md, render } from '../support/render.ts';

const chapter = md(
  'Picture a team whose model silently degrades [@sculley2015].',
  '',
  ':::note[A word about names]',
  'Some call it :term[Technical debt], others :term[interest]{#technical-debt}.',
  ':::',
  '',
  '## The cost of errors',
  '',
  'The expected cost is :ref[eq-cost]; :ref[fig-matrix] sums it up, as :ref[later-on] explains.[^1]',
  '',
  ':::equation{#eq-cost}',
  '$$',
  'C = N \\pi (1 - r) c_{\\text{FN}}',
  '$$',
  ':::',
  '',
  ':::figure[Where each principle matters most.]{#fig-matrix}',
  '| Principle | Stage |',
  '| --- | --- |',
  '| Modularity | Core |',
  ':::',
  '',
  '### Later on',
  '',
  ':::warning',
  'A ratio:high warning with $x^2$ inline.',
  ':::',
  '',
  '[^1]: Rounded figures.',
);

describe('pipeline snapshots', () => {
  it('a chapter page', async () => {
    const { html, frontmatter } = await render(chapter, { base: '/book/' });
    expect(frontmatter).toEqual({ number: 3, minutesRead: 1 });
    await expect(html).toMatchFileSnapshot('__snapshots__/chapter.html');
  });

  it('a page without a chapter number', async () => {
    const { html } = await render(md('## About', '', 'Cited [@huyen2022]; see :ref[about].'), { chapter: null });
    await expect(html).toMatchFileSnapshot('__snapshots__/unnumbered-page.html');
  });
});
