/**
 * Pure helpers for the page-weight budgets (tests/bench/budgets.ts): classify the responses a page
 * loaded, sum their gzip-compressed sizes per type, and check the sums against the limits.
 * No I/O here, so tests/unit/budget-lib.test.ts can cover it.
 */

export type ResourceType = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';

export const resourceTypes: ResourceType[] = ['html', 'css', 'js', 'font', 'image', 'other'];

/** One response a page loaded. `gzipBytes` is the body gzip-compressed by us (zlib level 9). */
export interface Resource {
  url: string;
  type: ResourceType;
  bytes: number;
  gzipBytes: number;
}

export interface PageSummary {
  /** Sum of every response's gzipped size (HTML, CSS, JS, fonts, images, other). */
  totalGzip: number;
  /** Gzipped JavaScript: external scripts plus the page's inline <script> text. */
  jsGzip: number;
  /** Gzipped size of inline <script> text (already inside the HTML's share of totalGzip). */
  inlineJsGzip: number;
  rawBytes: number;
  requests: number;
  byType: Record<ResourceType, number>;
  /** Paths that must not load on first load (e.g. /pagefind/) but did. */
  forbidden: string[];
}

export interface Budget {
  maxTotalKiB: number;
  maxJsKiB: number;
  /** URL path fragments that must not be requested on first load. */
  forbiddenPaths: string[];
}

export interface Violation {
  page: string;
  message: string;
}

/** The budget for a chapter page with formulas and diagrams; used for every page type. */
export const defaultBudget: Budget = { maxTotalKiB: 100, maxJsKiB: 12, forbiddenPaths: ['/pagefind/'] };

export const KiB = 1024;

export function toKiB(bytes: number): number {
  return Math.round((bytes / KiB) * 10) / 10;
}

/** Decides a response's type from its content type, falling back to the URL's extension. */
export function classify(url: string, contentType = ''): ResourceType {
  const type = contentType.toLowerCase();
  const path = new URL(url, 'http://x').pathname.toLowerCase();
  if (type.includes('html') || path.endsWith('/') || path.endsWith('.html')) return 'html';
  if (type.includes('css') || path.endsWith('.css')) return 'css';
  if (type.includes('javascript') || /\.m?js$/.test(path)) return 'js';
  if (type.startsWith('font/') || /\.(woff2?|ttf|otf|eot)$/.test(path)) return 'font';
  if (type.startsWith('image/') || /\.(svg|png|jpe?g|gif|webp|avif|ico)$/.test(path)) return 'image';
  return 'other';
}

export function summarise(resources: Resource[], inlineJsGzip = 0, forbiddenPaths: string[] = defaultBudget.forbiddenPaths): PageSummary {
  const byType = Object.fromEntries(resourceTypes.map((t) => [t, 0])) as Record<ResourceType, number>;
  let totalGzip = 0;
  let rawBytes = 0;
  for (const r of resources) {
    byType[r.type] += r.gzipBytes;
    totalGzip += r.gzipBytes;
    rawBytes += r.bytes;
  }
  const forbidden = resources
    .map((r) => new URL(r.url, 'http://x').pathname)
    .filter((path) => forbiddenPaths.some((fragment) => path.includes(fragment)));
  return { totalGzip, jsGzip: byType.js + inlineJsGzip, inlineJsGzip, rawBytes, requests: resources.length, byType, forbidden };
}

export function checkBudget(page: string, summary: PageSummary, budget: Budget = defaultBudget): Violation[] {
  const violations: Violation[] = [];
  if (summary.totalGzip > budget.maxTotalKiB * KiB) {
    violations.push({ page, message: `total ${toKiB(summary.totalGzip)} KiB gzipped exceeds the ${budget.maxTotalKiB} KiB budget` });
  }
  if (summary.jsGzip > budget.maxJsKiB * KiB) {
    violations.push({ page, message: `JavaScript ${toKiB(summary.jsGzip)} KiB gzipped exceeds the ${budget.maxJsKiB} KiB budget` });
  }
  for (const path of summary.forbidden) {
    violations.push({ page, message: `requested ${path} on first load (search must load only when opened)` });
  }
  return violations;
}

/** A plain-text table: one row per page, sizes in KiB gzipped. */
export function formatTable(rows: { page: string; summary: PageSummary }[]): string {
  const head = ['page', 'total', 'JS', 'html', 'css', 'font', 'image', 'other', 'requests'];
  const body = rows.map(({ page, summary: s }) => [
    page,
    toKiB(s.totalGzip).toFixed(1),
    toKiB(s.jsGzip).toFixed(1),
    toKiB(s.byType.html).toFixed(1),
    toKiB(s.byType.css).toFixed(1),
    toKiB(s.byType.font).toFixed(1),
    toKiB(s.byType.image).toFixed(1),
    toKiB(s.byType.other).toFixed(1),
    String(s.requests),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
