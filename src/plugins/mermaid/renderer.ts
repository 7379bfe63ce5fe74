/**
 * Renders Mermaid source to SVG in headless Chromium, at build time only.
 *
 * Lifecycle: the first request launches one browser with a small pool of pages that already have
 * Mermaid loaded; requests queue for a free page. When the queue has been empty for a moment the
 * browser is closed, so a build never waits on it, and `closeMermaidRenderer()` closes it at once.
 * Results are cached on disk by a hash of everything that affects the output, so an unchanged
 * diagram is never rendered again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumArgs, findChromium, missingChromiumHelp } from './chromium.ts';

export type DiagramTheme = 'light' | 'dark';

export interface RenderedDiagram {
  /** SVG markup whose ids all start with ID_PLACEHOLDER, to be replaced per page. */
  svg: string;
  title: string | undefined;
  description: string | undefined;
}

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
const RENDERER_VERSION = 3;
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

export function cacheKey(source: string, theme: DiagramTheme): string {
  return createHash('sha256')
    .update(JSON.stringify({ RENDERER_VERSION, mermaidVersion, config: mermaidConfig(theme), source }))
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

interface PageResult {
  ok: boolean;
  svg?: string;
  title?: string;
  description?: string;
  message?: string;
}

async function renderInBrowser(source: string, theme: DiagramTheme): Promise<RenderedDiagram> {
  const result = await withPage((page) =>
    page.evaluate(
      async ({ source, config, id }): Promise<PageResult> => {
        const mermaid = (globalThis as unknown as { mermaid: {
          initialize(c: unknown): void;
          parse(s: string): Promise<unknown>;
          render(id: string, s: string): Promise<{ svg: string }>;
        } }).mermaid;
        mermaid.initialize(config);
        try {
          await mermaid.parse(source);
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
  if (!result.ok || !result.svg) {
    const message = (result.message ?? 'Mermaid could not render this diagram').trim();
    const line = /line (\d+)/i.exec(message)?.[1];
    throw new MermaidSyntaxError(message, line ? Number(line) : undefined);
  }
  return { svg: result.svg, title: result.title, description: result.description };
}

export interface RenderOptions {
  /** Folder of cached renderings; undefined turns the cache off. */
  cacheDir: string | undefined;
}

export async function renderMermaid(source: string, theme: DiagramTheme, options: RenderOptions): Promise<RenderedDiagram> {
  const key = cacheKey(source, theme);
  const path = options.cacheDir ? join(options.cacheDir, `${key}.json`) : undefined;
  if (path) {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as RenderedDiagram;
    } catch {
      // not cached yet (or unreadable): render below
    }
  }
  const rendered = await renderInBrowser(source, theme);
  if (path && options.cacheDir) {
    mkdirSync(options.cacheDir, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(rendered));
    renameSync(temporary, path);
  }
  return rendered;
}
