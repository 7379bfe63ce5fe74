import { describe, expect, it } from 'vitest';
import { dropUnreferencedDefs, mergeThemes, pruneSvg, referencedIds, serializePruned, splitStyle } from '../../../src/plugins/mermaid/theme.ts';

/** A small stand-in for a Mermaid flowchart: a scoped <style>, definitions, nodes and an edge. */
function diagram(colours: { text: string; node: string; edge: string }, extraDefs = '', edgeMarker = 'arrow') {
  return (
    `<svg id="X" class="flowchart"><style>` +
    `#X{font-family:Arial;fill:${colours.text};}` +
    `@keyframes dash{to{stroke-dashoffset:0;}}` +
    `#X .edge-animation-slow{animation:dash 50s linear infinite;}` +
    `#X .node rect{fill:${colours.node};stroke:${colours.edge};stroke-width:1px;}` +
    `#X .marker{fill:${colours.edge}!important;}` +
    `#X .cluster rect{fill:${colours.node};}` +
    `#X .error-icon{fill:#552222;}` +
    `</style>` +
    `<defs><marker id="X_arrow" class="marker"><path d="M0,0"/></marker><marker id="X_circle" class="marker"><circle r="2"/></marker></defs>` +
    extraDefs +
    `<g class="node"><rect width="10"/><text>A</text></g>` +
    `<path class="flowchart-link" marker-end="url(#X_${edgeMarker})"/></svg>`
  );
}
const light = { text: '#333', node: '#ECECFF', edge: '#9370DB' };
const dark = { text: '#ccc', node: '#1f2020', edge: 'url(#X-gradient)' };
const gradient = '<linearGradient id="X-gradient"><stop offset="0%" stop-color="#ccc"/></linearGradient>';
const options = { rootId: 'X', darkSelector: "[data-theme='dark']" };

describe('pruning a rendered diagram', () => {
  it('drops style rules that match nothing in the SVG, and keyframes no rule uses', () => {
    const pruned = serializePruned(pruneSvg(diagram(light)));
    const { css } = splitStyle(pruned);
    expect(css).toContain('#X .node rect{');
    expect(css).toContain('#X .marker{');
    expect(css).not.toContain('.cluster');
    expect(css).not.toContain('.error-icon');
    expect(css).not.toContain('edge-animation');
    expect(css).not.toContain('@keyframes dash');
  });

  it('drops definitions nothing references, and keeps those referenced from markup or CSS', () => {
    expect(referencedIds('<path marker-end="url(#a)"/><use href="#b"/>x{stroke:url( "#c" )}')).toEqual(new Set(['a', 'b', 'c']));
    const markup = `<defs><marker id="a"></marker><marker id="b"></marker></defs>${gradient}<path marker-end="url(#a)"/>`;
    expect(dropUnreferencedDefs(markup, '')).toBe('<defs><marker id="a"></marker></defs><path marker-end="url(#a)"/>');
    expect(dropUnreferencedDefs(markup, '.n{stroke:url(#X-gradient)}')).toContain('id="X-gradient"');
    expect(dropUnreferencedDefs('<defs><marker id="z"></marker></defs><g/>', '')).toBe('<g/>');
  });
});

describe('mergeThemes', () => {
  it('merges renderings that differ only in colours into one SVG with custom properties', () => {
    const merged = mergeThemes(diagram(light), diagram(dark, gradient), options);
    expect(merged).toBeDefined();
    const { css, markup } = splitStyle(merged!);
    // One root rule with the light values, one dark rule for screens only.
    expect(css.startsWith('#X{--m0:#333;--m1:#ECECFF;--m2:#9370DB}')).toBe(true);
    expect(css).toContain("@media screen{[data-theme='dark'] #X{--m0:#ccc;--m1:#1f2020;--m2:url(#X-gradient)}}");
    expect(css).toContain('#X{font-family:Arial;fill:var(--m0)}');
    expect(css).toContain('#X .node rect{fill:var(--m1);stroke:var(--m2);stroke-width:1px}');
    // !important stays outside the variable.
    expect(css).toContain('#X .marker{fill:var(--m2)!important}');
    // The definition only the dark theme needs is kept; the unused marker is gone.
    expect(markup).toContain('id="X-gradient"');
    expect(markup).toContain('id="X_arrow"');
    expect(markup).not.toContain('id="X_circle"');
    expect(markup.match(/<svg/g)).toHaveLength(1);
  });

  it('reuses one property for a colour pair that appears in several rules', () => {
    const merged = mergeThemes(diagram(light), diagram({ ...light, text: '#eee' }), options)!;
    expect(splitStyle(merged).css).toMatch(/^#X\{--m0:#333\}@media screen\{\[data-theme='dark'\] #X\{--m0:#eee\}\}/);
  });

  it('writes no properties when both renderings are the same', () => {
    const merged = mergeThemes(diagram(light), diagram(light), options)!;
    expect(merged).not.toContain('--m');
    expect(merged).not.toContain('@media');
    expect(splitStyle(merged).css).toContain('#X{font-family:Arial;fill:#333}');
    expect(splitStyle(merged).markup).toBe(pruneSvg(diagram(light)).markup);
  });

  it('gives up when the markup differs beyond colours, so the caller keeps both renderings', () => {
    expect(mergeThemes(diagram(light), diagram(dark, '', 'circle'), options)).toBeUndefined();
    expect(mergeThemes(diagram(light), diagram(light).replace('<text>A</text>', '<text>B</text>'), options)).toBeUndefined();
  });

  it('gives up when the stylesheets differ in rules or properties', () => {
    const extraRule = diagram(dark).replace('</style>', '#X .node text{fill:red;}</style>');
    expect(mergeThemes(diagram(light), extraRule, options)).toBeUndefined();
    const otherProperty = diagram(dark).replace('stroke-width:1px', 'stroke-opacity:1');
    expect(mergeThemes(diagram(light), otherProperty, options)).toBeUndefined();
  });

  it('gives up when a definition with the same id differs between themes', () => {
    const lightDefs = diagram(light).replace('<path d="M0,0"/>', '<path d="M0,0" fill="#000"/>');
    const darkDefs = diagram(dark).replace('<path d="M0,0"/>', '<path d="M0,0" fill="#fff"/>');
    expect(mergeThemes(lightDefs, darkDefs, options)).toBeUndefined();
  });
});
