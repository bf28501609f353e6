// The page's map as a test reads it: the app's automation hook (window.atlas, typed by
// src/app/automation.ts), when the app's work is done, where a place is on screen, and which
// colours the canvas holds.
//
// Rules relied on: a test waits for the app's own signals (`settled`: no layer refresh running or
// queued, the map idle; the next frames), never for a fixed time; the hook's calls run in the page,
// so `call` may use only its arguments, not the test's variables.
import type { Page } from 'playwright-core';
import type { AtlasAutomation } from '../../src/app/automation';

/** Calls the automation hook in the page: `atlas(page, (a, [lon, lat]) => a.project(lon, lat), seat)`. */
export async function atlas<R, Arg = undefined>(
  page: Page,
  call: (hook: AtlasAutomation, arg: Arg) => R | Promise<R>,
  arg?: Arg,
): Promise<R> {
  const hook = await page.evaluateHandle(() => {
    if (!window.atlas) throw new Error('window.atlas is not installed: is the map started?');
    return window.atlas;
  });
  try {
    return await hook.evaluate(call as (hook: AtlasAutomation, arg: unknown) => R | Promise<R>, arg);
  } finally {
    await hook.dispose();
  }
}

/** Two animation frames: whatever the last task changed (React effects included) is on screen. */
export const nextFrames = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );

/** Waits until no layer refresh is running or queued, the map is idle and that state is drawn. */
export async function settled(page: Page): Promise<void> {
  await atlas(page, (a) => a.settled());
  await nextFrames(page);
}

export const mapView = (page: Page) => atlas(page, (a) => a.view());

export const renderedCount = (page: Page, layerId: string) =>
  atlas(page, (a, layer) => a.renderedCount(layer), layerId);

export const jumpTo = (page: Page, lon: number, lat: number, zoom: number) =>
  atlas(page, (a, [x, y, z]) => a.jumpTo(x, y, z), [lon, lat, zoom] as const);

/** Screen position of a longitude/latitude on the map. */
export async function screenPoint(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const mapBox = (await page.getByTestId('map').boundingBox())!;
  const point = await atlas(page, (a, [x, y]) => a.project(x, y), [lon, lat] as const);
  return { x: mapBox.x + point.x, y: mapBox.y + point.y };
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
