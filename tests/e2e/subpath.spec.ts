import { test, expect, allPages, SUBPATH_ORIGIN } from './fixtures.ts';

test('the book built under /book/ keeps every link, asset and search result under /book/', async ({ page }) => {
  test.setTimeout(90_000);
  const outside: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === SUBPATH_ORIGIN && !url.pathname.startsWith('/book/')) outside.push(url.pathname);
  });
  await page.goto(`${SUBPATH_ORIGIN}/book/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const pages = await allPages(page, `${SUBPATH_ORIGIN}/book`);
  for (const path of pages) {
    expect(path.startsWith('/book/'), path).toBe(true);
  }
  for (const path of pages) {
    const response = await page.goto(`${SUBPATH_ORIGIN}${path}`);
    expect(response?.status(), path).toBe(200);
    const links = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.filter((href) => !href.startsWith('/book/')), path).toEqual([]);
  }
  await page.goto(`${SUBPATH_ORIGIN}/book/`);
  await page.getByRole('link', { name: /Start reading/ }).click();
  await expect(page).toHaveURL(`${SUBPATH_ORIGIN}/book/chapters/what-ml-system-design-is/`);
  await expect(page.locator('.katex math').first()).toBeAttached();
  await page.getByRole('button', { name: /Search/ }).click();
  await page.getByRole('searchbox', { name: 'Search terms' }).fill('petabytes');
  const first = page.locator('.search-section-link').first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/\/book\/chapters\/what-ml-system-design-is\/\?highlight=petabytes#automation$/);
  expect(outside).toEqual([]);
});
