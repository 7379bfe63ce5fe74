import { describe, expect, it } from 'vitest';
import { $$ } from '../support/html.ts';
import { md, render } from '../support/render.ts';

describe('row headers', () => {
  it('turns a first cell written entirely in bold into a row header, and nothing else', async () => {
    const { html } = await render(
      md(
        '| Actual class | Flagged | Not flagged |',
        '| --- | --- | --- |',
        '| **Actually fraud** | 150 | 50 |',
        '| **Actually genuine** | 250 | **99,550** |',
        '| Partly **bold** | 1 | 2 |',
        '| Plain | 3 | 4 |',
      ),
    );
    const rowHeaders = $$(html, 'th[scope=row]');
    expect(rowHeaders.map((th) => [th.text, th.attrs.scope])).toEqual([
      ['Actually fraud', 'row'],
      ['Actually genuine', 'row'],
    ]);
    // Bold later in the row, and a partly bold first cell, stay data cells.
    expect($$(html, 'td').filter((td) => td.html.includes('<strong>')).map((td) => td.text)).toEqual(['99,550', 'Partly bold']);
    expect($$(html, 'th').filter((th) => th.attrs.scope !== 'row')).toHaveLength(3);
  });
});
