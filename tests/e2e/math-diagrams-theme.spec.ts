import { test, expect, CHAPTER_1 } from './fixtures.ts';

test('formulas are KaTeX with MathML and no KaTeX or Mermaid JavaScript is loaded', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(CHAPTER_1);
  const maths = page.locator('.katex math');
  expect(await maths.count()).toBeGreaterThan(2);
  await expect(page.locator('.equation .katex-display math').first()).toBeAttached();
  await expect(page.locator('.equation .equation-number').first()).toHaveText(/^\(1\.1\)$/);
  expect(scripts.filter((s) => /katex|mermaid/i.test(s))).toEqual([]);
  // KaTeX fonts and CSS come from the site itself.
  const external = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith(location.origin)),
  );
  expect(external).toEqual([]);
  // KaTeX's styles are inline, its fonts are the book's subsets, and every one the page uses loads.
  expect(await page.locator('link[rel=stylesheet][href*=katex]').count()).toBe(0);
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.startsWith('KaTeX')).map((f) => ({ family: f.family, status: f.status }));
  });
  expect(fonts.filter((f) => f.status === 'loaded').map((f) => f.family)).toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']));
  expect(fonts.filter((f) => f.status === 'error')).toEqual([]);
});

/** Relative luminance of a CSS rgb() colour. */
const luminance = (css: string): number => {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

/** The fill of the first diagram's first text, and the page background, as the reader sees them. */
const diagramColours = (page: import('@playwright/test').Page) =>
  page.locator('.diagram svg').first().evaluate((svg) => ({
    text: getComputedStyle(svg.querySelector('text')!).fill,
    node: getComputedStyle(svg.querySelector('.node rect, .node path, .node polygon')!).fill,
    background: getComputedStyle(document.documentElement).backgroundColor,
  }));

for (const scheme of ['light', 'dark'] as const) {
  test(`diagrams are inline SVG with text alternatives and follow the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(CHAPTER_1);
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    const diagrams = page.locator('.diagram');
    expect(await diagrams.count()).toBeGreaterThanOrEqual(2);
    // One SVG per diagram, themed by CSS custom properties.
    expect(await page.locator('.diagram svg').count()).toBe(await diagrams.count());
    const visible = page.locator('.diagram svg').first();
    await expect(visible).toBeVisible();
    const alt = await visible.evaluate((svg) => {
      const text = (attr: string) =>
        (svg.getAttribute(attr) ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
      return { title: text('aria-labelledby'), description: text('aria-describedby') };
    });
    expect(alt.title.length).toBeGreaterThan(3);
    expect(alt.description.length).toBeGreaterThan(10);
    // Text in the diagram is legible against the page, and against its box.
    const colours = await diagramColours(page);
    expect(Math.abs(luminance(colours.text) - luminance(colours.background))).toBeGreaterThan(0.3);
    expect(Math.abs(luminance(colours.text) - luminance(colours.node))).toBeGreaterThan(0.3);
    // Dark text on light boxes in the light theme, light text on dark boxes in the dark theme.
    expect(luminance(colours.text) < luminance(colours.node)).toBe(scheme === 'light');
    // No two elements on the page share an id.
    const duplicates = await page.evaluate(() => {
      const seen = new Map<string, number>();
      document.querySelectorAll('[id]').forEach((el) => seen.set(el.id, (seen.get(el.id) ?? 0) + 1));
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    expect(duplicates).toEqual([]);
  });
}

test('the theme toggle switches diagrams, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(CHAPTER_1);
  const light = await diagramColours(page);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const dark = await diagramColours(page);
  expect(dark.text).not.toBe(light.text);
  expect(dark.node).not.toBe(light.node);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await diagramColours(page)).toEqual(dark);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the saved theme is applied before the page paints (no flash)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => localStorage.setItem('book-theme', 'dark'));
  // Record the theme when the first stylesheet-dependent element is parsed, before any module script runs.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.body) {
        (window as unknown as { firstTheme: string }).firstTheme = document.documentElement.dataset.theme ?? '';
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(CHAPTER_1);
  expect(await page.evaluate(() => (window as unknown as { firstTheme: string }).firstTheme)).toBe('dark');
});

test('broken storage does not break the theme toggle', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new Error('storage disabled'); } });
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(CHAPTER_1);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
