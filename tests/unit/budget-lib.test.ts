import { describe, it, expect } from 'vitest';
import { checkBudget, classify, defaultBudget, formatTable, summarise, toKiB, type Resource } from '../bench/budget-lib.ts';

const res = (url: string, type: Resource['type'], gzipKiB: number): Resource => ({ url, type, bytes: gzipKiB * 4096, gzipBytes: gzipKiB * 1024 });

describe('classify', () => {
  it('uses the content type first', () => {
    expect(classify('http://h/chapters/a/', 'text/html; charset=utf-8')).toBe('html');
    expect(classify('http://h/x', 'text/css')).toBe('css');
    expect(classify('http://h/x', 'text/javascript; charset=utf-8')).toBe('js');
    expect(classify('http://h/x', 'font/woff2')).toBe('font');
    expect(classify('http://h/x', 'image/svg+xml')).toBe('image');
  });
  it('falls back to the extension', () => {
    expect(classify('http://h/_astro/a.B1.js')).toBe('js');
    expect(classify('http://h/_astro/KaTeX_Main-Regular.woff2')).toBe('font');
    expect(classify('http://h/favicon.svg?v=1')).toBe('image');
    expect(classify('http://h/pagefind/wasm.en.pagefind')).toBe('other');
  });
});

describe('summarise', () => {
  it('sums gzipped sizes in all and per type, and adds inline scripts to JavaScript', () => {
    const s = summarise([res('/a/', 'html', 30), res('/a.css', 'css', 10), res('/a.js', 'js', 2), res('/f.woff2', 'font', 40)], 1024);
    expect(s.totalGzip).toBe(82 * 1024);
    expect(s.byType).toEqual({ html: 30 * 1024, css: 10 * 1024, js: 2 * 1024, font: 40 * 1024, image: 0, other: 0 });
    expect(s.jsGzip).toBe(3 * 1024);
    expect(s.rawBytes).toBe(82 * 4096);
    expect(s.requests).toBe(4);
    expect(s.forbidden).toEqual([]);
  });
  it('lists forbidden paths that were requested', () => {
    const s = summarise([res('http://h/book/pagefind/pagefind.js', 'js', 1), res('http://h/book/', 'html', 1)]);
    expect(s.forbidden).toEqual(['/book/pagefind/pagefind.js']);
  });
  it('handles a page with no responses', () => {
    expect(summarise([]).totalGzip).toBe(0);
  });
});

describe('checkBudget', () => {
  it('passes at exactly the limits', () => {
    const s = summarise([res('/a/', 'html', 88), res('/a.js', 'js', 12)]);
    expect(checkBudget('/a/', s, defaultBudget)).toEqual([]);
  });
  it('reports total, JavaScript and forbidden requests separately', () => {
    const s = summarise([res('/a/', 'html', 90), res('/a.js', 'js', 12), res('/pagefind/pagefind.js', 'js', 1)]);
    const messages = checkBudget('/a/', s, defaultBudget).map((v) => v.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/total 103 KiB .* 100 KiB budget/);
    expect(messages[1]).toMatch(/JavaScript 13 KiB .* 12 KiB budget/);
    expect(messages[2]).toMatch(/\/pagefind\/pagefind\.js/);
  });
  it('takes custom limits', () => {
    const s = summarise([res('/a/', 'html', 5)]);
    expect(checkBudget('/a/', s, { maxTotalKiB: 4, maxJsKiB: 0, forbiddenPaths: [] })).toHaveLength(1);
  });
});

describe('formatting', () => {
  it('rounds to one decimal KiB and prints one row per page', () => {
    expect(toKiB(1536)).toBe(1.5);
    const table = formatTable([{ page: '/', summary: summarise([res('/', 'html', 3)]) }]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain('3.0');
  });
});
