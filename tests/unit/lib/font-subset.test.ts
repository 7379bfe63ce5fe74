import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium } from 'playwright';
import { describe, expect, it } from 'vitest';
import { HINTING_REFERENCE, readCmap, readTables, subsetTtf, toWoff2, writeCmap, writeSfnt } from '../../../src/lib/font-subset.ts';
import { chromiumArgs, findChromium } from '../../../src/plugins/mermaid/chromium.ts';

const fonts = join(dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css')), 'fonts');
const mainRegular = readFileSync(join(fonts, 'KaTeX_Main-Regular.ttf'));
const codes = (text: string) => [...text].map((c) => c.codePointAt(0)!);

/** A minimal WOFF2 reader: header, table directory (null transforms only), Brotli stream. */
function readWoff2(woff2: Buffer): { flavor: number; tables: Map<string, Buffer>; declaredLength: number; sfntSize: number } {
  expect(woff2.toString('latin1', 0, 4)).toBe('wOF2');
  // WOFF2's known-table indices (§5.2), as far as TrueType fonts such as KaTeX's need.
  const known = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern'];
  const count = woff2.readUInt16BE(12);
  let at = 48;
  const entries: { tag: string; length: number }[] = [];
  for (let i = 0; i < count; i++) {
    const flags = woff2[at++]!;
    const index = flags & 63;
    let tag: string;
    if (index === 63) {
      tag = woff2.toString('latin1', at, at + 4);
      at += 4;
    } else tag = known[index]!;
    const version = flags >> 6;
    expect(version, tag).toBe(tag === 'glyf' || tag === 'loca' ? 3 : 0); // untransformed
    let length = 0;
    for (;;) {
      const byte = woff2[at++]!;
      length = length * 128 + (byte & 127);
      if (!(byte & 128)) break;
    }
    entries.push({ tag, length });
  }
  const data = brotliDecompressSync(woff2.subarray(at, at + woff2.readUInt32BE(20)));
  const tables = new Map<string, Buffer>();
  let offset = 0;
  for (const { tag, length } of entries) {
    tables.set(tag, data.subarray(offset, offset + length));
    offset += length;
  }
  expect(offset).toBe(data.length);
  return { flavor: woff2.readUInt32BE(4), tables, declaredLength: woff2.readUInt32BE(8), sfntSize: woff2.readUInt32BE(16) };
}

describe('font subsets', () => {
  it('keep the asked characters and the hinting reference letters, and nothing else, in the cmap', () => {
    const { ttf, covered } = subsetTtf(mainRegular, codes('F=2(P+R)∑'));
    const cmap = readCmap(readTables(ttf).get('cmap')!);
    const original = readCmap(readTables(mainRegular).get('cmap')!);
    const expected = new Set([...codes('F=2(P+R)'), ...codes(HINTING_REFERENCE)].filter((c) => original.has(c)));
    expect(new Set(cmap.keys())).toEqual(expected);
    expect(covered).toEqual([...expected].sort((a, b) => a - b));
    // ∑ is not in Main (KaTeX draws it with Size1/Size2): not kept, not invented.
    expect(cmap.has(0x2211)).toBe(false);
    // Same glyph ids as before, so metrics and hinting still line up.
    for (const [c, glyph] of cmap) expect(glyph, String.fromCodePoint(c)).toBe(original.get(c));
  });

  it('empty the outlines of dropped glyphs and keep the others byte for byte', () => {
    const { ttf } = subsetTtf(mainRegular, codes('x'), false);
    const before = readTables(mainRegular);
    const after = readTables(ttf);
    expect(after.get('glyf')!.length).toBeLessThan(before.get('glyf')!.length / 20);
    const glyph = (tables: Map<string, Buffer>, id: number) => {
      const long = tables.get('head')!.readInt16BE(50) === 1;
      const loca = tables.get('loca')!;
      const at = (i: number) => (long ? loca.readUInt32BE(4 * i) : 2 * loca.readUInt16BE(2 * i));
      return tables.get('glyf')!.subarray(at(id), at(id + 1));
    };
    const x = readCmap(before.get('cmap')!).get(0x78)!;
    const y = readCmap(before.get('cmap')!).get(0x79)!;
    expect(glyph(after, x).subarray(0, glyph(before, x).length)).toEqual(glyph(before, x));
    expect(glyph(after, y).length).toBe(0);
    expect(after.get('hmtx')).toEqual(before.get('hmtx'));
    expect(after.get('post')!.readUInt32BE(0)).toBe(0x00030000); // no glyph names
  });

  it('keep the components of a composite glyph', () => {
    // A tiny font: glyph 1 simple ("B"), glyph 2 composite of glyph 3 ("A"), glyph 3 simple.
    const simple = Buffer.from([0, 1, 0, 0, 0, 0, 0, 10, 0, 10, 0, 0, 0, 0, 1, 1, 0, 0]);
    const composite = Buffer.from([0xff, 0xff, 0, 0, 0, 0, 0, 10, 0, 10, 0x00, 0x02, 0x00, 0x03, 0, 0]);
    const glyphs = [Buffer.alloc(0), simple, composite, simple];
    const offsets = [0];
    for (const g of glyphs) offsets.push(offsets.at(-1)! + g.length);
    const loca = Buffer.alloc(offsets.length * 4);
    offsets.forEach((o, i) => loca.writeUInt32BE(o, 4 * i));
    const head = Buffer.alloc(54);
    head.writeInt16BE(1, 50);
    const maxp = Buffer.alloc(6);
    maxp.writeUInt32BE(0x00005000, 0);
    maxp.writeUInt16BE(4, 4);
    const font = writeSfnt([
      { tag: 'head', data: head },
      { tag: 'maxp', data: maxp },
      { tag: 'loca', data: loca },
      { tag: 'glyf', data: Buffer.concat(glyphs) },
      { tag: 'cmap', data: writeCmap(new Map([[0x41, 2], [0x42, 1]])) },
      { tag: 'post', data: Buffer.alloc(32) },
    ]);
    const tables = readTables(subsetTtf(font, codes('A'), false).ttf);
    const out = tables.get('loca')!;
    const length = (id: number) => (tables.get('head')!.readInt16BE(50) === 1 ? out.readUInt32BE(4 * id + 4) - out.readUInt32BE(4 * id) : 2 * (out.readUInt16BE(2 * id + 2) - out.readUInt16BE(2 * id)));
    expect([length(1), length(2) > 0, length(3) > 0]).toEqual([0, true, true]);
  });

  it('write cmaps that read back the same, beyond the BMP too', () => {
    const map = new Map([[0x41, 5], [0x42, 6], [0x43, 7], [0x3b1, 40], [0x1d400, 90], [0x1d401, 91]]);
    expect(readCmap(writeCmap(map))).toEqual(map);
  });
});

describe('WOFF2 packing', () => {
  it('stores every table untransformed and unchanged, with consistent sizes', () => {
    const { ttf } = subsetTtf(mainRegular, codes('F=2(P+R)'));
    const woff2 = toWoff2(ttf);
    const { flavor, tables, declaredLength, sfntSize } = readWoff2(woff2);
    expect(flavor).toBe(0x00010000);
    expect(declaredLength).toBe(woff2.length);
    expect(woff2.length % 4).toBe(0);
    const original = readTables(ttf);
    expect([...tables.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [tag, data] of original) expect(tables.get(tag), tag).toEqual(data);
    expect(sfntSize).toBe(12 + 16 * original.size + [...original.values()].reduce((s, d) => s + Math.ceil(d.length / 4) * 4, 0));
    // glyf is followed by loca, as WOFF2 requires.
    const order = [...tables.keys()];
    expect(order[order.indexOf('glyf') + 1]).toBe('loca');
    expect(woff2.length).toBeLessThan(readFileSync(join(fonts, 'KaTeX_Main-Regular.woff2')).length / 2);
  });

  it('loads in Chromium and draws its characters exactly as the full font does', { timeout: 60_000 }, async () => {
    const text = '\u0394p = 0.0001, F1 = 2PR/(P+R)';
    const subset = toWoff2(subsetTtf(mainRegular, codes(text)).ttf).toString('base64');
    const full = readFileSync(join(fonts, 'KaTeX_Main-Regular.woff2')).toString('base64');
    const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
    try {
      const page = await browser.newPage();
      const css = `@font-face{font-family:Sub;src:url(data:font/woff2;base64,${subset})}@font-face{font-family:Full;src:url(data:font/woff2;base64,${full})}`;
      await page.setContent(`<style>${css} p{font-size:21px;position:absolute;left:10.3px;margin:0;white-space:pre}</style><p id="sub" style="top:0;font-family:Sub">${text}</p><p id="full" style="top:40px;font-family:Full">${text}</p>`);
      const status = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].map((f) => `${f.family}:${f.status}`).sort();
      });
      expect(status).toEqual(['Full:loaded', 'Sub:loaded']);
      const sub = await page.locator('#sub').screenshot();
      const fullShot = await page.locator('#full').screenshot();
      expect(sub.equals(fullShot)).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
