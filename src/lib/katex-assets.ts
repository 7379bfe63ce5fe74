/**
 * What a built page needs of KaTeX's stylesheet and fonts, worked out from the page itself.
 * Pure functions over HTML and CSS strings; src/integrations/katex-assets.ts does the file work.
 *
 * - `katexRegions(html)`: the KaTeX markup of a page (each `.katex-display` or `.katex` span).
 * - `katexCharacters(region)`: the characters KaTeX draws with its fonts (the text of
 *   `.katex-html`; the MathML copy is for assistive technology and uses no KaTeX font).
 * - `pageStylesheet(...)`: KaTeX's rules that the page's KaTeX markup may use, with @font-face
 *   rules for woff2 only, `font-display: swap`, pointing at the subset fonts.
 */
import { addTokens, parseCss, purgeCss, serializeCss, type CssNode, type PresentTokens } from './css.ts';

/** Start and end offsets of each top-level `<span class="katex">` / `katex-display` element. */
export function katexRegions(html: string): string[] {
  const regions: string[] = [];
  const start = /<span class="katex(?:-display)?"[\s>]/g;
  const tag = /<span\b|<\/span>/g;
  let match: RegExpExecArray | null;
  while ((match = start.exec(html)) !== null) {
    let depth = 0;
    tag.lastIndex = match.index;
    let end = -1;
    let t: RegExpExecArray | null;
    while ((t = tag.exec(html)) !== null) {
      depth += t[0] === '</span>' ? -1 : 1;
      if (depth === 0) {
        end = tag.lastIndex;
        break;
      }
    }
    if (end === -1) throw new Error(`Unclosed KaTeX <span> at offset ${match.index}`);
    regions.push(html.slice(match.index, end));
    start.lastIndex = end;
  }
  return regions;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return entities[name.toLowerCase()] ?? whole;
  });
}

export function tokensOf(regions: string[]): PresentTokens {
  const tokens: PresentTokens = { classes: new Set(), ids: new Set(), attributes: new Set(), attributeValues: new Set() };
  for (const region of regions) addTokens(tokens, region);
  return tokens;
}

/** One @font-face of KaTeX's stylesheet: its family, style, weight and font file name. */
export interface FontFace {
  family: string;
  style: string;
  weight: string;
  /** e.g. `KaTeX_Main-Regular` (the .woff2/.ttf files in katex/dist/fonts/). */
  file: string;
}

export function fontFaceOf(node: CssNode): FontFace | undefined {
  if (node.kind !== 'at' || !/^@font-face$/i.test(node.prelude)) return undefined;
  const get = (property: string) => new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`, 'i').exec(node.body)?.[1]?.trim().replace(/^["']|["']$/g, '');
  const file = /url\(\s*["']?(?:[^"')]*\/)?([^/"')]+)\.woff2["']?\s*\)/.exec(node.body)?.[1];
  const family = get('font-family');
  if (!file || !family) return undefined;
  return { family, style: get('font-style') ?? 'normal', weight: get('font-weight') ?? '400', file };
}

/** The characters that kept rules add through `content` (counters print digits). */
export function generatedCharacters(nodes: CssNode[], into: Set<number>): void {
  const text = serializeCss(nodes.filter((n) => n.kind !== 'at'));
  for (const m of text.matchAll(/content\s*:\s*([^;}]+)/g)) {
    for (const s of m[1]!.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)) for (const c of s[1] ?? s[2] ?? '') into.add(c.codePointAt(0)!);
    if (/counter\(/.test(m[1]!)) for (const c of '0123456789') into.add(c.codePointAt(0)!);
  }
}

/** KaTeX's rules that a page's KaTeX markup (its tokens) may use, @font-face rules included. */
export function keptRules(katexCss: CssNode[], tokens: PresentTokens): CssNode[] {
  return purgeCss(katexCss, tokens);
}

/** The fonts the kept @font-face rules name. */
export function fontFaces(kept: CssNode[]): FontFace[] {
  return kept.flatMap((node) => fontFaceOf(node) ?? []);
}

/**
 * The page's stylesheet from its kept rules: each @font-face rewritten to one woff2 source
 * (`fontUrl(face)`) with `font-display: swap` (formulas show at once in a fallback font instead
 * of staying invisible while their font loads).
 */
export function pageStylesheet(kept: CssNode[], fontUrl: (face: FontFace) => string): string {
  return serializeCss(
    kept.map((node): CssNode => {
      const face = fontFaceOf(node);
      if (!face) return node;
      return {
        kind: 'at',
        prelude: '@font-face',
        body: `font-family:${face.family};font-style:${face.style};font-weight:${face.weight};font-display:swap;src:url(${fontUrl(face)}) format("woff2")`,
      };
    }),
  );
}

export { parseCss };
