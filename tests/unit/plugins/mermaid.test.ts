import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachePath, closeMermaidRenderer, ID_PLACEHOLDER, renderThemes, type RenderedDiagram } from '../../../src/plugins/mermaid/renderer.ts';
import { mergeThemes, predictDark } from '../../../src/plugins/mermaid/theme.ts';
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

/** The CSS of the first <style> element in the markup. */
const styleOf = (html: string): string => /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
const fence = (...lines: string[]) => md('```mermaid', ...lines, '```');
const flowchart = (title: string, description: string, ...edges: string[]) =>
  fence('flowchart LR', `  accTitle: ${title}`, `  accDescr: ${description}`, ...edges.map((e) => `  ${e}`));

// Real Chromium renders: allow for a cold browser start.
describe('Mermaid diagrams', { timeout: 60_000 }, () => {
  it(
    'become one inline SVG each whose colours follow the site theme, with page-unique ids and a text alternative',
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
      // One rendering per diagram, not a light and a dark copy.
      expect($$(html, 'div.diagram-light')).toHaveLength(0);
      expect($$(html, 'svg')).toHaveLength(2);

      for (const [index, diagram] of diagrams.entries()) {
        const svg = $(diagram.html, 'svg');
        const prefix = svg.attrs.id!;
        expect(prefix).toMatch(new RegExp(`^mmd-[0-9a-f]{6}-${index + 1}$`));
        // Every id inside the SVG carries its prefix, so two diagrams never clash.
        const ids = $$(svg.html, '[id]').map((el) => el.attrs.id!);
        expect(ids.length).toBeGreaterThan(3);
        expect(ids.filter((id) => !id.includes(prefix))).toEqual([]);
        // The accessible name and description resolve inside the SVG.
        const title = $(svg.html, `title#${svg.attrs['aria-labelledby']}`);
        const desc = $(svg.html, `desc#${svg.attrs['aria-describedby']}`);
        expect(title.text).toBe(index === 0 ? 'Tiny flow' : 'Second flow');
        expect(desc.text).toBe(index === 0 ? 'A goes to B.' : 'C goes to D.');
        // Colours are custom properties with a light value and, under the dark theme, another one.
        const css = styleOf(svg.html);
        const light = new RegExp(`^#${prefix}\\{(--m\\d+:[^;}]+;?)+\\}`).exec(css)?.[0];
        const dark = new RegExp(`@media screen\\{\\[data-theme='dark'\\] #${prefix}\\{[^}]+\\}\\}`).exec(css)?.[0];
        expect(light, css.slice(0, 300)).toBeDefined();
        expect(dark, css.slice(0, 600)).toBeDefined();
        const textFill = /#[\w-]+\{font-family:[^}]*fill:var\((--m\d+)\)/.exec(css)?.[1];
        expect(textFill).toBeDefined();
        const value = (rule: string) => new RegExp(`${textFill}:([^;}]+)`).exec(rule)?.[1];
        expect(value(light!)).toBe('#333');
        expect(value(dark!)).toBe('#ccc');
      }
      const allIds = $$(html, '[id]').map((el) => el.attrs.id);
      expect(new Set(allIds).size).toBe(allIds.length);
    },
  );

  it(
    'keeps a light and a dark rendering when a cached diagram could not be merged into one',
    async () => {
      const cacheDir = join(root, 'fallback');
      const source = flowchart('Two copies', 'Shown one at a time.', 'A --> B');
      const value = source.split('\n').slice(1, -1).join('\n');
      const svg = (fill: string) => `<svg id="${ID_PLACEHOLDER}"><style>#${ID_PLACEHOLDER}{fill:${fill}}</style><title id="t-${ID_PLACEHOLDER}">Two copies</title><g id="${ID_PLACEHOLDER}-n"></g></svg>`;
      const cached: RenderedDiagram = { title: 'Two copies', description: 'Shown one at a time.', light: svg('#333'), dark: svg('#ccc') };
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(cachePath(value, { cacheDir })!, JSON.stringify(cached));
      const { html } = await render(md('Intro.', '', source), { mermaidCacheDir: cacheDir, path: '/book/content/chapters/09-fallback.mdx' });
      const diagram = $(html, 'div.diagram');
      const lightSvg = $($(diagram.html, 'div.diagram-light').html, 'svg');
      const darkSvg = $($(diagram.html, 'div.diagram-dark').html, 'svg');
      expect(lightSvg.attrs.id).toMatch(/^mmd-[0-9a-f]{6}-1-l$/);
      expect(darkSvg.attrs.id).toMatch(/^mmd-[0-9a-f]{6}-1-d$/);
      expect(styleOf(lightSvg.html)).toContain(`#${lightSvg.attrs.id}{fill:#333}`);
      expect(styleOf(darkSvg.html)).toContain(`#${darkSvg.attrs.id}{fill:#ccc}`);
      expect(readdirSync(cacheDir)).toHaveLength(1);
    },
  );

  it(
    'writes the SVG as markup in plain Markdown (.md) pages, where MDX elements do not exist',
    async () => {
      const cacheDir = join(root, 'markdown');
      const source = flowchart('Plain page', 'Rendered from a .md file.', 'A --> B');
      const value = source.split('\n').slice(1, -1).join('\n');
      const themed = `<svg id="${ID_PLACEHOLDER}"><style>#${ID_PLACEHOLDER}{fill:var(--m0)}</style><title id="t-${ID_PLACEHOLDER}">Plain page</title></svg>`;
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(cachePath(value, { cacheDir })!, JSON.stringify({ title: 'Plain page', description: 'Rendered from a .md file.', themed } satisfies RenderedDiagram));
      const { html } = await render(md('Intro.', '', source), { mermaidCacheDir: cacheDir, path: '/book/src/pages/plain.md' });
      const diagram = $(html, 'div.diagram');
      expect(diagram.attrs['data-pagefind-ignore']).toBe('all');
      expect($(diagram.html, 'svg').attrs.id).toMatch(/^mmd-[0-9a-f]{6}-1$/);
      expect(html).not.toContain('set:html');
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
      expect(files).toHaveLength(1); // one file per diagram, both themes in it
      for (const name of files) {
        expect(name).toMatch(/^[0-9a-f]{64}\.json$/);
        const cached = JSON.parse(readFileSync(join(cacheDir, name), 'utf8')) as RenderedDiagram;
        expect(cached.title).toBe('Cache me');
        expect(cached.description).toBe('X goes to Y.');
        expect(cached.themed).toContain(ID_PLACEHOLDER);
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
      expect(readdirSync(cacheDir)).toHaveLength(1);
    },
  );

  /** Flowcharts with every node shape, edge type and styling feature, for the dark prediction. */
  const corpus: [string, string][] = [
    ['shapes', 'flowchart TD\n  A[rect] --> B(round)\n  B --> C([stadium])\n  C --> D[[subroutine]]\n  D --> E[(cylinder)]\n  E --> F((circle))\n  F --> G>asymmetric]\n  G --> H{rhombus}\n  H --> I{{hexagon}}\n  I --> J[/parallelogram/]\n  J --> K[\\alt\\]\n  K --> L[/trapezoid\\]\n  L --> M(((double)))'],
    ['new shape syntax', 'flowchart LR\n  A@{ shape: doc, label: "Document" } --> B@{ shape: cyl, label: "Store" }\n  B --> C@{ shape: diam, label: "Choice" }\n  C --> D@{ shape: hex, label: "Prep" }'],
    ['edges', 'flowchart LR\n  A --> B\n  A --- C\n  A -.-> D\n  A ==> E\n  A --o F\n  A --x G\n  A <--> H\n  A -- text --> I\n  A -. dotted text .-> J\n  A == thick text ==> K'],
    ['subgraphs', 'flowchart LR\n  A["Source"]\n  subgraph P["Pipeline"]\n    direction LR\n    C["Validate"] --> D["Train"]\n    D --> E["Serve"]\n  end\n  A --> P\n  P --> F["Users"]\n  F -. "feedback" .-> A'],
    ['subgraphs and styles', 'flowchart TB\n  subgraph one [First group]\n    direction LR\n    a1 --> a2\n  end\n  subgraph two\n    b1 --> b2\n  end\n  one --> two\n  classDef hot fill:#f96,stroke:#333,color:#000\n  class a1 hot\n  style b2 fill:#bbf,stroke-width:3px\n  linkStyle 0 stroke:#f00\n  a2:::hot --> b1'],
    ['markdown labels', 'flowchart LR\n  A["`**Bold** and _italic_`"] --> B["Line one<br/>line two"]\n  B --> C["A very long label that wraps over several lines in the box"]'],
  ];

  it(
    'predicts the dark rendering of flowcharts exactly, from another flowchart\'s pair',
    { timeout: 120_000 },
    async () => {
      const reference = await renderThemes('flowchart LR\n  X --> Y');
      const options = { rootId: ID_PLACEHOLDER, darkSelector: "[data-theme='dark']" };
      const predictedNames: string[] = [];
      for (const [name, source] of corpus) {
        const { light, dark } = await renderThemes(source);
        const predicted = predictDark(light, reference);
        // Declining is always safe (the dark theme is then rendered for real), e.g. for shapes
        // drawn with inline theme colours, or a style that happens to use a theme colour.
        if (predicted === undefined) continue;
        predictedNames.push(name);
        expect(mergeThemes(light, predicted, options), name).toBe(mergeThemes(light, dark, options));
      }
      // The kinds of flowchart the book uses are predicted.
      expect(predictedNames).toEqual(expect.arrayContaining(['edges', 'subgraphs', 'markdown labels']));
    },
  );

  it(
    'does not predict a diagram with its own theme configuration, or a kind it does not know',
    { timeout: 60_000 },
    async () => {
      const reference = await renderThemes('flowchart LR\n  X --> Y');
      const themed = await renderThemes('%%{init: {"theme": "forest"}}%%\nflowchart LR\n  A --> B');
      expect(predictDark(themed.light, reference)).toBeUndefined();
      const sequence = await renderThemes('sequenceDiagram\n  Alice->>Bob: Hi');
      expect(predictDark(sequence.light, reference)).toBeUndefined();
      const sequenceReference = await renderThemes('sequenceDiagram\n  X->>Y: Yo');
      expect(predictDark(sequence.light, sequenceReference)).toBeUndefined();
    },
  );
});
