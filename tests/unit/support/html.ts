/**
 * A very small query layer over rendered HTML, so plugin tests assert on elements and attributes
 * rather than on exact strings. `$$(html, 'figure.figure')` understands `tag`, `.class`, `#id`,
 * `[attr]` and `[attr=value]`, combined in one compound selector (no descendant combinators:
 * call `$$` on an element's `html` for that).
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { find, html as htmlSchema, svg as svgSchema } from 'property-information';

export interface Found {
  tag: string;
  /** Attributes by their HTML names, e.g. `aria-describedby`, `class` (space-joined). */
  attrs: Record<string, string>;
  /** Text content, whitespace as rendered. */
  text: string;
  /** Outer HTML of the element. */
  html: string;
  node: Element;
}

function attributesOf(node: Element): Record<string, string> {
  const schema = node.tagName === 'svg' ? svgSchema : htmlSchema;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.properties)) {
    if (value === undefined || value === null || value === false) continue;
    const name = find(schema, key).attribute;
    out[name] = Array.isArray(value) ? value.join(info(schema, key)) : value === true ? '' : String(value);
  }
  return out;
}

const info = (schema: typeof htmlSchema, key: string): string => (find(schema, key).commaSeparated ? ', ' : ' ');

function allElements(tree: Root | Element): Element[] {
  const out: Element[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'element') {
        out.push(node);
        walk(node.children);
        if (node.content) walk(node.content.children);
      }
    }
  };
  walk(tree.children as RootContent[]);
  return out;
}

interface Compound {
  tag?: string;
  classes: string[];
  id?: string;
  attrs: { name: string; value?: string }[];
}

function parseSelector(selector: string): Compound {
  const compound: Compound = { classes: [], attrs: [] };
  const pattern = /([a-zA-Z][\w-]*)|\.([\w-]+)|#([\w-]+)|\[([\w-]+)(?:=["']?([^"'\]]*)["']?)?\]/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(selector)) !== null) {
    consumed = pattern.lastIndex;
    if (match[1]) compound.tag = match[1].toLowerCase();
    else if (match[2]) compound.classes.push(match[2]);
    else if (match[3]) compound.id = match[3];
    else if (match[4]) compound.attrs.push(match[5] === undefined ? { name: match[4] } : { name: match[4], value: match[5] });
  }
  if (consumed !== selector.length) throw new Error(`unsupported selector "${selector}"`);
  return compound;
}

function matches(found: Found, compound: Compound): boolean {
  if (compound.tag && found.tag !== compound.tag) return false;
  if (compound.id && found.attrs.id !== compound.id) return false;
  const classes = (found.attrs.class ?? '').split(/\s+/);
  if (!compound.classes.every((c) => classes.includes(c))) return false;
  return compound.attrs.every(({ name, value }) => (value === undefined ? name in found.attrs : found.attrs[name] === value));
}

function wrap(node: Element): Found {
  return { tag: node.tagName, attrs: attributesOf(node), text: toText(node, { whitespace: 'pre' }), html: toHtml(node), node };
}

/** Every element matching the selector, in document order. */
export function $$(source: string, selector: string): Found[] {
  const compound = parseSelector(selector);
  return allElements(fromHtml(source, { fragment: true })).map(wrap).filter((found) => matches(found, compound));
}

/** The one element matching the selector; fails when there is none or more than one. */
export function $(source: string, selector: string): Found {
  const found = $$(source, selector);
  if (found.length !== 1) throw new Error(`expected exactly one "${selector}", found ${found.length}`);
  return found[0]!;
}

/** Collapses runs of whitespace, for comparing visible text. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
