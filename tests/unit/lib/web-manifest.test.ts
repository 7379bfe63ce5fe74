import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { webManifest } from '../../../src/lib/web-manifest.ts';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('webManifest', () => {
  it('makes an installable app scoped to the base', () => {
    const manifest = webManifest('/book/');
    expect(manifest).toMatchObject({ id: '/book/', start_url: '/book/', scope: '/book/', display: 'standalone' });
    expect(manifest.name.length).toBeGreaterThan(0);
    // Launchers cut labels longer than about 12 characters.
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest.icons.every((icon) => icon.src.startsWith('/book/icons/'))).toBe(true);
    expect(webManifest('/').icons[0]!.src).toBe('/icons/icon-192.png');
  });

  it('uses the light theme colours of the pages', () => {
    const { theme_color, background_color } = webManifest('/');
    const base = readFileSync(new URL('../../../src/layouts/Base.astro', import.meta.url), 'utf8');
    expect(base).toContain(`<meta name="theme-color" content="${theme_color}" media="(prefers-color-scheme: light)" />`);
    // --bg of the light theme, hsl(220 20% 99%).
    expect(background_color).toBe('#fcfcfd');
  });

  it('lists icons of 192 and 512 pixels, one maskable, that exist at those sizes', () => {
    const { icons } = webManifest('/');
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of icons) {
      const file = new URL(`../../../public${icon.src}`, import.meta.url).pathname;
      expect(existsSync(file), file).toBe(true);
      const size = Number(icon.sizes.split('x')[0]);
      expect(pngSize(file)).toEqual([size, size]);
    }
  });
});
