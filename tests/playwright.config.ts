/**
 * End-to-end tests against the built site: `dist` served at / and `dist-book` (built with
 * BOOK_BASE=/book/) served under /book/. Uses the system Chromium when there is one (Debian's
 * package here), otherwise Playwright's own browser.
 */
import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from '../src/plugins/mermaid/chromium.ts';

/** BOOK_E2E_PORT moves both servers (e.g. to run two checkouts' suites side by side). */
export const ROOT_PORT = Number(process.env.BOOK_E2E_PORT ?? 4401);
export const SUBPATH_PORT = ROOT_PORT + 1;
const executablePath = findChromium();

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${ROOT_PORT}`,
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: chromiumArgs },
    trace: 'off',
  },
  webServer: [
    {
      command: `node tests/serve.ts --dir dist --port ${ROOT_PORT}`,
      url: `http://127.0.0.1:${ROOT_PORT}/`,
      reuseExistingServer: false,
      cwd: '..',
    },
    {
      command: `node tests/serve.ts --dir dist-book --port ${SUBPATH_PORT} --base /book/`,
      url: `http://127.0.0.1:${SUBPATH_PORT}/book/`,
      reuseExistingServer: false,
      cwd: '..',
    },
  ],
});
