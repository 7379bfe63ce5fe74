/**
 * After the build, gives each page only the KaTeX it uses (issue 2's page-weight budget):
 *
 * - KaTeX's stylesheet (23 KiB, mostly rules for features a book rarely uses and @font-face rules
 *   for 20 fonts in three formats) becomes a small inline <style> per page with the rules that
 *   page's formulas may use: no render-blocking request, nothing unused.
 * - Each font a page needs is cut to the characters that page draws in that face (see
 *   src/lib/katex-fonts.ts), without hinting instructions (most of a small subset's bytes), and
 *   written as woff2 under a content hash (pages that draw the same characters share one file,
 *   safe to cache forever), with `font-display: swap`. Per page rather than per book: a chapter's
 *   first load is the budget (measured with `npm run budgets`: chapter 4's fonts drop from
 *   15.2 KiB cut to the book's characters to 10.9 KiB cut to its own, chapter 1's from 15.2 to
 *   5.1), at the price of each chapter fetching its own small fonts.
 *
 * Pages find KaTeX's stylesheet through the `<link data-katex-stylesheet>` that
 * src/layouts/Chapter.astro adds (the link `astro dev` uses as it is); any other page with KaTeX
 * markup gets its <style> too. See src/lib/katex-assets.ts for the rules.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { fontFaces, generatedCharacters, katexRegions, keptRules, pageStylesheet, parseCss, tokensOf, type FontFace } from '../lib/katex-assets.ts';
import { charactersPerFace, faceKey, katexCharactersByFace, katexClassRules, weightOf } from '../lib/katex-fonts.ts';
import { withBase } from '../lib/url.ts';
import type { CssNode } from '../lib/css.ts';

const require = createRequire(import.meta.url);
const katexCssPath = require.resolve('katex/dist/katex.min.css');
const katexFonts = join(dirname(katexCssPath), 'fonts');
const marker = /<link\b[^>]*\bdata-katex-stylesheet\b[^>]*>/g;

export interface KatexAssetsReport {
  pages: number;
  fonts: { file: string; bytes: number; originalBytes: number }[];
  characters: number;
}

function htmlFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Rewrites the built site in `root` (served under `base`, assets in `assetsDir`). */
export async function processKatexAssets(root: string, base: string, assetsDir: string): Promise<KatexAssetsReport> {
  const katexCssText = readFileSync(katexCssPath, 'utf8');
  const katexCss = parseCss(katexCssText);
  const classRules = katexClassRules(katexCssText);
  const main = faceKey({ family: 'KaTeX_Main', weight: '400', style: 'normal' });
  const pages: { path: string; html: string; kept: CssNode[] | undefined; seen: Map<string, Set<string>>; faces: FontFace[] }[] = [];
  const characters = new Set<string>();
  const linked = new Set<string>();
  const purged = new Map<string, CssNode[]>();

  for (const path of htmlFiles(root)) {
    const html = readFileSync(path, 'utf8');
    const links = html.match(marker) ?? [];
    for (const link of links) {
      const href = /\bhref="([^"]+)"/.exec(link)?.[1];
      if (href) linked.add(href);
    }
    const regions = katexRegions(html);
    if (regions.length === 0 && links.length === 0) continue;
    let kept: CssNode[] | undefined;
    if (regions.length > 0) {
      const tokens = tokensOf(regions);
      // Pages whose formulas use the same classes, ids and attributes get the same rules: purge
      // once per set. (Attribute values are left out of the key: KaTeX's stylesheet has no
      // [attribute=value] selector, and a test checks that it still has none.)
      const key = [[...tokens.classes].sort(), [...tokens.ids].sort(), [...tokens.attributes].sort()].map((set) => set.join(' ')).join('\u0000');
      kept = purged.get(key) ?? keptRules(katexCss, tokens);
      purged.set(key, kept);
    }
    const seen = kept ? katexCharactersByFace(html, classRules) : new Map<string, Set<string>>();
    if (kept) {
      // Generated content (equation-number counters) is drawn in KaTeX_Main.
      const generated = new Set<number>();
      generatedCharacters(kept, generated);
      for (const c of generated) seen.set(main, (seen.get(main) ?? new Set()).add(String.fromCodePoint(c)));
    }
    for (const set of seen.values()) set.forEach((c) => characters.add(c));
    pages.push({ path, html, kept, seen, faces: kept ? fontFaces(kept) : [] });
  }

  const fonts: KatexAssetsReport['fonts'] = [];
  const keyOf = (face: FontFace) => faceKey({ family: face.family, weight: weightOf(face.weight), style: face.style === 'italic' ? 'italic' : 'normal' });
  /** One subset per face and set of characters, shared by the pages that need the same. */
  const subsets = new Map<string, Promise<string>>();
  const subsetUrl = (face: FontFace, chars: string): Promise<string> => {
    const key = `${face.file}\u0000${chars}`;
    let url = subsets.get(key);
    if (!url) {
      url = (async () => {
        const original = readFileSync(join(katexFonts, `${face.file}.woff2`));
        // A font must keep at least one glyph to stay valid.
        const woff2 = await subsetFont(original, chars || 'a', { targetFormat: 'woff2', noHinting: true });
        const name = `${face.file}.${createHash('sha256').update(woff2).digest('base64url').slice(0, 8)}.woff2`;
        writeFileSync(join(root, assetsDir, name), woff2);
        fonts.push({ file: name, bytes: woff2.length, originalBytes: original.length });
        return withBase(base, `${assetsDir}/${name}`);
      })();
      subsets.set(key, url);
    }
    return url;
  };

  for (const page of pages) {
    const keep = charactersPerFace(new Map(page.faces.map((face) => [keyOf(face), face.file])), page.seen);
    const urls = new Map<string, string>();
    for (const face of page.faces) urls.set(face.file, await subsetUrl(face, keep.get(face.file) ?? ''));
    const style = page.kept ? `<style>${pageStylesheet(page.kept, (face) => urls.get(face.file)!)}</style>` : '';
    let html = page.html;
    let placed = false;
    html = html.replace(marker, () => {
      const replacement = placed ? '' : style;
      placed = true;
      return replacement;
    });
    if (!placed) html = html.replace('</head>', `${style}</head>`);
    writeFileSync(page.path, html);
  }

  // The stylesheet `astro dev` links to, and the full fonts the build copied for it, are not
  // needed by the built site.
  const local = (url: string, from: string) => {
    const inner = url.startsWith(base) ? url.slice(base.length) : join(dirname(from), url);
    return /^[\w./-]+$/.test(inner) && !inner.split('/').includes('..') ? join(root, inner) : undefined;
  };
  for (const href of linked) {
    const sheet = local(href, '');
    if (!sheet || !sheet.endsWith('.css') || !existsSync(sheet)) continue;
    for (const m of readFileSync(sheet, 'utf8').matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
      const font = local(m[1]!, href.slice(base.length));
      if (font && /\.(woff2?|ttf)$/.test(font)) rmSync(font, { force: true });
    }
    rmSync(sheet, { force: true });
  }
  return { pages: pages.length, fonts, characters: characters.size };
}

export default function katexAssets(): AstroIntegration {
  let base = '/';
  let assetsDir = '_astro';
  return {
    name: 'book:katex-assets',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        assetsDir = config.build.assets;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const report = await processKatexAssets(fileURLToPath(dir), base, assetsDir);
        const kib = (n: number) => (n / 1024).toFixed(1);
        const total = report.fonts.reduce((sum, f) => sum + f.bytes, 0);
        const original = report.fonts.reduce((sum, f) => sum + f.originalBytes, 0);
        logger.info(`${report.pages} page(s) with formulas: inline KaTeX styles; ${report.fonts.length} font(s) cut to ${report.characters} characters, ${kib(total)} KiB (was ${kib(original)} KiB)`);
      },
    },
  };
}
