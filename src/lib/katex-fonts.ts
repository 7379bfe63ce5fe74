/**
 * Which characters each KaTeX font face must keep. KaTeX ships 20 fonts for every glyph TeX can
 * draw; a book needs a few dozen glyphs, most of them in one or two faces. Cutting each face to its
 * own characters (not the book's whole set) keeps a chapter with formulas inside its byte budget
 * (issue 2: 100 KiB gzipped per page). The file work is in `src/integrations/katex-assets.ts`.
 */

import { decodeEntities as decode } from './katex-assets.ts';

/** A font face: family with weight and style, as KaTeX's @font-face rules declare them. */
export interface FontKey {
  family: string;
  weight: '400' | '700';
  style: 'normal' | 'italic';
}
export const faceKey = (f: FontKey): string => `${f.family}|${f.weight}|${f.style}`;

interface ClassRule {
  /** Classes the element must carry (the selector's last compound). */
  classes: string[];
  /** The rule styles the element's spans, not the element (`.x>span`). */
  children: boolean;
  set: Partial<FontKey>;
}

export const weightOf = (v: string): '400' | '700' => (/bold|[6-9]00/.test(v) ? '700' : '400');

/** Reads KaTeX's CSS rules that set font-family, font-weight or font-style on classes. */
export function katexClassRules(css: string): ClassRule[] {
  const rules: ClassRule[] = [];
  for (const [, selectors = '', body = ''] of css.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
    const set: Partial<FontKey> = {};
    const family = /font-family:\s*["']?(KaTeX_[A-Za-z0-9]+)/.exec(body)?.[1];
    const weight = /font-weight:\s*([a-z0-9]+)/.exec(body)?.[1];
    const style = /font-style:\s*([a-z]+)/.exec(body)?.[1];
    if (family) set.family = family;
    if (weight) set.weight = weightOf(weight);
    if (style) set.style = style === 'italic' ? 'italic' : 'normal';
    if (!family && !weight && !style) continue;
    for (const selector of selectors.split(',')) {
      if (!selector.trim().startsWith('.katex')) continue;
      const compounds = selector.trim().split(/\s+|>/).filter(Boolean);
      let last = compounds.at(-1) ?? '';
      let children = false;
      if (last === 'span' && compounds.length > 1) {
        children = true;
        last = compounds.at(-2) ?? '';
      }
      const classes = [...last.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!);
      if (classes.length && !(classes.length === 1 && classes[0] === 'katex')) rules.push({ classes, children, set });
    }
  }
  return rules;
}

/**
 * The characters KaTeX draws on a page, by font face: the text inside every
 * `<span class="katex-html">`, with the face its classes select through KaTeX's CSS rules (the
 * default is KaTeX_Main). Scans tags with a regular expression: a full HTML parse of every page
 * would cost seconds on a large book.
 */
export function katexCharactersByFace(html: string, rules: ClassRule[], into: Map<string, Set<string>> = new Map()): Map<string, Set<string>> {
  const base: FontKey = { family: 'KaTeX_Main', weight: '400', style: 'normal' };
  const add = (face: FontKey, text: string) => {
    const key = faceKey(face);
    const set = into.get(key) ?? new Set<string>();
    for (const ch of decode(text)) if (!/\s/.test(ch)) set.add(ch);
    into.set(key, set);
  };
  const open = /<span class="katex-html"[^>]*>/g;
  let match: RegExpExecArray | null;
  while ((match = open.exec(html))) {
    // Each stack entry: the face for this element's text, and the face its child spans inherit.
    const stack: { face: FontKey; forChildren: FontKey }[] = [{ face: base, forChildren: base }];
    const tag = /<(\/?)([a-z]+)\b([^>]*)>/g;
    tag.lastIndex = open.lastIndex;
    let i = open.lastIndex;
    let t: RegExpExecArray | null;
    let depth = 1;
    while (depth > 0 && (t = tag.exec(html))) {
      add(stack.at(-1)!.face, html.slice(i, t.index));
      i = tag.lastIndex;
      const [, closing, name = '', attrs = ''] = t;
      if (name !== 'span') continue;
      if (closing) {
        depth -= 1;
        stack.pop();
        continue;
      }
      depth += 1;
      const classes = new Set((/class="([^"]*)"/.exec(attrs)?.[1] ?? '').split(/\s+/));
      const parent = stack.at(-1)!.forChildren;
      let face = { ...parent };
      let forChildren = face;
      for (const rule of rules) {
        if (!rule.classes.every((c) => classes.has(c))) continue;
        if (rule.children) forChildren = { ...forChildren, ...rule.set };
        else {
          face = { ...face, ...rule.set };
          forChildren = { ...forChildren, ...rule.set };
        }
      }
      stack.push({ face, forChildren });
    }
    open.lastIndex = i;
  }
  return into;
}

/**
 * Characters each face must keep: what was seen in that face. The family's main face (the one
 * with the most characters, e.g. KaTeX_Main regular) also keeps everything seen anywhere in the
 * family: a cheap safety net, so that if a rule above guessed a weight or style wrong the browser's
 * fallback face still has the glyph. Faces nothing uses keep nothing (the caller keeps one glyph).
 */
export function charactersPerFace(faces: ReadonlyMap<string, string>, seen: ReadonlyMap<string, Set<string>>): Map<string, string> {
  const familyOf = (key: string) => key.split('|')[0]!;
  const families = new Map<string, { union: Set<string>; main: string; size: number }>();
  for (const [key, chars] of seen) {
    const family = families.get(familyOf(key)) ?? { union: new Set<string>(), main: key, size: -1 };
    chars.forEach((c) => family.union.add(c));
    if (chars.size > family.size) Object.assign(family, { main: key, size: chars.size });
    families.set(familyOf(key), family);
  }
  const result = new Map<string, string>();
  for (const [key, file] of faces) {
    const family = families.get(familyOf(key));
    const chars = family?.main === key ? family.union : (seen.get(key) ?? new Set<string>());
    result.set(file, [...chars].sort().join(''));
  }
  return result;
}
