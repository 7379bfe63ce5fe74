import { readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { charactersPerFace, faceKey, katexCharactersByFace, katexClassRules, katexFaces, rewriteKatexCss } from '../../../src/lib/katex-fonts.ts';

const css = readFileSync('node_modules/katex/dist/katex.min.css', 'utf8');
const rules = katexClassRules(css);
const html = (tex: string) => katex.renderToString(tex, { output: 'htmlAndMathml' });
const seen = (tex: string) => katexCharactersByFace(html(tex), rules);
const chars = (map: Map<string, Set<string>>, family: string, weight = '400', style = 'normal') => [...(map.get(faceKey({ family, weight: weight as '400', style: style as 'normal' })) ?? [])].sort().join('');

describe('KaTeX font subsetting', () => {
  it('finds which face draws each character, through KaTeX\'s own CSS rules', () => {
    const map = seen('f:\\mathbb{R}^n \\to \\mathbf{x} + \\sum_{i=1}^{k} \\left( \\frac{a}{b} \\right)');
    expect(chars(map, 'KaTeX_Math', '400', 'italic')).toBe('abfikn');
    expect(chars(map, 'KaTeX_AMS')).toBe('R');
    expect(chars(map, 'KaTeX_Main', '700')).toBe('x');
    expect(chars(map, 'KaTeX_Main')).toContain('+');
    expect(chars(map, 'KaTeX_Main')).toContain('1');
    expect(chars(map, 'KaTeX_Size2') + chars(map, 'KaTeX_Size1')).toContain('∑');
  });

  it('decodes entities and ignores MathML and whitespace', () => {
    const map = katexCharactersByFace('<span class="katex"><span class="katex-mathml"><math><mi>Q</mi></math></span><span class="katex-html"><span class="mord">&lt;&#x3b1;&amp; </span></span></span>', rules);
    expect(chars(map, 'KaTeX_Main')).toBe('&<α');
  });

  it('reads the woff2 file of every @font-face', () => {
    const faces = katexFaces(css);
    expect(faces.get('KaTeX_Main|400|normal')).toMatch(/^KaTeX_Main-Regular\.woff2$/);
    expect(faces.get('KaTeX_Math|400|italic')).toMatch(/^KaTeX_Math-Italic\.woff2$/);
    expect(faces.size).toBe(20);
  });

  it('gives the family\'s main face everything the family uses, other faces only their own', () => {
    const faces = new Map([['KaTeX_Main|400|normal', 'main.woff2'], ['KaTeX_Main|700|normal', 'bold.woff2'], ['KaTeX_AMS|400|normal', 'ams.woff2']]);
    const used = new Map([['KaTeX_Main|400|normal', new Set(['1', '+'])], ['KaTeX_Main|700|normal', new Set(['x'])]]);
    expect(charactersPerFace(faces, used)).toEqual(new Map([['main.woff2', '+1x'], ['bold.woff2', 'x'], ['ams.woff2', '']]));
  });

  it('rewrites @font-face to woff2 only, swap, and the renamed subsets; leaves other rules alone', () => {
    const source = '@font-face{font-display:block;font-family:KaTeX_AMS;font-style:normal;font-weight:400;src:url(/_astro/KaTeX_AMS-Regular.A1.woff2) format("woff2"),url(/_astro/KaTeX_AMS-Regular.B2.woff) format("woff"),url(/_astro/KaTeX_AMS-Regular.C3.ttf) format("truetype")}.katex{font:normal 1.21em KaTeX_Main}';
    const out = rewriteKatexCss(source, new Map([['KaTeX_AMS-Regular.A1.woff2', 'KaTeX_AMS-Regular.Z9.woff2']]));
    expect(out).toBe('@font-face{font-display:swap;font-family:KaTeX_AMS;font-style:normal;font-weight:400;src:url(/_astro/KaTeX_AMS-Regular.Z9.woff2) format("woff2")}.katex{font:normal 1.21em KaTeX_Main}');
  });
});
