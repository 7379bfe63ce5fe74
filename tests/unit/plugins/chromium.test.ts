import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright';
import { findChromium, systemChromiumPaths } from '../../../src/plugins/mermaid/chromium.ts';

const existing = (...paths: string[]) => (path: string) => paths.includes(path);

describe('findChromium', () => {
  it('prefers CHROME_PATH when it exists', () => {
    expect(findChromium({ CHROME_PATH: '/opt/chrome' }, existing('/opt/chrome', '/usr/bin/chromium'))).toBe('/opt/chrome');
  });

  it('does not silently fall back when CHROME_PATH points nowhere', () => {
    expect(findChromium({ CHROME_PATH: '/opt/missing' }, existing('/usr/bin/chromium'))).toBeUndefined();
  });

  it('takes the first system browser that exists', () => {
    expect(findChromium({}, existing('/usr/bin/google-chrome', '/usr/bin/chromium-browser'))).toBe('/usr/bin/chromium-browser');
    expect(systemChromiumPaths[0]).toBe('/usr/bin/chromium');
  });

  it("falls back to Playwright's browser, or to nothing", () => {
    const bundled = chromium.executablePath();
    expect(findChromium({}, existing(bundled))).toBe(bundled);
    expect(findChromium({}, existing())).toBeUndefined();
  });
});
