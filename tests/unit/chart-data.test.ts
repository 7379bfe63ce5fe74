/**
 * Generated chart data stays what its generator makes: each script in tests/tools/chart-data/
 * (its lib/ folder holds their shared code)
 * names the chart files it feeds (NAME.yaml in its header comment) and prints their data
 * rows; the rows in those files must be exactly the rows it prints (as a multiset, so a script may
 * print several charts' rows in any order). Editing a chart's numbers by hand, or changing the
 * generator without re-running it, fails here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadChart } from '../../src/lib/charts/load.ts';

const dir = join('tests', 'tools', 'chart-data');
const scripts = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.ts')) : [];
const key = (row: Record<string, unknown>) => JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]]));

describe('generated chart data', () => {
  it.each(scripts)('%s: the chart files hold exactly the rows it prints', (script) => {
    const source = readFileSync(join(dir, script), 'utf8');
    // Chart files named in the header comment ("content/charts/ch4-roc.yaml, ch4-pr.yaml and ..."),
    // those that exist.
    const header = /^\/\*\*[\s\S]*?\*\//.exec(source)?.[0] ?? '';
    const charts = [...new Set([...header.matchAll(/([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml/g)].map((m) => m[1]!))].filter((name) => existsSync(join('content', 'charts', `${name}.yaml`)));
    expect(charts.length, `${script} names the chart files it feeds`).toBeGreaterThan(0);
    const printed = execFileSync(process.execPath, [join(dir, script)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => /^\s*- \{/.test(line))
      .map((line) => parse(line.trim().slice(2)) as Record<string, unknown>);
    const stored = charts.flatMap((name) => loadChart('content', name).data);
    expect(printed.map(key).sort()).toEqual(stored.map(key).sort());
  });
});
