// Opens the built app in headless Chromium and records what a test must check on every page:
// requests leaving the origin, console errors, CSP violations.
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from './chromium';

export interface OpenedApp {
  page: Page;
  foreignRequests: string[];
  consoleErrors: string[];
  coldLoadMs: number;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS, headless: true });
}

export async function openApp(
  browser: Browser,
  options: { width?: number; height?: number; query?: string } = {},
): Promise<OpenedApp> {
  const baseUrl = inject('baseUrl');
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))
      foreignRequests.push(url);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(baseUrl + (options.query ?? ''));
  await page.waitForSelector('[data-map-ready="true"]', { state: 'attached', timeout: 30_000 });
  const coldLoadMs = await page.evaluate(() => performance.getEntriesByName('map-ready')[0].startTime);
  return { page, foreignRequests, consoleErrors, coldLoadMs };
}

/** Screen position of a longitude/latitude on the map (the app's automation hook). */
export async function screenPoint(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const mapBox = (await page.getByTestId('map').boundingBox())!;
  const point = await page.evaluate(
    ([x, y]) =>
      (
        window as unknown as { atlas: { project(a: number, b: number): { x: number; y: number } } }
      ).atlas.project(x, y),
    [lon, lat],
  );
  return { x: mapBox.x + point.x, y: mapBox.y + point.y };
}

export async function waitForMapToSettle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !(window as unknown as { atlas: { view(): { moving: boolean } } }).atlas.view().moving,
  );
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** Counts pixels of the map canvas close to a colour (within a tolerance per channel). */
export async function countPixelsNear(
  page: Page,
  rgb: [number, number, number],
  tolerance = 12,
): Promise<{ matching: number; total: number; distinctColours: number }> {
  return page.evaluate(
    async ([r, g, b, tol]) => {
      const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d')!;
      context.drawImage(canvas, 0, 0);
      const data = context.getImageData(0, 0, copy.width, copy.height).data;
      let matching = 0;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        if (
          Math.abs(data[i] - r) <= tol &&
          Math.abs(data[i + 1] - g) <= tol &&
          Math.abs(data[i + 2] - b) <= tol
        )
          matching++;
        if (i % 64 === 0) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      }
      return { matching, total: data.length / 4, distinctColours: colours.size };
    },
    [...rgb, tolerance] as const,
  );
}

/** Opens the app and loads the seeded sample with its button, as a user does, then lets the map settle. */
export async function openWithSample(browser: Browser): Promise<OpenedApp> {
  const app = await openApp(browser);
  await app.page.waitForSelector('[data-engine-ready="true"]', { state: 'attached' });
  await app.page.getByRole('button', { name: '加载示例数据' }).click();
  await app.page.getByTestId('choropleth-legend').waitFor({ timeout: 60_000 });
  await waitForMapToSettle(app.page);
  return app;
}
