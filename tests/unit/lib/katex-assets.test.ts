import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import katex from 'katex';
import { afterAll, describe, expect, it } from 'vitest';
import { processKatexAssets } from '../../../src/integrations/katex-assets.ts';
import fontverter from 'fontverter';
import { readCmap, readTables } from '../support/font-tables.ts';
import { decodeEntities, fontFaces, generatedCharacters, katexRegions, keptRules, pageStylesheet, parseCss, tokensOf } from '../../../src/lib/katex-assets.ts';

const katexCss = parseCss(readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8'));
const inline = (tex: string) => katex.renderToString(tex, { output: 'htmlAndMathml' });
const display = (tex: string) => katex.renderToString(tex, { output: 'htmlAndMathml', displayMode: true });

describe('reading KaTeX markup from a page', () => {
  it('finds each formula once, displays included, and nothing else', () => {
    const html = `<p>Text <span class="katexish">no</span> ${inline('x^2')} and ${inline('\\frac{a}{b}')}.</p>${display('\\sum_i w_i')}<span>after</span>`;
    const regions = katexRegions(html);
    expect(regions).toHaveLength(3);
    expect(regions[2]!.startsWith('<span class="katex-display">')).toBe(true);
    expect(regions.every((r) => r.endsWith('</span>'))).toBe(true);
    expect(regions.join('')).not.toContain('after');
  });

  it('decodes entities', () => {
    expect(decodeEntities('&lt;&amp;&gt;&#x3b1;&#946;&quot;&nbsp;&unknown;')).toBe('<&>αβ"\u00a0&unknown;');
  });
});

describe('a page\'s KaTeX stylesheet', () => {
  const page = `${inline('F_1 = \\frac{2PR}{P+R}')} ${display('\\sqrt{n}')}`;
  const kept = keptRules(katexCss, tokensOf(katexRegions(page)));
  const css = pageStylesheet(kept, (face) => `/_astro/${face.file}.hash.woff2`);

  it('keeps the rules the formulas use and drops the rest', () => {
    expect(css).toContain('.katex .mfrac');
    expect(css).toContain('.katex .hide-tail');
    expect(css).toContain('.katex .svg-align');
    expect(css).not.toContain('.katex .sqrt>.katex-root'); // only for an index, as in \sqrt[3]{n}
    expect(css).toContain('.katex-display');
    expect(css).not.toContain('.katex .mathbb');
    expect(css).not.toContain('.katex .cancel');
    expect(css.length).toBeLessThan(serializeLength() / 2);
  });

  it('declares woff2 fonts only, with font-display swap, at the given URLs', () => {
    const faces = css.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces.length).toBeGreaterThan(0);
    for (const face of faces) {
      expect(face).toContain('font-display:swap');
      expect(face).toMatch(/src:url\(\/_astro\/KaTeX_[\w-]+\.hash\.woff2\) format\("woff2"\)\}$/);
      expect(face).not.toMatch(/\.woff\)|\.ttf\)|block/);
    }
    expect(fontFaces(kept).map((f) => f.file)).toContain('KaTeX_Main-Regular');
    expect(fontFaces(kept).map((f) => f.file)).toContain('KaTeX_Math-Italic');
    expect(fontFaces(kept).map((f) => f.file)).not.toContain('KaTeX_AMS-Regular');
  });

  it('is purged by classes, ids and attribute names only, since KaTeX has no [attribute=value] selector', () => {
    // src/integrations/katex-assets.ts reuses a page's rules for pages with the same classes, ids
    // and attribute names; an [attribute=value] selector in a new KaTeX would need its value too.
    const css = readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');
    expect(css.match(/\[[^\]]*=/g) ?? []).toEqual([]);
  });

  it('adds the digits of generated equation numbers', () => {
    const withTag = keptRules(katexCss, tokensOf(katexRegions(display('\\begin{equation} x \\end{equation}'))));
    const chars = new Set<number>();
    generatedCharacters(withTag, chars);
    expect([...chars].map((c) => String.fromCodePoint(c)).sort().join('')).toContain('()0123456789');
  });
});

function serializeLength(): number {
  return readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8').length;
}

describe('processKatexAssets on a built site', () => {
  const root = mkdtempSync(join(tmpdir(), 'book-katex-site-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('inlines each page\'s rules in place of the dev stylesheet link, writes subset fonts and removes the full ones', async () => {
    mkdirSync(join(root, '_astro'), { recursive: true });
    mkdirSync(join(root, 'chapters', 'one'), { recursive: true });
    writeFileSync(join(root, '_astro', 'katex.min.abc.css'), '@font-face{font-family:KaTeX_Main;src:url(/book/_astro/KaTeX_Main-Regular.old.woff2) format("woff2")}.katex{color:red}');
    writeFileSync(join(root, '_astro', 'KaTeX_Main-Regular.old.woff2'), 'old');
    writeFileSync(join(root, '_astro', 'other.css'), 'body{}');
    const link = '<link rel="stylesheet" href="/book/_astro/katex.min.abc.css" data-katex-stylesheet>';
    writeFileSync(join(root, 'chapters', 'one', 'index.html'), `<html><head>${link}<link rel="stylesheet" href="/book/_astro/other.css"></head><body><p>${inline('E = mc^2')}</p></body></html>`);
    writeFileSync(join(root, 'index.html'), '<html><head></head><body>No formulas.</body></html>');
    writeFileSync(join(root, 'other.html'), `<html><head></head><body>${inline('\\beta')}</body></html>`);

    const report = await processKatexAssets(root, '/book/', '_astro');
    expect(report.pages).toBe(2);

    const chapter = readFileSync(join(root, 'chapters', 'one', 'index.html'), 'utf8');
    expect(chapter).not.toContain('data-katex-stylesheet');
    expect(chapter).toMatch(/<head><style>@font-face\{[^<]*<\/style><link rel="stylesheet" href="\/book\/_astro\/other.css">/);
    const urls = [...chapter.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).toMatch(/^\/book\/_astro\/KaTeX_[\w-]+\.[\w-]{8}\.woff2$/);
      expect(existsSync(join(root, url.slice('/book/'.length))), url).toBe(true);
    }
    // A page without the link but with formulas gets its styles too; a page with neither is untouched.
    expect(readFileSync(join(root, 'other.html'), 'utf8')).toMatch(/<style>[^<]*\.katex[^<]*<\/style><\/head>/);
    expect(readFileSync(join(root, 'index.html'), 'utf8')).toBe('<html><head></head><body>No formulas.</body></html>');

    // The dev stylesheet and the full fonts it referenced are gone; other assets stay.
    const assets = readdirSync(join(root, '_astro'));
    expect(assets).not.toContain('katex.min.abc.css');
    expect(assets).not.toContain('KaTeX_Main-Regular.old.woff2');
    expect(assets).toContain('other.css');

    // Each page's fonts keep the characters that page draws in each face: digits and "=" in Main,
    // the letters of E = mc^2 in Math-Italic on the chapter, the beta on the other page; nothing
    // else, e.g. "W", and not the other page's characters.
    const fontOf = async (page: string, prefix: string) => {
      const url = [...readFileSync(join(root, page), 'utf8').matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!).find((u) => u.includes(`/${prefix}`))!;
      return fontCmap(readFileSync(join(root, url.slice('/book/'.length))));
    };
    const main = await fontOf('chapters/one/index.html', 'KaTeX_Main-Regular.');
    for (const c of '=2') expect(main.has(c.codePointAt(0)!), c).toBe(true);
    const math = await fontOf('chapters/one/index.html', 'KaTeX_Math-Italic.');
    for (const c of 'Emc') expect(math.has(c.codePointAt(0)!), c).toBe(true);
    for (const font of [main, math]) expect(font.has('W'.codePointAt(0)!)).toBe(false);
    expect(math.has('β'.codePointAt(0)!)).toBe(false);
    const otherMath = await fontOf('other.html', 'KaTeX_Math-Italic.');
    expect(otherMath.has('β'.codePointAt(0)!)).toBe(true);
    expect(otherMath.has('E'.codePointAt(0)!)).toBe(false);
    expect(report.characters).toBeGreaterThanOrEqual(6);
  });
});

/** The characters a WOFF2 font maps. */
async function fontCmap(woff2: Buffer): Promise<Set<number>> {
  const sfnt = await fontverter.convert(woff2, 'sfnt');
  return new Set(readCmap(readTables(sfnt).get('cmap')!).keys());
}
