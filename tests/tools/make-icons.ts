/**
 * Draws the web app icons in public/icons/ from public/favicon.svg with headless Chromium. The PNGs
 * are committed (the build does not need a browser for them); run this again after changing the
 * favicon:
 *
 *   node tests/tools/make-icons.ts
 *
 * - icon-192.png, icon-512.png: the favicon as it is (rounded square, transparent corners);
 * - icon-maskable-512.png: the favicon's colour to the edges and its mark scaled into the central
 *   safe zone (a circle of 40% of the size), so launchers may crop it to any shape.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { chromiumArgs, findChromium } from '../../src/plugins/mermaid/chromium.ts';

const favicon = readFileSync(new URL('../../public/favicon.svg', import.meta.url), 'utf8');
const background = /<rect[^>]*fill="([^"]+)"/.exec(favicon)?.[1];
const mark = /<path[^>]*\/>/.exec(favicon)?.[0];
if (!background || !mark) throw new Error('public/favicon.svg no longer has a <rect fill> and a <path>: update tests/tools/make-icons.ts');
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${background}"/><g transform="translate(16 16) scale(0.8) translate(-16 -16)">${mark}</g></svg>`;

const icons: [file: string, svg: string, size: number][] = [
  ['icon-192.png', favicon, 192],
  ['icon-512.png', favicon, 512],
  ['icon-maskable-512.png', maskable, 512],
];

const executablePath = findChromium();
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs });
try {
  for (const [file, svg, size] of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: new URL(`../../public/icons/${file}`, import.meta.url).pathname, omitBackground: true });
    await page.close();
    console.log(`public/icons/${file} (${size}x${size})`);
  }
} finally {
  await browser.close();
}
