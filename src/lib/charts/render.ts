/**
 * Draws a chart (`src/schemas/chart.ts`) as SVG at build time with Observable Plot, in a
 * server-side DOM (linkedom), so readers download no charting JavaScript.
 *
 * Theme: series colours are CSS custom properties (`--chart-1` ... `--chart-4`, defined for light,
 * dark and print in the site's styles) and text and axes use `currentColor`, so one SVG follows the
 * theme toggle and prints in light colours. Plot only takes colour values, so it draws with
 * placeholder colours that are swapped for `style="stroke: var(--chart-n)"` afterwards (a
 * presentation attribute cannot hold `var()` everywhere SVG is read).
 *
 * Accessibility: the SVG is `role="img"` named by the chart's title and described by its
 * description (`<title>`, `<desc>`); the data table beside it carries every value.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { Element } from 'hast';
import { h, s } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Chart, ChartFormat } from '../../schemas/chart.ts';

/** Drawing size in SVG units. Drawn narrow with large type so labels stay legible on a phone. */
export const chartSize = { width: 420, height: 300, fontSize: 14 } as const;

const placeholders = ['#010101', '#020202', '#030303', '#040404'];
/** Placeholder for the halo drawn behind notes (the page background). */
const halo = '#050505';
/** Dash pattern of each series' line, also drawn in the legend. */
export const dashes = ['none', '7 4', '2 3', '9 3 2 3'];

/** Formats a value the way the chart's axis (or table column) says. */
export function formatValue(value: number | string, format: ChartFormat): string {
  if (typeof value === 'string') return value;
  switch (format) {
    case 'percent':
      return `${trim(value * 100)}%`;
    case 'dollars':
      return `${value < 0 ? '−' : ''}$${Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
    case 'integer':
      return Math.round(value).toLocaleString('en-US').replace('-', '−');
    default:
      return Math.abs(value) >= 10000 ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }).replace('-', '−') : trim(value);
  }
}

/** Up to three decimals (three significant digits below 0.1), no trailing zeros, a real minus sign. */
const trim = (value: number): string =>
  String(Number(Math.abs(value) < 0.1 && value !== 0 ? value.toPrecision(3) : value.toFixed(3))).replace('-', '−');

/** Short tick labels: $40k, 1.6k, 25%. */
function tick(format: ChartFormat): (value: number | string) => string {
  return (value) => {
    if (typeof value === 'string') return value;
    const abs = Math.abs(value);
    const sign = value < 0 ? '−' : '';
    const compact = abs >= 1e6 ? `${trim(abs / 1e6)}M` : abs >= 1e4 ? `${trim(abs / 1e3)}k` : null;
    if (format === 'dollars') return `${sign}$${compact ?? trim(abs)}`;
    if (format === 'percent') return `${trim(value * 100)}%`;
    return compact ? sign + compact : format === 'integer' ? Math.round(value).toLocaleString('en-US').replace('-', '−') : trim(value);
  };
}

/** The series names in order of first appearance. */
export function seriesOf(chart: Chart): string[] {
  if (!chart.series) return [];
  return [...new Set(chart.data.map((row) => String(row[chart.series!.field])))];
}

/** The chart as an SVG string. `id` makes the title and description ids unique on the page. */
export function chartSvg(chart: Chart, id: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const series = seriesOf(chart);
  const x = chart.x.field;
  const y = chart.y.field;
  const seriesField = chart.series?.field;
  // One colour and one dash pattern per series, so lines differ by more than colour (WCAG 1.4.1).
  const seriesIndex = (row: Record<string, number | string>): number => (seriesField ? Math.max(0, series.indexOf(String(row[seriesField]))) : 0);
  const fill = (row: Record<string, number | string>) => placeholders[seriesIndex(row)]!;
  const groups = seriesField ? series.map((name) => chart.data.filter((row) => String(row[seriesField]) === name)) : [chart.data];
  const barHorizontal = chart.y.type === 'band';
  const marks: Plot.Markish[] = [];
  for (const mark of chart.marks) {
    if (mark === 'area') groups.forEach((rows, i) => marks.push(Plot.areaY(rows, { x, y, fill: placeholders[i], fillOpacity: 0.18 })));
    if (mark === 'bar') marks.push(barHorizontal ? Plot.barX(chart.data, { x, y, fill }) : Plot.barY(chart.data, { x, y, fill }));
    if (mark === 'line') groups.forEach((rows, i) => marks.push(Plot.line(rows, { x, y, stroke: placeholders[i], strokeWidth: 2.5, strokeDasharray: dashes[i] })));
    if (mark === 'dot') marks.push(Plot.dot(chart.data, { x, y, fill, r: 3.5 }));
  }
  const xValues = chart.x.type === 'band' ? [] : chart.data.map((row) => Number(row[x]));
  const [xMin, xMax] = chart.x.domain ?? [Math.min(...xValues), Math.max(...xValues)];
  const rightHalf = (value: number): boolean =>
    chart.x.type === 'log' ? Math.log(value) > (Math.log(xMin) + Math.log(xMax)) / 2 : value > (xMin + xMax) / 2;
  let xRules = 0;
  for (const rule of chart.rules) {
    marks.push(rule.axis === 'y' ? Plot.ruleY([rule.value], { strokeDasharray: '5 4', strokeOpacity: 0.7 }) : Plot.ruleX([rule.value], { strokeDasharray: '5 4', strokeOpacity: 0.7 }));
    if (rule.label) {
      marks.push(
        rule.axis === 'y'
          ? Plot.text([rule.value], { y: (d: number) => d, frameAnchor: 'right', textAnchor: 'end', dy: -7, text: () => rule.label, fontWeight: 600 })
          : Plot.text([rule.value], {
              x: (d: number) => d,
              frameAnchor: 'top',
              // A label right of a line in the right half would run off the drawing: put it on the left.
              ...(rightHalf(rule.value) ? { textAnchor: 'end', dx: -5 } : { textAnchor: 'start', dx: 5 }),
              // Labels of neighbouring vertical lines alternate between two rows, so they never collide.
              dy: 4 + 17 * (xRules++ % 2),
              lineAnchor: 'top',
              text: () => rule.label,
              fontWeight: 600,
            }),
      );
    }
  }
  if (chart.notes.length) marks.push(Plot.text(chart.notes, { x: 'x', y: 'y', text: 'text', dy: -10, fontWeight: 600, fill: 'currentColor', stroke: halo, strokeWidth: 4, paintOrder: 'stroke' }));
  if (chart.y.type !== 'band' && !chart.marks.includes('bar')) marks.push(Plot.ruleY([chart.y.domain?.[0] ?? 0].filter((v) => chart.y.type !== 'log' || v > 0), { strokeOpacity: 0.35 }));

  const scale = (ax: Chart['x']) => ({
    label: ax.label,
    ...(ax.type === 'linear' ? {} : { type: ax.type }),
    ...(ax.domain ? { domain: ax.domain } : {}),
    // Categories in the order the data lists them (Plot would sort them alphabetically).
    ...(ax.type === 'band' ? { domain: [...new Set(chart.data.map((row) => String(row[ax.field])))] } : {}),
    // Grid lines carry the ticks, so the tick marks themselves are left out (fewer bytes).
    ...(ax.type === 'band' ? {} : { tickFormat: tick(ax.format), grid: true, tickSize: 0 }),
  });
  const longestBand = barHorizontal ? Math.max(...chart.data.map((row) => String(row[y]).length)) : 0;
  const svg = Plot.plot({
    document,
    width: chartSize.width,
    height: chartSize.height + (barHorizontal ? Math.max(0, chart.data.length - 8) * 18 : 0),
    marginLeft: barHorizontal ? Math.min(200, 12 + longestBand * 7.2) : 56,
    marginTop: 30,
    marginRight: 24,
    marginBottom: 44,
    style: { fontSize: `${chartSize.fontSize}px`, background: 'transparent', overflow: 'visible' },
    x: { ...scale(chart.x), labelAnchor: 'center', labelArrow: 'none' } as Plot.ScaleOptions,
    y: { ...scale(chart.y), labelArrow: 'none' } as Plot.ScaleOptions,
    color: { type: 'identity' },
    marks,
  }) as unknown as HTMLElement;

  // Placeholder colours become theme tokens.
  for (const element of svg.querySelectorAll('[stroke], [fill]')) {
    const declarations: string[] = [];
    for (const attribute of ['stroke', 'fill'] as const) {
      const index = placeholders.indexOf(element.getAttribute(attribute) ?? '');
      if (index < 0) continue;
      element.removeAttribute(attribute);
      declarations.push(`${attribute}:var(--chart-${index + 1})`);
    }
    if (declarations.length) element.setAttribute('style', [element.getAttribute('style'), ...declarations].filter(Boolean).join(';'));
  }
  for (const element of svg.querySelectorAll(`[stroke="${halo}"]`)) {
    element.removeAttribute('stroke');
    element.setAttribute('style', [element.getAttribute('style'), 'stroke:var(--chart-halo)'].filter(Boolean).join(';'));
  }
  // Plot's own stylesheet sets a white background variable and is the same on every chart: the
  // site's styles cover it (figure.chart svg), so it is dropped from each chart.
  svg.querySelector('style')?.remove();
  // Inside a role="img" drawing, Plot's per-group aria attributes are never read: drop the bytes.
  for (const element of svg.querySelectorAll('[aria-label], [aria-hidden]')) {
    element.removeAttribute('aria-label');
    element.removeAttribute('aria-hidden');
  }
  svg.removeAttribute('class');
  svg.setAttribute('class', 'chart-svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title ${id}-desc`);
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.setAttribute('id', `${id}-title`);
  title.textContent = chart.title;
  const desc = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
  desc.setAttribute('id', `${id}-desc`);
  desc.textContent = chart.description;
  svg.prepend(title, desc);
  // Plot writes coordinates with float noise (89.00000000000001): a tenth of a unit is plenty at
  // this drawing size.
  // this drawing size. Only attribute values: text such as a note's "0.016" stays as written.
  const round = (value: string) => value.replace(/(\d+\.\d)\d+/g, '$1').replace(/(\d+)\.0(?!\d)/g, '$1');
  return svg.outerHTML.replace(/="([^"]*)"/g, (_, value: string) => `="${round(value)}"`);
}

/** Header of a data-table column. */
function columnLabel(chart: Chart, field: string): string {
  if (chart.labels[field]) return chart.labels[field];
  if (field === chart.x.field) return chart.x.label;
  if (field === chart.y.field) return chart.y.label;
  if (field === chart.series?.field) return chart.series.label;
  return field;
}

/** Columns of the data table: the series, x and y first, then any other field of the rows. */
export function columnsOf(chart: Chart): string[] {
  const first = [chart.series?.field, chart.x.field, chart.y.field].filter((f): f is string => !!f);
  const rest = [...new Set(chart.data.flatMap((row) => Object.keys(row)))].filter((f) => !first.includes(f));
  return [...first, ...rest];
}

function formatOf(chart: Chart, field: string): ChartFormat {
  if (field === chart.x.field) return chart.x.format;
  if (field === chart.y.field) return chart.y.format;
  return 'number';
}

/**
 * The chart as HTML for a figure body: the SVG, a legend when there are series, and the data as a
 * table behind a disclosure ("Show the data"). Search skips it: tick labels and table cells are
 * numbers out of context (the figure's caption is indexed).
 */
export function chartHtml(chart: Chart, id: string): string {
  return toHtml(chartBlock(chart, id)).replace('<div class="chart-drawing"></div>', `<div class="chart-drawing">${chartSvg(chart, id)}</div>`);
}

function chartBlock(chart: Chart, id: string): Element {
  const series = seriesOf(chart);
  const columns = columnsOf(chart);
  // The first column labels each row (a series name or a category) when it holds text.
  const rowHeaders = typeof chart.data[0]?.[columns[0]!] === 'string';
  return h('div.chart', { id, dataPagefindIgnore: 'all' }, [
    h('div.chart-drawing'),
    series.length
      ? h(
          'ul.chart-legend',
          { ariaLabel: chart.series!.label },
          series.map((name, i) =>
            h('li', [
              s('svg.chart-swatch', { ariaHidden: 'true', viewBox: '0 0 28 10', width: 28, height: 10 }, [
                s('line', { x1: 0, y1: 5, x2: 28, y2: 5, strokeWidth: 3, strokeDasharray: dashes[i], style: `stroke:var(--chart-${i + 1})` }),
              ]),
              name,
            ]),
          ),
        )
      : null,
    h('details.chart-data', [
      h('summary', ['Show the data', h('span.visually-hidden', ` of the chart “${chart.title}”`)]),
      h('div.table-scroll', { tabIndex: 0, role: 'region', ariaLabel: `Data of the chart “${chart.title}”` }, [
        h('table', [
          h('caption', chart.title),
          h('thead', [h('tr', columns.map((field) => h('th', { scope: 'col' }, columnLabel(chart, field))))]),
          h(
            'tbody',
            chart.data.map((row) =>
              h(
                'tr',
                columns.map((field, i) => {
                  const value = row[field];
                  const text = value === undefined ? '' : formatValue(value, formatOf(chart, field));
                  return i === 0 && rowHeaders ? h('th', { scope: 'row' }, text) : h('td', text);
                }),
              ),
            ),
          ),
        ]),
      ]),
    ]),
  ]);
}
