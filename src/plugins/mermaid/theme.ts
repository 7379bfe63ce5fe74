/**
 * Turns Mermaid's light and dark renderings of one diagram into ONE SVG that follows the site's
 * theme: when the two differ only in colours (the usual case: same layout, same text, a different
 * palette in the <style> Mermaid writes), each colour that differs becomes a CSS custom property
 * with a light value and a dark value. Readers get half the markup and one <style> per diagram.
 *
 * Both renderings are first pruned: style rules that cannot match the SVG and <defs> entries that
 * nothing references (Mermaid writes every marker, shadow and gradient it might need) are dropped.
 * When the pruned markup still differs between themes, `mergeThemes` returns undefined and the
 * caller keeps both renderings. Pure string work: tested in tests/unit/plugins/mermaid-theme.test.ts.
 */
import { parseCss, parseDeclarations, presentTokens, purgeCss, serializeCss, serializeDeclarations, type CssNode } from '../../lib/css.ts';

const styleElement = /<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/;
const referencable = /<(marker|filter|linearGradient|radialGradient|pattern|clipPath|mask|symbol)\b[^>]*?\sid="([^"]+)"[^>]*>[\s\S]*?<\/\1>/g;

/** The SVG without its first <style> element, and that element's CSS. */
export function splitStyle(svg: string): { css: string; markup: string; at: number } {
  const match = styleElement.exec(svg);
  if (!match) return { css: '', markup: svg, at: -1 };
  return { css: match[1]!, markup: svg.slice(0, match.index) + svg.slice(match.index + match[0].length), at: match.index };
}

function joinStyle(markup: string, at: number, css: string): string {
  if (!css) return markup;
  const position = at >= 0 ? at : markup.indexOf('>') + 1;
  return `${markup.slice(0, position)}<style>${css}</style>${markup.slice(position)}`;
}

/** Ids referenced by `url(#id)`, `href="#id"` or `xlink:href="#id"` in the text. */
export function referencedIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const m of text.matchAll(/url\(\s*['"]?#([^)'"\s]+)['"]?\s*\)|href\s*=\s*["']#([^"']+)["']/g)) ids.add(m[1] ?? m[2]!);
  return ids;
}

/** Drops unreferenced markers, filters, gradients... from the markup, then empty <defs>. */
export function dropUnreferencedDefs(markup: string, css: string): string {
  let current = markup;
  for (;;) {
    const used = referencedIds(current + css);
    const next = current.replace(referencable, (whole, _tag: string, id: string) => (used.has(id) ? whole : ''));
    if (next === current) break;
    current = next;
  }
  return current.replace(/<defs>\s*<\/defs>|<defs\/>/g, '');
}

export interface PrunedSvg {
  markup: string;
  css: CssNode[];
  at: number;
}

/** Style rules that cannot match and unreferenced <defs> entries removed. */
export function pruneSvg(svg: string): PrunedSvg {
  const { css, markup, at } = splitStyle(svg);
  const nodes = purgeCss(parseCss(css), presentTokens(markup));
  return { markup: dropUnreferencedDefs(markup, serializeCss(nodes)), css: nodes, at };
}

export function serializePruned(pruned: PrunedSvg): string {
  return joinStyle(pruned.markup, pruned.at, serializeCss(pruned.css));
}

const important = /\s*!important$/i;

/**
 * Walks two stylesheets of the same shape (the same rules, selectors and properties in the same
 * order; only values may differ) and builds one like `a` whose declarations take the values
 * `value(selector, property, aValue, bValue)` returns. Undefined when the shapes differ or when
 * `value` returns undefined.
 */
function zipCss(a: CssNode[], b: CssNode[], value: (selector: string, property: string, aValue: string, bValue: string) => string | undefined): CssNode[] | undefined {
  if (a.length !== b.length) return undefined;
  const zipped: CssNode[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.kind !== y.kind) return undefined;
    if (x.kind === 'rule' && y.kind === 'rule') {
      if (x.selector !== y.selector) return undefined;
      const xd = parseDeclarations(x.body);
      const yd = parseDeclarations(y.body);
      if (xd.length !== yd.length) return undefined;
      const declarations = [];
      for (let k = 0; k < xd.length; k++) {
        const property = xd[k]!.property;
        if (property !== yd[k]!.property) return undefined;
        const v = value(x.selector, property, xd[k]!.value, yd[k]!.value);
        if (v === undefined) return undefined;
        declarations.push({ property, value: v });
      }
      zipped.push({ kind: 'rule', selector: x.selector, body: serializeDeclarations(declarations) });
    } else if (x.kind === 'block' && y.kind === 'block') {
      if (x.prelude !== y.prelude) return undefined;
      const children = zipCss(x.children, y.children, value);
      if (!children) return undefined;
      zipped.push({ ...x, children });
    } else if (serializeCss([x]) === serializeCss([y])) {
      zipped.push(x);
    } else {
      return undefined;
    }
  }
  return zipped;
}

/**
 * Merges the two CSS trees rule by rule: values that differ become custom properties (collected
 * in `vars`). Returns undefined unless they have the same shape (see zipCss).
 */
function mergeCss(light: CssNode[], dark: CssNode[], vars: Map<string, { name: string; light: string; dark: string }>): CssNode[] | undefined {
  return zipCss(light, dark, (_selector, property, a, b) => {
    if (a === b) return a;
    const flag = important.test(a) && important.test(b) ? '!important' : '';
    const lightValue = flag ? a.replace(important, '') : a;
    const darkValue = flag ? b.replace(important, '') : b;
    if (important.test(lightValue) || important.test(darkValue) || property.startsWith('--')) return undefined;
    const key = `${lightValue}\u0000${darkValue}`;
    let entry = vars.get(key);
    if (!entry) {
      entry = { name: `--m${vars.size}`, light: lightValue, dark: darkValue };
      vars.set(key, entry);
    }
    return `var(${entry.name})${flag}`;
  });
}

export interface MergeOptions {
  /** The id of the <svg> element (Mermaid scopes its CSS with it). */
  rootId: string;
  /** Selector of the site's dark theme on an ancestor, e.g. `[data-theme="dark"]`. */
  darkSelector: string;
}

/**
 * One SVG whose colours follow `darkSelector`, or undefined when the renderings differ in more
 * than colours. The dark values apply on screens only, so print keeps the light diagram.
 */
export function mergeThemes(lightSvg: string, darkSvg: string, options: MergeOptions): string | undefined {
  const light = pruneSvg(lightSvg);
  const dark = pruneSvg(darkSvg);
  // Definitions (markers, gradients...) may exist in one theme only (Mermaid's dark theme strokes
  // nodes with a gradient): compare the rest, then keep the union of the definitions.
  const lightDefs = definitions(light.markup);
  const darkDefs = definitions(dark.markup);
  if (lightDefs.rest !== darkDefs.rest) return undefined;
  let extra = '';
  for (const [id, element] of darkDefs.byId) {
    const other = lightDefs.byId.get(id);
    if (other === undefined) extra += element;
    else if (other !== element) return undefined;
  }
  const vars = new Map<string, { name: string; light: string; dark: string }>();
  const css = mergeCss(light.css, dark.css, vars);
  if (!css) return undefined;
  if (vars.size > 0) {
    const root = `#${options.rootId}`;
    const values = [...vars.values()];
    css.unshift(
      { kind: 'rule', selector: root, body: values.map((v) => `${v.name}:${v.light}`).join(';') },
      { kind: 'block', prelude: '@media screen', children: [{ kind: 'rule', selector: `${options.darkSelector} ${root}`, body: values.map((v) => `${v.name}:${v.dark}`).join(';') }] },
    );
  }
  const end = light.markup.lastIndexOf('</svg>');
  const markup = extra && end >= 0 ? light.markup.slice(0, end) + extra + light.markup.slice(end) : light.markup;
  return serializePruned({ markup, css, at: light.at });
}

/** The referencable definitions of the markup by id, and the markup without them. */
function definitions(markup: string): { byId: Map<string, string>; rest: string } {
  const byId = new Map<string, string>();
  const rest = markup.replace(referencable, (whole, _tag: string, id: string) => {
    byId.set(id, whole);
    return '';
  });
  return { byId, rest: rest.replace(/<defs>\s*<\/defs>|<defs\/>/g, '') };
}

/** The diagram type Mermaid writes on the root <svg> (`aria-roledescription`), e.g. flowchart-v2. */
export function diagramKind(svg: string): string | undefined {
  return /^<svg\b[^>]*\saria-roledescription="([^"]+)"/.exec(svg)?.[1];
}

/**
 * Diagram types whose dark rendering differs from the light one only in the <style> and in <defs>
 * that do not depend on the diagram's content (checked on a corpus of every node shape and edge
 * type in tests/unit/plugins/mermaid.test.ts). For these, `predictDark` may stand in for a second
 * rendering.
 */
export const predictableKinds = new Set(['flowchart-v2']);

/** Visits the declarations of two stylesheets rule by rule; false when their shapes differ. */
function eachPair(a: CssNode[], b: CssNode[], visit: (selector: string, property: string, aValue: string, bValue: string) => void): boolean {
  return (
    zipCss(a, b, (selector, property, aValue, bValue) => {
      visit(selector, property, aValue, bValue);
      return aValue;
    }) !== undefined
  );
}

/** A light and a dark rendering of one diagram of some kind, to predict others of that kind. */
export interface ThemeReference {
  light: string;
  dark: string;
}

/**
 * The dark rendering of a diagram predicted from its light rendering and a reference pair of the
 * same kind, without a second layout: Mermaid's theme decides the colours in the <style> (a fixed
 * set of rules per diagram type) and a few <defs>; the layout and the markup are the same.
 *
 * Conservative: returns undefined (render the dark theme for real) unless the kind is predictable,
 * every rule the reference has carries the reference's light value (so no init directive or
 * frontmatter changed the theme), no theme colour appears in a rule the reference lacks or in the
 * markup outside <defs>, and every definition is one the reference has, unchanged.
 */
export function predictDark(lightSvg: string, reference: ThemeReference): string | undefined {
  const kind = diagramKind(lightSvg);
  if (!kind || !predictableKinds.has(kind) || diagramKind(reference.light) !== kind || diagramKind(reference.dark) !== kind) return undefined;
  const refLight = splitStyle(reference.light);
  const refDark = splitStyle(reference.dark);
  const light = splitStyle(lightSvg);
  const darkValue = new Map<string, string | null>();
  const lightValue = new Map<string, string>();
  const themeValues = new Set<string>();
  const key = (selector: string, property: string) => `${selector}\u0000${property}`;
  const aligned = eachPair(parseCss(refLight.css), parseCss(refDark.css), (selector, property, l, d) => {
    const k = key(selector, property);
    if (lightValue.has(k) && lightValue.get(k) !== l) darkValue.set(k, null); // ambiguous: never predict
    lightValue.set(k, l);
    if (!darkValue.has(k)) darkValue.set(k, d);
    else if (darkValue.get(k) !== d) darkValue.set(k, null);
    if (l !== d) themeValues.add(l.replace(important, ''));
  });
  if (!aligned) return undefined;

  let safe = true;
  const predict = (nodes: CssNode[]): CssNode[] =>
    nodes.map((node): CssNode => {
      if (node.kind === 'block') return { ...node, children: predict(node.children) };
      if (node.kind !== 'rule') return node;
      const declarations = parseDeclarations(node.body).map(({ property, value }) => {
        const k = key(node.selector, property);
        if (!lightValue.has(k)) {
          if (themeValues.has(value.replace(important, ''))) safe = false;
          return { property, value };
        }
        const dark = darkValue.get(k);
        if (lightValue.get(k) !== value || dark === null || dark === undefined) safe = false;
        return { property, value: dark ?? value };
      });
      return { kind: 'rule', selector: node.selector, body: serializeDeclarations(declarations) };
    });
  const css = serializeCss(predict(parseCss(light.css)));
  if (!safe) return undefined;

  const lightDefs = definitions(light.markup);
  const refLightDefs = definitions(refLight.markup);
  const refDarkDefs = definitions(refDark.markup);
  for (const value of themeValues) if (lightDefs.rest.includes(value)) return undefined;
  // Same SVG text, with the predicted <style> and the dark theme's definitions.
  let svg = lightSvg.replace(styleElement, (whole, body: string) => `${whole.slice(0, whole.length - body.length - '</style>'.length)}${css}</style>`);
  for (const [id, element] of lightDefs.byId) {
    if (refLightDefs.byId.get(id) !== element) return undefined;
    const dark = refDarkDefs.byId.get(id);
    if (dark === undefined) return undefined;
    svg = svg.replace(element, () => dark);
  }
  let extra = '';
  for (const [id, element] of refDarkDefs.byId) if (!refLightDefs.byId.has(id)) extra += element;
  const end = svg.lastIndexOf('</svg>');
  return extra && end >= 0 ? svg.slice(0, end) + extra + svg.slice(end) : svg;
}
