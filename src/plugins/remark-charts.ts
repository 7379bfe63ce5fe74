/**
 * `::chart{src="name"}` draws `content/charts/name.yaml` as inline SVG with its legend and data
 * table (lib/charts/render.ts). Place it inside a `:::figure[Caption]{#fig-id}`, which numbers it
 * and makes it a `:ref` target. An unknown chart, invalid chart data or a chart outside a figure
 * fails the build naming the file and line.
 *
 * Like diagrams, the drawing reaches the page as an HTML string (see `rawHtml`): later plugins
 * have no reason to walk its SVG nodes.
 */
import type { Root } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import { ChartDataError, loadChart } from '../lib/charts/load.ts';
import { chartHtml } from '../lib/charts/render.ts';
import { fail, rawHtml } from './util.ts';

export interface ChartsOptions {
  contentDir: string;
}

export default function remarkCharts(options: ChartsOptions) {
  return (tree: Root, file: VFile) => {
    const mdx = /\.mdx$/i.test(file.path ?? '');
    let n = 0;
    visitParents(tree, 'leafDirective', (node: LeafDirective, ancestors) => {
      if (node.name !== 'chart') return;
      const name = node.attributes?.src;
      if (!name) fail(file, 'A ::chart needs its data file: write ::chart{src="name"} for content/charts/name.yaml', node);
      const figure = ancestors.find((a): a is ContainerDirective => a.type === 'containerDirective' && (a as ContainerDirective).name === 'figure');
      if (!figure) fail(file, `Chart "${name}" must sit inside a :::figure[Caption]{#fig-id}, which numbers it and gives it a caption`, node);
      let html: string;
      try {
        html = chartHtml(loadChart(options.contentDir, name), `chart-${figure.attributes?.id ?? 'figure'}-${++n}`);
      } catch (error) {
        if (error instanceof ChartDataError) fail(file, error.message, node);
        throw error;
      }
      const parent = ancestors.at(-1)!;
      const index = parent.children.indexOf(node as never);
      (parent.children as unknown[])[index] = rawHtml(['chart-block'], html, mdx);
    });
  };
}
