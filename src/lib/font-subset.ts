/**
 * Subsets a TrueType font (glyf outlines, such as KaTeX's) to the characters a site uses, and
 * packs it as WOFF2. Pure functions over bytes; no dependencies beyond Node's Brotli.
 *
 * The subset keeps every glyph id (so hmtx, hinting and any layout table stay valid) but empties
 * the outlines of glyphs no kept character needs (composite glyphs keep their components), writes
 * a cmap with only the kept characters (others fall back to the next font, as for any character a
 * font lacks) and drops glyph names (post format 3). WOFF2 tables are stored untransformed
 * ("null transform", WOFF2 §5.1) and Brotli-compressed together.
 */
import { brotliCompressSync, constants } from 'node:zlib';

interface Table {
  tag: string;
  data: Buffer;
}

export function readTables(font: Buffer): Map<string, Buffer> {
  const version = font.readUInt32BE(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new Error('Not a TrueType font (expected glyf outlines)');
  const count = font.readUInt16BE(4);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const entry = 12 + 16 * i;
    const tag = font.toString('latin1', entry, entry + 4);
    const offset = font.readUInt32BE(entry + 8);
    const length = font.readUInt32BE(entry + 12);
    tables.set(tag, font.subarray(offset, offset + length));
  }
  return tables;
}

/** Code point -> glyph id, from the cmap's Unicode subtables (formats 4 and 12). */
export function readCmap(cmap: Buffer): Map<number, number> {
  const map = new Map<number, number>();
  const count = cmap.readUInt16BE(2);
  const subtables: { format: number; offset: number }[] = [];
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + 8 * i);
    const encoding = cmap.readUInt16BE(6 + 8 * i);
    const offset = cmap.readUInt32BE(8 + 8 * i);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode) subtables.push({ format: cmap.readUInt16BE(offset), offset });
  }
  for (const { format, offset } of subtables) {
    if (format === 4) {
      const segments = cmap.readUInt16BE(offset + 6) / 2;
      const ends = offset + 14;
      const starts = ends + 2 * segments + 2;
      const deltas = starts + 2 * segments;
      const ranges = deltas + 2 * segments;
      for (let s = 0; s < segments; s++) {
        const end = cmap.readUInt16BE(ends + 2 * s);
        const start = cmap.readUInt16BE(starts + 2 * s);
        const delta = cmap.readInt16BE(deltas + 2 * s);
        const rangeOffset = cmap.readUInt16BE(ranges + 2 * s);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph: number;
          if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
          else {
            const at = ranges + 2 * s + rangeOffset + 2 * (c - start);
            glyph = cmap.readUInt16BE(at);
            if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
          }
          if (glyph !== 0 && !map.has(c)) map.set(c, glyph);
        }
      }
    } else if (format === 12) {
      const groups = cmap.readUInt32BE(offset + 12);
      for (let g = 0; g < groups; g++) {
        const at = offset + 16 + 12 * g;
        const start = cmap.readUInt32BE(at);
        const end = cmap.readUInt32BE(at + 4);
        const glyph = cmap.readUInt32BE(at + 8);
        for (let c = start; c <= end; c++) if (!map.has(c)) map.set(c, glyph + c - start);
      }
    }
  }
  return map;
}

/** A cmap with a format 4 subtable (and a format 12 one when a code point is beyond the BMP). */
export function writeCmap(map: Map<number, number>): Buffer {
  const codes = [...map.keys()].sort((a, b) => a - b);
  const bmp = codes.filter((c) => c < 0xffff);
  // Format 4: one segment per run of consecutive code points with consecutive glyph ids.
  const segments: { start: number; end: number; delta: number }[] = [];
  for (const c of bmp) {
    const glyph = map.get(c)!;
    const last = segments.at(-1);
    if (last && c === last.end + 1 && ((glyph - c) & 0xffff) === last.delta) last.end = c;
    else segments.push({ start: c, end: c, delta: (glyph - c) & 0xffff });
  }
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const n = segments.length;
  const format4 = Buffer.alloc(16 + 8 * n);
  const search = 2 ** Math.floor(Math.log2(n));
  format4.writeUInt16BE(4, 0);
  format4.writeUInt16BE(format4.length, 2);
  format4.writeUInt16BE(0, 4);
  format4.writeUInt16BE(2 * n, 6);
  format4.writeUInt16BE(2 * search, 8);
  format4.writeUInt16BE(Math.log2(search), 10);
  format4.writeUInt16BE(2 * n - 2 * search, 12);
  segments.forEach((s, i) => {
    format4.writeUInt16BE(s.end, 14 + 2 * i);
    format4.writeUInt16BE(s.start, 16 + 2 * n + 2 * i);
    format4.writeUInt16BE(s.delta, 16 + 4 * n + 2 * i);
    format4.writeUInt16BE(0, 16 + 6 * n + 2 * i);
  });
  const astral = codes.filter((c) => c > 0xffff);
  const subtables: { platform: number; encoding: number; data: Buffer }[] = [{ platform: 3, encoding: 1, data: format4 }];
  if (astral.length > 0) {
    const groups: { start: number; end: number; glyph: number }[] = [];
    for (const c of codes) {
      const glyph = map.get(c)!;
      const last = groups.at(-1);
      if (last && c === last.end + 1 && glyph === last.glyph + (c - last.start)) last.end = c;
      else groups.push({ start: c, end: c, glyph });
    }
    const format12 = Buffer.alloc(16 + 12 * groups.length);
    format12.writeUInt16BE(12, 0);
    format12.writeUInt32BE(format12.length, 4);
    format12.writeUInt32BE(groups.length, 12);
    groups.forEach((g, i) => {
      format12.writeUInt32BE(g.start, 16 + 12 * i);
      format12.writeUInt32BE(g.end, 20 + 12 * i);
      format12.writeUInt32BE(g.glyph, 24 + 12 * i);
    });
    subtables.push({ platform: 3, encoding: 10, data: format12 });
  }
  const header = Buffer.alloc(4 + 8 * subtables.length);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(subtables.length, 2);
  let offset = header.length;
  subtables.forEach((t, i) => {
    header.writeUInt16BE(t.platform, 4 + 8 * i);
    header.writeUInt16BE(t.encoding, 6 + 8 * i);
    header.writeUInt32BE(offset, 8 + 8 * i);
    offset += t.data.length;
  });
  return Buffer.concat([header, ...subtables.map((t) => t.data)]);
}

function glyphOffsets(loca: Buffer, numGlyphs: number, longFormat: boolean): number[] {
  return Array.from({ length: numGlyphs + 1 }, (_, i) => (longFormat ? loca.readUInt32BE(4 * i) : 2 * loca.readUInt16BE(2 * i)));
}

/** Glyph ids a composite glyph refers to. */
function components(glyph: Buffer): number[] {
  if (glyph.length < 10 || glyph.readInt16BE(0) >= 0) return [];
  const found: number[] = [];
  let at = 10;
  for (;;) {
    const flags = glyph.readUInt16BE(at);
    found.push(glyph.readUInt16BE(at + 2));
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
    if (!(flags & 0x0020)) return found;
  }
}

const pad4 = (b: Buffer): Buffer => (b.length % 4 === 0 ? b : Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]));

function checksum(data: Buffer): number {
  const padded = pad4(data);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** Writes an sfnt (TrueType) file from tables, with checksums and head.checkSumAdjustment. */
export function writeSfnt(tables: Table[]): Buffer {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const n = sorted.length;
  const search = 2 ** Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + 16 * n);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(16 * search, 6);
  header.writeUInt16BE(Math.log2(search), 8);
  header.writeUInt16BE(16 * n - 16 * search, 10);
  let offset = header.length;
  const head = sorted.find((t) => t.tag === 'head');
  if (head) head.data.writeUInt32BE(0, 8);
  sorted.forEach((t, i) => {
    header.write(t.tag, 12 + 16 * i, 'latin1');
    header.writeUInt32BE(checksum(t.data), 16 + 16 * i);
    header.writeUInt32BE(offset, 20 + 16 * i);
    header.writeUInt32BE(t.data.length, 24 + 16 * i);
    offset += pad4(t.data).length;
  });
  const font = Buffer.concat([header, ...sorted.map((t) => pad4(t.data))]);
  if (head) {
    const at = header.readUInt32BE(20 + 16 * sorted.indexOf(head));
    font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, at + 8);
  }
  return font;
}

/**
 * Letters FreeType's auto-hinter (Linux, Android, ChromeOS) measures to align a font's glyphs: its
 * blue-zone strings for Latin, Greek and Cyrillic (FreeType's afblue.dat). A subset without them
 * renders the same outlines hinted differently, so subsets keep those the font has: formulas then
 * look pixel for pixel as with the full font.
 */
export const HINTING_REFERENCE = 'THEZOCQSHEZLOCUSfijkdbhxzroescpqgjyo' + 'ΓΒΕΖΘΟΩΒΔΖΞΘΟβθδζλξαειοπστωβγημρφχψ' + 'БВЕПЗОСЭБВЕШЗОСЭхпншезосруф';

export interface SubsetResult {
  /** The subset font as TrueType. */
  ttf: Buffer;
  /** Code points kept: those asked for (and of the hinting reference) that the font has. */
  covered: number[];
}

/**
 * Keeps the glyphs of `codePoints` (and .notdef) in a TrueType font, and those of
 * HINTING_REFERENCE unless `keepHintingReference` is false.
 */
export function subsetTtf(font: Buffer, codePoints: Iterable<number>, keepHintingReference = true): SubsetResult {
  const tables = readTables(font);
  const need = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new Error(`The font has no ${tag} table`);
    return t;
  };
  const head = Buffer.from(need('head'));
  const numGlyphs = need('maxp').readUInt16BE(4);
  const longFormat = head.readInt16BE(50) === 1;
  const offsets = glyphOffsets(need('loca'), numGlyphs, longFormat);
  const glyf = need('glyf');
  const glyph = (id: number) => glyf.subarray(offsets[id]!, offsets[id + 1]!);

  const cmap = readCmap(need('cmap'));
  const kept = new Map<number, number>();
  const wanted = keepHintingReference ? [...codePoints, ...[...HINTING_REFERENCE].map((c) => c.codePointAt(0)!)] : codePoints;
  for (const c of wanted) {
    const id = cmap.get(c);
    if (id !== undefined) kept.set(c, id);
  }
  const glyphs = new Set<number>([0, ...kept.values()]);
  const queue = [...glyphs];
  while (queue.length > 0) {
    for (const component of components(glyph(queue.pop()!))) {
      if (!glyphs.has(component)) {
        glyphs.add(component);
        queue.push(component);
      }
    }
  }

  const parts: Buffer[] = [];
  const newOffsets: number[] = [0];
  let size = 0;
  for (let id = 0; id < numGlyphs; id++) {
    const data = glyphs.has(id) ? pad4(glyph(id)) : Buffer.alloc(0);
    parts.push(data);
    size += data.length;
    newOffsets.push(size);
  }
  const newGlyf = Buffer.concat(parts);
  const useLong = longFormat || size / 2 > 0xffff;
  const loca = Buffer.alloc((numGlyphs + 1) * (useLong ? 4 : 2));
  newOffsets.forEach((o, i) => (useLong ? loca.writeUInt32BE(o, 4 * i) : loca.writeUInt16BE(o / 2, 2 * i)));
  head.writeInt16BE(useLong ? 1 : 0, 50);

  const post = Buffer.from(need('post').subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0);

  const out: Table[] = [];
  for (const [tag, data] of tables) {
    if (tag === 'DSIG') continue; // a signature no longer matches the changed font
    const replaced = { glyf: newGlyf, loca, head, post, cmap: writeCmap(kept) }[tag];
    out.push({ tag, data: replaced ?? Buffer.from(data) });
  }
  return { ttf: writeSfnt(out), covered: [...kept.keys()].sort((a, b) => a - b) };
}

const knownTags = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT',
  'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH',
  'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar',
  'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
];

function base128(value: number): Buffer {
  const bytes: number[] = [];
  do {
    bytes.unshift(value & 0x7f);
    value >>>= 7;
  } while (value > 0);
  return Buffer.from(bytes.map((b, i) => (i < bytes.length - 1 ? b | 0x80 : b)));
}

/** Packs a TrueType font as WOFF2 with untransformed tables. */
export function toWoff2(ttf: Buffer): Buffer {
  const tables = [...readTables(ttf)].map(([tag, data]) => ({ tag, data }));
  // glyf and loca must be adjacent in this order; the rest in tag order.
  tables.sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const loca = tables.findIndex((t) => t.tag === 'loca');
  if (loca !== -1) {
    const [entry] = tables.splice(loca, 1);
    tables.splice(tables.findIndex((t) => t.tag === 'glyf') + 1, 0, entry!);
  }
  const directory = Buffer.concat(
    tables.map(({ tag, data }) => {
      const known = knownTags.indexOf(tag);
      // Transform version 3 is the null transform for glyf and loca; 0 is null for every other table.
      const version = tag === 'glyf' || tag === 'loca' ? 3 : 0;
      const flags = Buffer.from([(version << 6) | (known === -1 ? 63 : known)]);
      return Buffer.concat([flags, known === -1 ? Buffer.from(tag, 'latin1') : Buffer.alloc(0), base128(data.length)]);
    }),
  );
  const compressed = brotliCompressSync(Buffer.concat(tables.map((t) => t.data)), {
    params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_FONT, [constants.BROTLI_PARAM_QUALITY]: 11 },
  });
  const sfntSize = 12 + 16 * tables.length + tables.reduce((sum, t) => sum + pad4(t.data).length, 0);
  const header = Buffer.alloc(48);
  const length = header.length + directory.length + compressed.length;
  const padded = length + ((4 - (length % 4)) % 4);
  header.write('wOF2', 0, 'latin1');
  header.writeUInt32BE(ttf.readUInt32BE(0), 4);
  header.writeUInt32BE(padded, 8);
  header.writeUInt16BE(tables.length, 12);
  header.writeUInt32BE(sfntSize, 16);
  header.writeUInt32BE(compressed.length, 20);
  header.writeUInt16BE(1, 24);
  return Buffer.concat([header, directory, compressed, Buffer.alloc(padded - length)]);
}
