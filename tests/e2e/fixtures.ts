/**
 * Shared test fixture: every page a test opens fails the test if it logs a console error or
 * throws, as in mdBook's GUI tests. Also exports the book's page list and ports.
 */
import { test as base, expect } from '@playwright/test';

export const SUBPATH_ORIGIN = `http://127.0.0.1:${Number(process.env.BOOK_E2E_PORT ?? 4401) + 1}`;
export const CHAPTER_1 = '/chapters/what-ml-system-design-is/';

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        // The browser reports the intentional 404 of a missing page as a console error.
        const expected404 = /status of 404/.test(message.text()) && /no-such-/.test(page.url());
        if (message.type() === 'error' && !expected404) errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      await use(errors);
      expect(errors, 'console errors on the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Every page of the built book, read from its home page and sidebar links. */
export async function allPages(page: import('@playwright/test').Page, origin = ''): Promise<string[]> {
  await page.goto(`${origin}/`);
  const hrefs = await page.locator('a[href]').evaluateAll((links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href)).filter((u) => u.origin === location.origin).map((u) => u.pathname),
  );
  const base = new URL(`${origin || page.url()}/`.replace(/\/+$/, '/')).pathname;
  return [...new Set([...hrefs, `${base}glossary/`, `${base}bibliography/`])].sort();
}
