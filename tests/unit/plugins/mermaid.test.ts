import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeMermaidRenderer, ID_PLACEHOLDER, type RenderedDiagram } from '../../../src/plugins/mermaid/renderer.ts';
import { $, $$ } from '../support/html.ts';
import { md, render, renderError } from '../support/render.ts';


let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'book-mermaid-test-'));
});
afterAll(async () => {
  await closeMermaidRenderer();
  rmSync(root, { recursive: true, force: true });
});

const fence = (...lines: string[]) => md('```mermaid', ...lines, '```');
const flowchart = (title: string, description: string, ...edges: string[]) =>
  fence('flowchart LR', `  accTitle: ${title}`, `  accDescr: ${description}`, ...edges.map((e) => `  ${e}`));

// Real Chromium renders: allow for a cold browser start.
describe('Mermaid diagrams', { timeout: 60_000 }, () => {
  it(
    'become inline SVG in a light and a dark variant, with page-unique ids and a text alternative',
    async () => {
      const cacheDir = join(root, 'render');
      const { html } = await render(
        md('Intro.', '', flowchart('Tiny flow', 'A goes to B.', 'A --> B'), '', flowchart('Second flow', 'C goes to D.', 'C --> D')),
        { mermaidCacheDir: cacheDir },
      );
      expect(html).not.toContain(ID_PLACEHOLDER);
      expect(html).not.toContain('```');
      const diagrams = $$(html, 'div.diagram');
      expect(diagrams).toHaveLength(2);
      expect(diagrams.every((d) => d.attrs['data-pagefind-ignore'] === 'all')).toBe(true);

      const prefixes = new Set<string>();
      for (const [index, diagram] of diagrams.entries()) {
        for (const variant of ['light', 'dark'] as const) {
          const svg = $($(diagram.html, `div.diagram-${variant}`).html, 'svg');
          const prefix = svg.attrs.id!;
          expect(prefix).toMatch(new RegExp(`^mmd-[0-9a-f]{6}-${index + 1}-${variant[0]}$`));
          prefixes.add(prefix);
          // Every id inside the SVG carries its prefix, so the two variants and two diagrams never clash.
          const ids = $$(svg.html, '[id]').map((el) => el.attrs.id!);
          expect(ids.length).toBeGreaterThan(3);
          expect(ids.filter((id) => !id.includes(prefix))).toEqual([]);
          // The accessible name and description resolve inside the SVG.
          const title = $(svg.html, `title#${svg.attrs['aria-labelledby']}`);
          const desc = $(svg.html, `desc#${svg.attrs['aria-describedby']}`);
          expect(title.text).toBe(index === 0 ? 'Tiny flow' : 'Second flow');
          expect(desc.text).toBe(index === 0 ? 'A goes to B.' : 'C goes to D.');
        }
      }
      expect(prefixes.size).toBe(4);
      const allIds = $$(html, '[id]').map((el) => el.attrs.id);
      expect(new Set(allIds).size).toBe(allIds.length);
      // The two variants really use different themes.
      const [light, dark] = [$$(html, 'div.diagram-light')[0]!.html, $$(html, 'div.diagram-dark')[0]!.html];
      expect(light).not.toBe(dark.replaceAll('-1-d', '-1-l'));
    },
  );

  it(
    'fails on a syntax error with the line of the file that holds it',
    async () => {
      const source = md('Intro.', '', flowchart('Broken', 'Broken flow.', 'A --> B', 'B -->> C ;; ]', 'C --> D'));
      const error = await renderError(source, { mermaidCacheDir: join(root, 'errors') });
      expect(error.message).toContain('Mermaid syntax error in diagram: Parse error on line 5');
      // The fence opens on line 3; the fifth line of the diagram is line 8 of the file.
      expect(source.split('\n')[7]).toContain('B -->> C');
      expect(error.line).toBe(8);
    },
  );

  it(
    'fails on a diagram without accTitle and accDescr, at the diagram',
    async () => {
      const error = await renderError(md('Intro.', '', 'More.', '', fence('flowchart LR', '  A --> B')), { mermaidCacheDir: join(root, 'errors') });
      expect(error.message).toContain('Every Mermaid diagram needs a text alternative');
      expect(error.message).toContain('accTitle');
      expect(error.line).toBe(5);
    },
  );

  it(
    'fails on a diagram with a title but no description',
    async () => {
      const error = await renderError(fence('flowchart LR', '  accTitle: Only a title', '  A --> B'), { mermaidCacheDir: join(root, 'errors') });
      expect(error.message).toContain('Every Mermaid diagram needs a text alternative');
    },
  );

  it(
    'renders an unchanged diagram from the cache, without a browser',
    async () => {
      const cacheDir = join(root, 'cache');
      const source = md('Cached.', '', flowchart('Cache me', 'X goes to Y.', 'X --> Y'));
      const first = await render(source, { mermaidCacheDir: cacheDir });

      const files = readdirSync(cacheDir);
      expect(files).toHaveLength(2); // one per theme
      for (const name of files) {
        expect(name).toMatch(/^[0-9a-f]{64}\.json$/);
        const cached = JSON.parse(readFileSync(join(cacheDir, name), 'utf8')) as RenderedDiagram;
        expect(cached.title).toBe('Cache me');
        expect(cached.description).toBe('X goes to Y.');
        expect(cached.svg).toContain(ID_PLACEHOLDER);
      }

      await closeMermaidRenderer();
      const saved = process.env.CHROME_PATH;
      process.env.CHROME_PATH = join(root, 'no-such-chromium');
      try {
        const second = await render(source, { mermaidCacheDir: cacheDir });
        expect(second.html).toBe(first.html);
        // Control: a diagram that is not cached does need the (now missing) browser.
        const uncached = await renderError(md(flowchart('New', 'Not cached.', 'P --> Q')), { mermaidCacheDir: cacheDir });
        expect(uncached.message).toContain('No headless Chromium was found');
      } finally {
        if (saved === undefined) delete process.env.CHROME_PATH;
        else process.env.CHROME_PATH = saved;
      }
      expect(readdirSync(cacheDir)).toHaveLength(2);
    },
  );
});
