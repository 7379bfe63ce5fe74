import { readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { charactersPerFace, faceKey, katexCharactersByFace, katexClassRules } from '../../../src/lib/katex-fonts.ts';

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

  it('collects what KaTeX draws, not the MathML or TeX source', () => {
    const all = [...seen('\\alpha + \\text{cost} < 5').values()].flatMap((set) => [...set]).join('');
    for (const c of 'α+cost<5') expect(all).toContain(c);
    expect(all).not.toContain('\\');
    expect(all).not.toContain('l'); // from "\alpha" in the annotation
  });

  it('decodes entities and ignores MathML and whitespace', () => {
    const map = katexCharactersByFace('<span class="katex"><span class="katex-mathml"><math><mi>Q</mi></math></span><span class="katex-html"><span class="mord">&lt;&#x3b1;&amp; </span></span></span>', rules);
    expect(chars(map, 'KaTeX_Main')).toBe('&<α');
  });

  it('gives the family\'s main face everything the family uses, other faces only their own', () => {
    const faces = new Map([['KaTeX_Main|400|normal', 'main.woff2'], ['KaTeX_Main|700|normal', 'bold.woff2'], ['KaTeX_AMS|400|normal', 'ams.woff2']]);
    const used = new Map([['KaTeX_Main|400|normal', new Set(['1', '+'])], ['KaTeX_Main|700|normal', new Set(['x'])]]);
    expect(charactersPerFace(faces, used)).toEqual(new Map([['main.woff2', '+1x'], ['bold.woff2', 'x'], ['ams.woff2', '']]));
  });

});
