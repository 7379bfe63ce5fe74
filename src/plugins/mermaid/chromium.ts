/**
 * Finds a Chromium for build-time rendering (Mermaid needs a real browser for text layout).
 * Order: $CHROME_PATH, Debian/Ubuntu's packages, then the browser Playwright downloaded, if any.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

export const systemChromiumPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const missingChromiumHelp = [
  'No headless Chromium was found. Diagrams and end-to-end tests need one. Any of these works:',
  '  - Debian/Ubuntu: sudo apt-get install chromium',
  '  - any system:    npx playwright install chromium',
  '  - or point CHROME_PATH at a Chrome or Chromium binary: CHROME_PATH=/path/to/chrome npm run build',
].join('\n');

export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string | undefined {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) return exists(fromEnv) ? fromEnv : undefined;
  for (const path of systemChromiumPaths) if (exists(path)) return path;
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  return bundled && exists(bundled) ? bundled : undefined;
}

/** Flags that keep a headless Chromium quiet on a machine without network, and working as root. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
