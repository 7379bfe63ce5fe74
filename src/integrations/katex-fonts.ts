/**
 * After the build: subset KaTeX's woff2 fonts to the characters the book's formulas use, point the
 * CSS at the subsets, and delete the unused woff/ttf copies (see src/lib/katex-fonts.ts for why).
 * Runs before the search index and the offline manifest are written, so they see the final files.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { charactersPerFace, katexCharactersByFace, katexClassRules, katexFaces, rewriteKatexCss } from '../lib/katex-fonts.ts';

function files(dir: string, test: (name: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, test, out);
    else if (test(name)) out.push(path);
  }
  return out;
}

export async function subsetKatexFonts(outDir: string): Promise<{ fonts: number; before: number; after: number }> {
  const cssFiles = files(outDir, (n) => n.endsWith('.css')).filter((path) => readFileSync(path, 'utf8').includes('KaTeX_'));
  const css = cssFiles.map((path) => readFileSync(path, 'utf8')).join('\n');
  const rules = katexClassRules(css);
  const seen = new Map<string, Set<string>>();
  for (const page of files(outDir, (n) => n.endsWith('.html'))) {
    const html = readFileSync(page, 'utf8');
    if (html.includes('katex-html')) katexCharactersByFace(html, rules, seen);
  }
  const keep = charactersPerFace(katexFaces(css), seen);
  const rename = new Map<string, string>();
  let before = 0;
  let after = 0;
  for (const path of files(outDir, (n) => /^KaTeX_.*\.(woff2|woff|ttf)$/.test(n))) {
    const name = basename(path);
    // woff and ttf are fallbacks for browsers without woff2; the CSS stops naming them below.
    if (!name.endsWith('.woff2')) {
      rmSync(path);
      continue;
    }
    const original = readFileSync(path);
    // A font must keep at least one glyph to stay valid: unused faces keep a single "a".
    // Hinting instructions are most of a small subset's bytes and matter little on today's screens.
    const subset = await subsetFont(original, keep.get(name) || 'a', { targetFormat: 'woff2', noHinting: true });
    before += original.length;
    after += subset.length;
    const hash = createHash('sha256').update(subset).digest('base64url').slice(0, 8);
    const renamed = name.replace(/\.[^.]+\.woff2$/, `.${hash}.woff2`);
    rmSync(path);
    writeFileSync(join(dirname(path), renamed), subset);
    rename.set(name, renamed);
  }
  for (const path of cssFiles) writeFileSync(path, rewriteKatexCss(readFileSync(path, 'utf8'), rename));
  return { fonts: rename.size, before, after };
}

export default function katexFonts(): AstroIntegration {
  return {
    name: 'book:katex-fonts',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const result = await subsetKatexFonts(fileURLToPath(dir));
        logger.info(`subset ${result.fonts} KaTeX fonts to the characters the book uses: ${Math.round(result.before / 1024)} KB -> ${Math.round(result.after / 1024)} KB`);
      },
    },
  };
}
