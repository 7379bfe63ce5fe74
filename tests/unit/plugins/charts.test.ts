import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { $, $$ } from '../support/html.ts';
import { makeContentDir, md, render, renderError } from '../support/render.ts';
import { parseChart } from '../../../src/lib/charts/load.ts';
import { formatValue } from '../../../src/lib/charts/render.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const goodChart = `title: Cost against threshold
description: Expected cost falls to its lowest near a threshold of 0.4 and rises again after it.
x: { field: t, label: Decision threshold, domain: [0, 1] }
y: { field: cost, label: Expected cost, format: dollars }
series: { field: model, label: Model }
marks: [line, dot]
rules:
  - { axis: y, value: 75000, label: Budget }
notes:
  - { x: 0.4, y: 60000, text: Lowest cost }
  - { x: 0.9, y: 150000, text: "0.016 here" }
data:
  - { model: Fraud model, t: 0.1, cost: 120000 }
  - { model: Fraud model, t: 0.4, cost: 60000 }
  - { model: Fraud model, t: 0.9, cost: 150000 }
  - { model: Rules, t: 0.1, cost: 130000 }
  - { model: Rules, t: 0.9, cost: 160000 }
`;

function bookWith(charts: Record<string, string>): string {
  const dir = makeContentDir();
  dirs.push(dir);
  mkdirSync(join(dir, 'charts'));
  for (const [name, text] of Object.entries(charts)) writeFileSync(join(dir, 'charts', `${name}.yaml`), text);
  return dir;
}

const figure = (src: string) => md(':::figure[Cost against threshold.]{#fig-cost}', `::chart{src="${src}"}`, ':::', '', 'See :ref[fig-cost].');

describe('::chart', () => {
  const book = bookWith({ cost: goodChart });

  it('draws a numbered figure with an SVG named and described by the chart, a legend and the data as a table', async () => {
    const { html } = await render(figure('cost'), { contentDir: book });
    const fig = $(html, 'figure#fig-cost');
    expect(fig.html).toContain('Figure 3.1.');
    expect(html).toContain('<a class="xref" href="#fig-cost">Figure 3.1</a>');
    const svg = $(fig.html, 'svg.chart-svg');
    expect(svg.attrs.role).toBe('img');
    const [titleId, descId] = svg.attrs['aria-labelledby']!.split(' ');
    expect($(svg.html, `title#${titleId}`).text).toBe('Cost against threshold');
    expect($(svg.html, `desc#${descId}`).text).toContain('lowest near a threshold of 0.4');
    // Series colours are theme tokens, so one drawing serves light, dark and print; lines also differ by dash.
    expect(svg.html).toContain('stroke:var(--chart-1)');
    expect(svg.html).toContain('stroke:var(--chart-2)');
    expect(svg.html).toContain('stroke-dasharray="7 4"');
    expect(svg.html).not.toMatch(/#0[1-5]0[1-5]0[1-5]/);
    expect(svg.html).toContain('Lowest cost');
    // Text is written as given (coordinates are rounded, labels are not).
    expect(svg.html).toContain('0.016 here');
    expect(svg.html).toContain('Budget');
    expect($$($(fig.html, '.chart-legend').html, 'li').map((li) => li.text)).toEqual(['Fraud model', 'Rules']);
    // The data table: headers from the axis labels, one row per data row, values formatted.
    const table = $($(fig.html, '.chart-data').html, 'table');
    expect($$(table.html, 'th[scope=col]').map((th) => th.text)).toEqual(['Model', 'Decision threshold', 'Expected cost']);
    expect($$(table.html, 'th[scope=row]').map((th) => th.text)).toEqual(['Fraud model', 'Fraud model', 'Fraud model', 'Rules', 'Rules']);
    expect($$(table.html, 'td').slice(0, 2).map((td) => td.text)).toEqual(['0.1', '$120,000']);
    // Search skips the drawing and the numbers.
    expect($(fig.html, 'div.chart').attrs['data-pagefind-ignore']).toBe('all');
  });

  it('fails on an unknown chart and on a chart outside a figure, naming the file and line', async () => {
    const unknown = await renderError(md('Text.', '', ':::figure[A.]{#fig-a}', '::chart{src="nope"}', ':::'), { contentDir: book });
    expect(unknown.message).toMatch(/Unknown chart "nope": there is no .*charts\/nope\.yaml/);
    expect(unknown.line).toBe(4);
    const bare = await renderError(md('::chart{src="cost"}'), { contentDir: book });
    expect(bare.message).toContain('must sit inside a :::figure');
  });

  it('fails on bad chart data naming the chart file, the line and the field', async () => {
    const bad = bookWith({ broken: goodChart.replace('{ model: Rules, t: 0.9, cost: 160000 }', '{ model: Rules, t: 0.9, cost: lots }') });
    const error = await renderError(figure('broken'), { contentDir: bad });
    expect(error.message).toMatch(/charts\/broken\.yaml:17: field data\.4\.cost: y is a numeric axis, so "cost" must be a number \(got "lots"\)/);
  });
});

describe('bar charts', () => {
  it('keep the categories in the order the data lists them', async () => {
    const bars = bookWith({
      bars: `title: Parts of a system
description: Illustrative sizes of the parts of an ML system, with the ML code the smallest.
x: { field: size, label: Relative size }
y: { field: part, label: Component, type: band }
marks: [bar]
data:
  - { part: Serving, size: 6 }
  - { part: Configuration, size: 5 }
  - { part: ML code, size: 1 }
`,
    });
    const { html } = await render(figure('bars'), { contentDir: bars });
    const labels = [...$(html, 'svg.chart-svg').html.matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]).filter((t) => ['Serving', 'Configuration', 'ML code'].includes(t!));
    expect(labels).toEqual(['Serving', 'Configuration', 'ML code']);
  });
});

describe('chart data checks', () => {
  const issues = (text: string) => {
    try {
      parseChart('c.yaml', text);
    } catch (error) {
      return (error as Error).message;
    }
    return '';
  };

  it('accepts the example', () => {
    expect(parseChart('c.yaml', goodChart).data).toHaveLength(5);
  });

  it('names the line of a missing field, a wrong type, too many series and bars without categories', () => {
    expect(issues(goodChart.replace('{ model: Rules, t: 0.1, cost: 130000 }', '{ model: Rules, cost: 130000 }'))).toBe('c.yaml:16: field data.3: row 4 has no "t" field');
    expect(issues(goodChart.replace('marks: [line, dot]', 'marks: [bar]'))).toBe('c.yaml:6: field marks: bars need a band (category) axis: set type: band on x or y');
    const five = goodChart + ['A', 'B', 'C'].map((m) => `  - { model: ${m}, t: 0.5, cost: 1 }`).join('\n') + '\n';
    expect(issues(five)).toBe('c.yaml:5: field series: at most 4 series can be told apart (found 5)');
    expect(issues(goodChart.replace('description: Expected', 'descripton: Expected'))).toBe(
      'c.yaml:1: field description: is missing\nc.yaml:2: unknown field "descripton"',
    );
    expect(issues('title: [unclosed')).toMatch(/^c\.yaml:1: not valid YAML/);
  });
});

describe('formatValue', () => {
  it('writes percents, dollars, integers and numbers for readers', () => {
    expect(formatValue(0.256, 'percent')).toBe('25.6%');
    expect(formatValue(-156000, 'dollars')).toBe('−$156,000');
    expect(formatValue(1600.4, 'integer')).toBe('1,600');
    expect(formatValue(0.12345, 'number')).toBe('0.123');
    expect(formatValue(0.0164, 'number')).toBe('0.0164');
    expect(formatValue(0.002, 'number')).toBe('0.002');
    expect(formatValue('Rules', 'dollars')).toBe('Rules');
  });
});
