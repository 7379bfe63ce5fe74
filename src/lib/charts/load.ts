/**
 * Reads a chart file (`content/charts/<name>.yaml`) and checks it against `src/schemas/chart.ts`.
 * Errors name the file and the line of the offending value, because authors fix them there.
 * Parsed charts are cached by path and modification time (a chart may be placed on several pages).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import { chartSchema, type Chart } from '../../schemas/chart.ts';

export class ChartDataError extends Error {
  override name = 'ChartDataError';
}

export const chartNamePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const chartPath = (contentDir: string, name: string): string => join(contentDir, 'charts', `${name}.yaml`);

/** Parses a chart file's text; throws naming `file`, the line and the field. */
export function parseChart(file: string, text: string): Chart {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (offset: number | undefined): string => (offset === undefined ? '' : `:${lines.linePos(offset).line}`);
  if (doc.errors.length) {
    throw new ChartDataError(doc.errors.map((e) => `${file}${lineOf(e.pos[0])}: not valid YAML: ${e.message.split('\n')[0]}`).join('\n'));
  }
  const result = chartSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const messages = result.error.issues.flatMap((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      // Point at each unknown key itself.
      return issue.keys.map((key) => {
        const parent = path.length ? doc.getIn(path, true) : doc.contents;
        const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
        const where = path.length ? `field ${path.join('.')}: ` : '';
        return `${file}${lineOf(isScalar(pair?.key) ? pair.key.range?.[0] : undefined)}: ${where}unknown field "${key}"`;
      });
    }
    // The deepest node of the path that exists in the file gives the line (the document's first
    // line for a field that is missing at the top).
    let at = path;
    let node: unknown = undefined;
    while (at.length && !isNode((node = doc.getIn(at, true)))) at = at.slice(0, -1);
    if (!at.length) node = doc.contents;
    const offset = isNode(node) ? node.range?.[0] : undefined;
    const where = issue.path.length ? `field ${issue.path.join('.')}: ` : '';
    const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message;
    return [`${file}${lineOf(offset)}: ${where}${message}`];
  });
  throw new ChartDataError(messages.join('\n'));
}

const cache = new Map<string, { mtime: number; chart: Chart }>();

/** Loads chart `name` from the content folder; throws a ChartDataError when missing or invalid. */
export function loadChart(contentDir: string, name: string): Chart {
  if (!chartNamePattern.test(name)) throw new ChartDataError(`Chart name "${name}" must be lowercase words joined by hyphens (the file content/charts/<name>.yaml)`);
  const file = chartPath(contentDir, name);
  if (!existsSync(file)) throw new ChartDataError(`Unknown chart "${name}": there is no ${file}`);
  const mtime = statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit?.mtime === mtime) return hit.chart;
  const chart = parseChart(file, readFileSync(file, 'utf8'));
  cache.set(file, { mtime, chart });
  return chart;
}
