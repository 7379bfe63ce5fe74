import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseCss, parseDeclarations, presentTokens, purgeCss, selectorMayMatch, serializeCss, splitTopLevel } from '../../../src/lib/css.ts';

describe('parseCss and serializeCss', () => {
  it('reads rules, nested at-rules, bodies kept as written, and statements', () => {
    const css = `@charset "utf-8";@layer a, b;
      /* a comment { with braces } */
      .a, .b > .c { color: red; content: "}{"; }
      @media (max-width: 30rem) { .a { color: blue } @supports (display: grid) { .d { display: grid } } }
      @font-face { font-family: X; src: url(x.woff2) format("woff2") }
      @keyframes spin { from { transform: rotate(0) } to { transform: rotate(1turn) } }`;
    const nodes = parseCss(css);
    expect(nodes.map((n) => n.kind)).toEqual(['statement', 'statement', 'rule', 'block', 'at', 'at']);
    expect(nodes[2]).toEqual({ kind: 'rule', selector: '.a, .b > .c', body: 'color: red; content: "}{";' });
    const media = nodes[3]!;
    expect(media.kind === 'block' && media.children.map((c) => c.kind)).toEqual(['rule', 'block']);
    expect(serializeCss(nodes)).toBe(
      '@charset "utf-8";@layer a, b;.a, .b > .c{color: red; content: "}{";}@media (max-width: 30rem){.a{color: blue}@supports (display: grid){.d{display: grid}}}' +
        '@font-face{font-family: X; src: url(x.woff2) format("woff2")}@keyframes spin{from { transform: rotate(0) } to { transform: rotate(1turn) }}',
    );
  });

  it('round-trips KaTeX\'s own stylesheet without losing a rule', () => {
    const path = createRequire(import.meta.url).resolve('katex/dist/katex.min.css');
    const css = readFileSync(path, 'utf8');
    const nodes = parseCss(css);
    expect(nodes.filter((n) => n.kind === 'at' && n.prelude === '@font-face')).toHaveLength(20);
    // Re-reading the output gives the same tree: nothing was cut or merged.
    expect(parseCss(serializeCss(nodes))).toEqual(nodes);
    expect(serializeCss(nodes).replace(/\s/g, '').length).toBe(css.replace(/\s/g, '').length);
  });

  it('fails clearly on an unbalanced brace', () => {
    expect(() => parseCss('.a { color: red')).toThrow(/Unbalanced/);
  });
});

describe('splitTopLevel and parseDeclarations', () => {
  it('splits on commas and semicolons outside brackets and strings', () => {
    expect(splitTopLevel('.a:is(.b, .c), .d[title="x,y"]', ',')).toEqual(['.a:is(.b, .c)', '.d[title="x,y"]']);
    expect(parseDeclarations('fill:rgba(1,2,3, 0.5);content:"a;b";stroke:#333!important;')).toEqual([
      { property: 'fill', value: 'rgba(1,2,3, 0.5)' },
      { property: 'content', value: '"a;b"' },
      { property: 'stroke', value: '#333!important' },
    ]);
  });
});

describe('selectorMayMatch', () => {
  const present = presentTokens('<svg id="root" class="flowchart"><g class="node default" data-look="neo"><rect/></g><text class="label">x</text></svg>');

  it.each([
    ['#root .node rect', true],
    ['.node.default', true],
    ['#root [data-look="neo"].node rect', true],
    ['[data-look]', true],
    ['.node:not(.clickable)', true],
    ['.label::before', true],
    ['.label:hover', true],
    ['svg', true],
    ['.node:is(.missing, .default)', true],
    ['#root .cluster rect', false],
    ['.node.clickable', false],
    ['#other .node', false],
    ['[data-look="classic"].node', false],
    ['[data-missing]', false],
  ])('%s -> %s', (selector, expected) => {
    expect(selectorMayMatch(selector, present)).toBe(expected);
  });
});

describe('purgeCss', () => {
  it('keeps matching selectors only, keyframes and font faces that kept rules name, and drops empty blocks', () => {
    const css = parseCss(
      '.used,.unused{animation:spin 1s}.gone{animation:fade 1s}@keyframes spin{to{opacity:1}}@keyframes fade{to{opacity:0}}' +
        '@media print{.gone{color:red}}@media screen{.used{color:blue}}' +
        '@font-face{font-family:Used_Font;src:url(a.woff2)}@font-face{font-family:Other_Font;src:url(b.woff2)}.used{font-family:Used_Font,serif}',
    );
    const out = serializeCss(purgeCss(css, presentTokens('<p class="used">x</p>')));
    expect(out).toBe('.used{animation:spin 1s}@keyframes spin{to{opacity:1}}@media screen{.used{color:blue}}@font-face{font-family:Used_Font;src:url(a.woff2)}.used{font-family:Used_Font,serif}');
  });

  it('keeps @layer blocks (they fix the layer order) and purges inside them', () => {
    const out = serializeCss(purgeCss(parseCss('@layer base{.a{color:red}.b{color:blue}}@layer empty{.c{color:red}}'), presentTokens('<i class="a"></i>')));
    expect(out).toBe('@layer base{.a{color:red}}@layer empty{}');
  });
});
