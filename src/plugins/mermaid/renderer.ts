/**
 * Renders Mermaid source to SVG in headless Chromium, at build time only.
 *
 * Lifecycle: the first request (or `warmMermaidRenderer()`, called when a build starts and some
 * diagram is not cached, so Chromium starts while Vite is still busy) launches one browser with a
 * small pool of pages that already have Mermaid loaded; requests queue for a free page. When the
 * queue has been empty for a moment the browser is closed, so a build never waits on it, and
 * `closeMermaidRenderer()` closes it at once.
 *
 * Each diagram is rendered in the light theme and, unless ./theme.ts can predict it exactly from a
 * reference pair of the same kind, in the dark theme; the two are merged into one SVG whose colours
 * follow the site theme. When they differ in more than colours both are kept. Results are cached on disk, one file per diagram, by a hash of everything that
 * affects the output, so an unchanged diagram is never rendered again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumArgs, findChromium, missingChromiumHelp } from './chromium.ts';
import { diagramKind, mergeThemes, predictableKinds, predictDark, pruneSvg, serializePruned, type ThemeReference } from './theme.ts';

export type DiagramTheme = 'light' | 'dark';

/** SVG markup below has ids that all start with ID_PLACEHOLDER, to be replaced per page. */
export type RenderedDiagram = {
  title: string | undefined;
  description: string | undefined;
} & (
  /** One SVG whose colours follow the site theme (CSS custom properties). */
  | { themed: string; light?: undefined; dark?: undefined }
  /** The two renderings, when they differ in more than colours: CSS shows one at a time. */
  | { themed?: undefined; light: string; dark: string }
);

export class MermaidSyntaxError extends Error {
  override name = 'MermaidSyntaxError';
  constructor(
    message: string,
    /** 1-based line inside the diagram source, when Mermaid says it. */
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

export const ID_PLACEHOLDER = 'mmdplaceholderid';
const RENDERER_VERSION = 4;
/** The site's dark theme: `<html data-theme="dark">` (see src/layouts/Base.astro). */
export const DARK_THEME_SELECTOR = "[data-theme='dark']";
const POOL_SIZE = 2;
const IDLE_CLOSE_MS = 1500;

const require = createRequire(import.meta.url);
const mermaidScript = require.resolve('mermaid/dist/mermaid.min.js');
const mermaidVersion: string = (require('mermaid/package.json') as { version: string }).version;

const fontFamily = 'Arial, Helvetica, sans-serif';

export function mermaidConfig(theme: DiagramTheme): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: theme === 'dark' ? 'dark' : 'default',
    fontFamily,
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: true },
    themeVariables: { fontFamily, background: 'transparent' },
  };
}

export function cacheKey(source: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ RENDERER_VERSION, mermaidVersion, light: mermaidConfig('light'), dark: mermaidConfig('dark'), DARK_THEME_SELECTOR, source }))
    .digest('hex');
}

interface Pool {
  browser: Browser;
  free: Page[];
  waiting: ((page: Page) => void)[];
}

let pool: Promise<Pool> | undefined;
let busy = 0;
let idleTimer: NodeJS.Timeout | undefined;

async function openPool(): Promise<Pool> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(missingChromiumHelp);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  const pages = await Promise.all(
    Array.from({ length: POOL_SIZE }, async () => {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
      await page.addScriptTag({ path: mermaidScript });
      return page;
    }),
  );
  return { browser, free: pages, waiting: [] };
}

/**
 * Starts the browser now, in the background, so the first diagram does not wait for it. Errors
 * (such as a missing Chromium) surface at the first render, with the usual message.
 */
export function warmMermaidRenderer(): void {
  if (pool) return;
  pool = openPool();
  pool.catch(() => undefined);
}

async function withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
  if (idleTimer) clearTimeout(idleTimer);
  busy += 1;
  pool ??= openPool();
  let current: Pool;
  try {
    current = await pool;
  } catch (error) {
    pool = undefined;
    busy -= 1;
    throw error;
  }
  const page = current.free.pop() ?? (await new Promise<Page>((resolve) => current.waiting.push(resolve)));
  try {
    return await work(page);
  } finally {
    const next = current.waiting.shift();
    if (next) next(page);
    else current.free.push(page);
    busy -= 1;
    if (busy === 0) {
      idleTimer = setTimeout(() => void closeMermaidRenderer(), IDLE_CLOSE_MS);
      idleTimer.unref();
    }
  }
}

export async function closeMermaidRenderer(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  const current = pool;
  pool = undefined;
  if (current) await (await current).browser.close().catch(() => undefined);
}

interface ThemeResult {
  ok: boolean;
  svg?: string;
  title?: string;
  description?: string;
  message?: string;
}

/** Renders the source in one theme in a pooled page. */
async function renderInBrowser(source: string, theme: DiagramTheme): Promise<ThemeResult> {
  return withPage((page) =>
    page.evaluate(
      async ({ source, config, id }) => {
        const mermaid = (globalThis as unknown as { mermaid: {
          initialize(c: unknown): void;
          render(id: string, s: string): Promise<{ svg: string }>;
        } }).mermaid;
        mermaid.initialize(config);
        try {
          const { svg } = await mermaid.render(id, source);
          const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
          const root = doc.documentElement;
          const text = (attr: string) =>
            (root.getAttribute(attr) ?? '')
              .split(/\s+/)
              .map((ref) => (ref ? doc.getElementById(ref)?.textContent ?? '' : ''))
              .join(' ')
              .trim() || undefined;
          return { ok: true, svg, title: text('aria-labelledby'), description: text('aria-describedby') };
        } catch (error) {
          return { ok: false, message: error instanceof Error ? error.message : String(error) };
        } finally {
          document.querySelectorAll(`[id^="d${id}"], #${id}`).forEach((el) => el.remove());
        }
      },
      { source, config: mermaidConfig(theme), id: ID_PLACEHOLDER },
    ),
  );
}

/** Both renderings of a diagram, as Mermaid writes them (for tests of the theme merging). */
export async function renderThemes(source: string): Promise<{ light: string; dark: string }> {
  const light = await renderInBrowser(source, 'light');
  if (!light.ok || !light.svg) throw syntaxError(light);
  const dark = await renderInBrowser(source, 'dark');
  if (!dark.ok || !dark.svg) throw syntaxError(dark);
  return { light: light.svg, dark: dark.svg };
}

/**
 * One real light+dark pair per diagram kind, from a diagram without its own configuration, to
 * predict the dark rendering of the others of that kind (./theme.ts `predictDark`).
 */
const references = new Map<string, ThemeReference>();

function syntaxError(result: ThemeResult): MermaidSyntaxError {
  const message = (result.message ?? 'Mermaid could not render this diagram').trim();
  const line = /line (\d+)/i.exec(message)?.[1];
  return new MermaidSyntaxError(message, line ? Number(line) : undefined);
}

/**
 * Renders the light theme, and the dark theme too unless it can be predicted exactly from the
 * light one (about half the browser time per diagram); merges them into one themed SVG when they
 * differ only in colours.
 */
async function renderDiagram(source: string): Promise<RenderedDiagram> {
  const light = await renderInBrowser(source, 'light');
  if (!light.ok || !light.svg) throw syntaxError(light);
  const kind = diagramKind(light.svg);
  const reference = kind ? references.get(kind) : undefined;
  let dark = reference ? predictDark(light.svg, reference) : undefined;
  if (dark === undefined) {
    const rendered = await renderInBrowser(source, 'dark');
    if (!rendered.ok || !rendered.svg) throw syntaxError(rendered);
    dark = rendered.svg;
    const ownConfiguration = /^\s*(?:%%\{|---)/m.test(source);
    if (kind && predictableKinds.has(kind) && !references.has(kind) && !ownConfiguration) references.set(kind, { light: light.svg, dark });
  }
  const meta = { title: light.title, description: light.description };
  const themed = mergeThemes(light.svg, dark, { rootId: ID_PLACEHOLDER, darkSelector: DARK_THEME_SELECTOR });
  if (themed) return { ...meta, themed };
  return { ...meta, light: serializePruned(pruneSvg(light.svg)), dark: serializePruned(pruneSvg(dark)) };
}

export interface RenderOptions {
  /** Folder of cached renderings; undefined turns the cache off. */
  cacheDir: string | undefined;
}

export async function renderMermaid(source: string, options: RenderOptions): Promise<RenderedDiagram> {
  const path = cachePath(source, options);
  if (path) {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as RenderedDiagram;
    } catch {
      // not cached yet (or unreadable): render below
    }
  }
  const rendered = await renderDiagram(source);
  if (path && options.cacheDir) {
    mkdirSync(options.cacheDir, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(rendered));
    renameSync(temporary, path);
  }
  return rendered;
}

/** The cache file of a diagram, or undefined when the cache is off. */
export function cachePath(source: string, options: RenderOptions): string | undefined {
  return options.cacheDir ? join(options.cacheDir, `${cacheKey(source)}.json`) : undefined;
}

/** Whether rendering `source` would need the browser (it is not in the cache). */
export function needsRendering(source: string, options: RenderOptions): boolean {
  const path = cachePath(source, options);
  return !path || !existsSync(path);
}
