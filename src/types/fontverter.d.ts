/** fontverter (a dependency of subset-font) ships no types; the tests use it to read a woff2's tables. */
declare module 'fontverter' {
  const fontverter: { convert(font: Buffer | Uint8Array, to: 'sfnt' | 'truetype' | 'woff' | 'woff2'): Promise<Buffer> };
  export default fontverter;
}
