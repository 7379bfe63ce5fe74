/**
 * A chart drawn from data: `content/charts/<name>.yaml`, placed in a chapter with
 * `::chart{src="<name>"}` inside a `:::figure[Caption]{#fig-id}` (which numbers it and makes it a
 * `:ref` target). The build draws it as inline SVG (Observable Plot, no JavaScript for readers),
 * with the title and description as its text alternative and the rows as a data table.
 *
 * Checks that need the whole chart (every field used exists in every row, band axes hold strings,
 * at most four series) are in `superRefine`, so a mistake fails the build naming file and line.
 */
import { z } from 'astro/zod';

const fieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a field name is letters, digits and underscores, e.g. "tpr"');

/** How numbers on an axis, in notes and in the data table are written. */
export const chartFormat = z.enum(['number', 'percent', 'dollars', 'integer']);

/** One axis: the data field it shows and how. */
const axis = z
  .object({
    /** The data field on this axis. */
    field: fieldName,
    /** Axis title as readers see it, e.g. "False positive rate". */
    label: z.string().trim().min(1),
    /** `linear` (default), `log`, or `band` for categories (bar charts). */
    type: z.enum(['linear', 'log', 'band']).default('linear'),
    /** Lowest and highest value shown; omit to fit the data. */
    domain: z.tuple([z.number().finite(), z.number().finite()]).optional(),
    /** `number` (default), `percent` (0.25 is shown as 25%), `dollars` or `integer`. */
    format: chartFormat.default('number'),
  })
  .strict();

/** A reference line across the chart, e.g. break-even at y = 0 or capacity at x = 1,600. */
const rule = z
  .object({
    /** `y` draws a horizontal line at `value`, `x` a vertical one. */
    axis: z.enum(['x', 'y']),
    value: z.number().finite(),
    /** Short label drawn at the line's end. */
    label: z.string().trim().min(1).optional(),
  })
  .strict();

/** A label placed at data coordinates. */
const note = z
  .object({
    x: z.union([z.number().finite(), z.string()]),
    y: z.union([z.number().finite(), z.string()]),
    text: z.string().trim().min(1),
  })
  .strict();

const cell = z.union([z.number().finite(), z.string()]);

export const chartSchema = z
  .object({
    /** Short name of the chart: its accessible name and the heading of its data table. */
    title: z.string().trim().min(1, 'give the chart a title'),
    /**
     * The text alternative: what the chart shows and the point to take from it, with the key numbers,
     * in one to three sentences. Screen readers read it in place of the picture.
     */
    description: z.string().trim().min(20, 'write a description (the text alternative) of at least a sentence'),
    x: axis,
    y: axis,
    /** Optional: a field whose values are separate series (one colour and legend entry each, at most 4). */
    series: z.object({ field: fieldName, label: z.string().trim().min(1) }).strict().optional(),
    /** What to draw for the rows: any of line, dot, bar, area. */
    marks: z.array(z.enum(['line', 'dot', 'bar', 'area'])).min(1).default(['line']),
    rules: z.array(rule).default([]),
    notes: z.array(note).default([]),
    /** Data-table header per field; defaults to the axis and series labels, then the field name. */
    labels: z.record(z.string(), z.string().trim().min(1)).default({}),
    /** The rows. Every field named above must be in every row. */
    data: z.array(z.record(z.string(), cell)).min(2, 'a chart needs at least two rows of data').max(200, 'keep a chart to 200 rows or fewer: readers get its data as a table'),
  })
  .strict()
  .superRefine((chart, ctx) => {
    const used = [chart.x.field, chart.y.field, ...(chart.series ? [chart.series.field] : [])];
    chart.data.forEach((row, i) => {
      for (const field of used) {
        if (!(field in row)) ctx.addIssue({ code: 'custom', path: ['data', i], message: `row ${i + 1} has no "${field}" field` });
      }
      for (const key of ['x', 'y'] as const) {
        const ax = chart[key];
        const value = row[ax.field];
        if (value === undefined) continue;
        if (ax.type === 'band' && typeof value !== 'string') ctx.addIssue({ code: 'custom', path: ['data', i, ax.field], message: `${key} is a band (category) axis, so "${ax.field}" must be text` });
        if (ax.type !== 'band' && typeof value !== 'number') ctx.addIssue({ code: 'custom', path: ['data', i, ax.field], message: `${key} is a numeric axis, so "${ax.field}" must be a number (got "${String(value)}")` });
        if (ax.type === 'log' && typeof value === 'number' && value <= 0) ctx.addIssue({ code: 'custom', path: ['data', i, ax.field], message: `a log axis needs positive values` });
      }
    });
    if (chart.series) {
      const values = new Set(chart.data.map((row) => String(row[chart.series!.field])));
      if (values.size > 4) ctx.addIssue({ code: 'custom', path: ['series'], message: `at most 4 series can be told apart (found ${values.size})` });
    }
    if (chart.marks.includes('bar') && chart.x.type !== 'band' && chart.y.type !== 'band') {
      ctx.addIssue({ code: 'custom', path: ['marks'], message: 'bars need a band (category) axis: set type: band on x or y' });
    }
    if (chart.x.type === 'band' && chart.y.type === 'band') ctx.addIssue({ code: 'custom', path: ['y', 'type'], message: 'only one axis can be a band' });
  });

export type Chart = z.infer<typeof chartSchema>;
export type ChartFormat = z.infer<typeof chartFormat>;
