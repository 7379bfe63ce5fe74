import { describe, expect, it } from 'vitest';
import { $, $$ } from '../support/html.ts';
import { md, render } from '../support/render.ts';

describe('scrollable tables', () => {
  it('wraps each table in a focusable, labelled region', async () => {
    const table = ['| a | b |', '| - | - |', '| 1 | 2 |'];
    const { html } = await render(md(...table, '', 'Between.', '', ':::figure[In a figure.]{#fig-t}', ...table, ':::'));
    const wrappers = $$(html, 'div.table-scroll');
    expect(wrappers.map((w) => [w.attrs.role, w.attrs.tabindex, w.attrs['aria-label']])).toEqual([
      ['region', '0', 'Table 1, scrolls sideways when wide'],
      ['region', '0', 'Table 2, scrolls sideways when wide'],
    ]);
    expect(wrappers.every((w) => $$(w.html, 'table').length === 1)).toBe(true);
    expect($$($(html, 'figure#fig-t').html, 'div.table-scroll')).toHaveLength(1);
  });
});
