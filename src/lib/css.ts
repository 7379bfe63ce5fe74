/**
 * A small CSS reader and purger for machine-written stylesheets (KaTeX's katex.css, the <style>
 * Mermaid puts in each SVG): split a sheet into rules and at-rules, drop the rules whose selectors
 * cannot match the markup they style, and write it back. Pure string work, no I/O.
 *
 * "Cannot match" is decided conservatively from what a selector REQUIRES: every class, id and
 * attribute in its compound parts (outside :not(), :is(), :where(), :has()) must be present in the
 * markup. Tag names, pseudo-classes and combinators are not checked, so a kept rule may still match
 * nothing, but a rule that could match is never dropped.
 */

export type CssNode =
  | { kind: 'rule'; selector: string; body: string }
  /** `@media (...) { rules }`, `@supports`, `@layer x { }`: nested rules in `children`. */
  | { kind: 'block'; prelude: string; children: CssNode[] }
  /** `@font-face { ... }`, `@keyframes x { ... }`, `@page`: body kept as written. */
  | { kind: 'at'; prelude: string; body: string }
  /** `@import ...;`, `@charset ...;`, `@layer a, b;` */
  | { kind: 'statement'; text: string };

const nestedAtRules = /^@(media|supports|layer|container|document|scope)\b/i;

/** Index of the bracket that closes the one at `open`, skipping strings and comments. */
function matching(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") i = skipString(css, i);
    else if (c === '/' && css[i + 1] === '*') i = css.indexOf('*/', i + 2) + 1 || css.length;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  throw new Error(`Unbalanced "{" at offset ${open} in CSS`);
}

function skipString(css: string, start: number): number {
  const quote = css[start];
  for (let i = start + 1; i < css.length; i++) {
    if (css[i] === '\\') i++;
    else if (css[i] === quote) return i;
  }
  return css.length;
}

/** Next index of `{` or `;` at the top level of `css` from `from`, or -1. */
function nextDelimiter(css: string, from: number): number {
  let paren = 0;
  for (let i = from; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") i = skipString(css, i);
    else if (c === '/' && css[i + 1] === '*') i = css.indexOf('*/', i + 2) + 1 || css.length;
    else if (c === '(' || c === '[') paren++;
    else if (c === ')' || c === ']') paren--;
    else if (paren === 0 && (c === '{' || c === ';')) return i;
  }
  return -1;
}

export function parseCss(css: string): CssNode[] {
  const nodes: CssNode[] = [];
  let i = 0;
  while (i < css.length) {
    const at = nextDelimiter(css, i);
    if (at === -1) break;
    const head = css.slice(i, at).replace(/\/\*[\s\S]*?\*\//g, '').trim();
    if (css[at] === ';') {
      if (head) nodes.push({ kind: 'statement', text: `${head};` });
      i = at + 1;
      continue;
    }
    const close = matching(css, at);
    const body = css.slice(at + 1, close);
    if (head.startsWith('@')) {
      nodes.push(nestedAtRules.test(head) ? { kind: 'block', prelude: head, children: parseCss(body) } : { kind: 'at', prelude: head, body: body.trim() });
    } else {
      nodes.push({ kind: 'rule', selector: head, body: body.trim() });
    }
    i = close + 1;
  }
  return nodes;
}

export function serializeCss(nodes: CssNode[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'rule':
          return `${node.selector}{${node.body}}`;
        case 'block':
          return `${node.prelude}{${serializeCss(node.children)}}`;
        case 'at':
          return `${node.prelude}{${node.body}}`;
        case 'statement':
          return node.text;
      }
    })
    .join('');
}

/** Splits on top-level commas (not inside brackets, parentheses or strings). */
export function splitTopLevel(text: string, separator: ',' | ';'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = skipString(text, i);
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

export interface Declaration {
  property: string;
  value: string;
}

export function parseDeclarations(body: string): Declaration[] {
  return splitTopLevel(body, ';').map((part) => {
    const colon = part.indexOf(':');
    if (colon === -1) throw new Error(`Not a CSS declaration: "${part}"`);
    return { property: part.slice(0, colon).trim(), value: part.slice(colon + 1).trim() };
  });
}

export const serializeDeclarations = (declarations: Declaration[]): string =>
  declarations.map((d) => `${d.property}:${d.value}`).join(';');

/** What the markup offers to selectors: class names, ids, and the markup itself for attributes. */
export interface PresentTokens {
  classes: Set<string>;
  ids: Set<string>;
  /** Attribute names present in the markup (lowercase). */
  attributes: Set<string>;
  /** `name="value"` pairs present in the markup, for `[name="value"]` selectors. */
  attributeValues: Set<string>;
}

/** Collects classes, ids and attributes from HTML or SVG markup. */
export function presentTokens(markup: string): PresentTokens {
  const tokens: PresentTokens = { classes: new Set(), ids: new Set(), attributes: new Set(), attributeValues: new Set() };
  addTokens(tokens, markup);
  return tokens;
}

export function addTokens(tokens: PresentTokens, markup: string): void {
  for (const tag of markup.matchAll(/<[a-zA-Z][^\s/>]*((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    for (const attr of tag[1]!.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const name = attr[1]!.toLowerCase();
      const value = attr[2] ?? attr[3] ?? attr[4] ?? '';
      tokens.attributes.add(name);
      tokens.attributeValues.add(`${name}=${value}`);
      if (name === 'class') for (const c of value.split(/\s+/)) if (c) tokens.classes.add(c);
      if (name === 'id') tokens.ids.add(value);
    }
  }
}

/** Removes functional pseudo-classes whose arguments are not requirements (:not(.a) needs no .a). */
function stripFunctionalPseudos(selector: string): string {
  let out = '';
  for (let i = 0; i < selector.length; i++) {
    const m = /^:(?:not|is|where|has|matches|-webkit-any|-moz-any|host|host-context|nth-child|nth-last-child)\(/i.exec(selector.slice(i));
    if (m) {
      let depth = 0;
      let j = i + m[0].length - 1;
      for (; j < selector.length; j++) {
        if (selector[j] === '(') depth++;
        else if (selector[j] === ')' && --depth === 0) break;
      }
      // :is()/:where() could match through an alternative we do not check: they add no requirement.
      i = j;
      continue;
    }
    out += selector[i];
  }
  return out;
}

const unescapeIdent = (s: string) =>
  s.replace(/\\([0-9a-fA-F]{1,6}\s?|.)/g, (_, e: string) => (/^[0-9a-fA-F]/.test(e) ? String.fromCodePoint(parseInt(e, 16)) : e));

/** Whether one selector (no commas) could match the markup, judged by what it requires. */
export function selectorMayMatch(selector: string, present: PresentTokens): boolean {
  const plain = stripFunctionalPseudos(selector);
  for (const m of plain.matchAll(/\[\s*([^\s~|^$*=\]]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))\s*(?:[is]\s*)?)?\]/g)) {
    const name = m[1]!.toLowerCase();
    if (!present.attributes.has(name)) return false;
    const value = m[3] ?? m[4] ?? m[5];
    if (m[2] === '=' && value !== undefined && !present.attributeValues.has(`${name}=${value}`)) return false;
  }
  const withoutAttributes = plain.replace(/\[[^\]]*\]/g, '');
  for (const m of withoutAttributes.matchAll(/([.#])((?:[\w-]|\\.|[^\x00-\x7f])+)/g)) {
    const name = unescapeIdent(m[2]!);
    if (m[1] === '.' ? !present.classes.has(name) : !present.ids.has(name)) return false;
  }
  return true;
}

export interface PurgeOptions {
  /** Keep @font-face rules only for families named in a kept declaration (default true). */
  dropUnusedFontFaces?: boolean;
}

/**
 * Keeps the rules whose selector list has at least one selector that may match, trimming the
 * list to those selectors; keeps @keyframes only when a kept rule names them, and @font-face only
 * when a kept rule names its family. Empty @media/@supports blocks disappear.
 */
export function purgeCss(nodes: CssNode[], present: PresentTokens, options: PurgeOptions = {}): CssNode[] {
  const kept = purgeRules(nodes, present);
  const usedText = serializeCss(kept.filter((n) => n.kind !== 'at'));
  const words = new Set(usedText.split(/[^\w-]+/).filter(Boolean));
  const dropFonts = options.dropUnusedFontFaces ?? true;
  const filterAt = (list: CssNode[]): CssNode[] =>
    list.flatMap((node): CssNode[] => {
      if (node.kind === 'block') {
        const children = filterAt(node.children);
        return children.length || /^@layer\b/i.test(node.prelude) ? [{ ...node, children }] : [];
      }
      if (node.kind !== 'at') return [node];
      const keyframes = /^@(?:-\w+-)?keyframes\s+(\S+)/i.exec(node.prelude);
      if (keyframes) return words.has(keyframes[1]!.replace(/^["']|["']$/g, '')) ? [node] : [];
      if (/^@font-face$/i.test(node.prelude) && dropFonts) {
        const family = /font-family\s*:\s*(["']?)([^;"']+)\1/i.exec(node.body)?.[2]?.trim();
        return family && !usedText.includes(family) ? [] : [node];
      }
      return [node];
    });
  return filterAt(kept);
}

function purgeRules(nodes: CssNode[], present: PresentTokens): CssNode[] {
  return nodes.flatMap((node): CssNode[] => {
    if (node.kind === 'rule') {
      const selectors = splitTopLevel(node.selector, ',');
      if (selectors.some((s) => /^(?:from|to|\d+(?:\.\d+)?%)$/.test(s))) return [node]; // keyframe steps
      const matching = selectors.filter((s) => selectorMayMatch(s, present));
      return matching.length ? [{ ...node, selector: matching.join(',') }] : [];
    }
    if (node.kind === 'block') {
      if (/^@layer\b/i.test(node.prelude) || /^@(media|supports|container)\b/i.test(node.prelude)) {
        const children = purgeRules(node.children, present);
        return children.length || /^@layer\b/i.test(node.prelude) ? [{ ...node, children }] : [];
      }
      return [node];
    }
    return [node];
  });
}
