import { expect, test } from 'vitest';
import type { Bounds } from './areas';
import { cameraBounds, fitCamera, isBounds, NO_PADDING, unionBounds, type ScreenFrame } from './cameraFit';

const GUIZHOU: Bounds = [103.599576, 24.621195, 109.592728, 29.224014];

/** Screen position of a place for a camera (MapLibre's Web Mercator, 512-px world at zoom 0). */
function project(
  camera: { lon: number; lat: number; zoom: number },
  frame: ScreenFrame,
  lon: number,
  lat: number,
) {
  const scale = 512 * 2 ** camera.zoom;
  const x = (l: number) => ((l + 180) / 360) * scale;
  const y = (φ: number) => (0.5 - Math.atanh(Math.sin((φ * Math.PI) / 180)) / (2 * Math.PI)) * scale;
  return { x: frame.width / 2 + x(lon) - x(camera.lon), y: frame.height / 2 + y(lat) - y(camera.lat) };
}

test('the province fitted to a 1280 × 720 projector above a 100 px caption band lies wholly in the free area', () => {
  const frame = { width: 1280, height: 720, padding: { top: 18, right: 18, bottom: 118, left: 300 } };
  const camera = fitCamera(GUIZHOU, frame);
  const northWest = project(camera, frame, GUIZHOU[0], GUIZHOU[3]);
  const southEast = project(camera, frame, GUIZHOU[2], GUIZHOU[1]);
  expect(northWest.x).toBeGreaterThanOrEqual(300 - 1e-6);
  expect(northWest.y).toBeGreaterThanOrEqual(18 - 1e-6);
  expect(southEast.x).toBeLessThanOrEqual(1280 - 18 + 1e-6);
  expect(southEast.y).toBeLessThanOrEqual(720 - 118 + 1e-6);
  // As large as fits: the height is the tight side, so it fills it.
  expect(southEast.y - northWest.y).toBeCloseTo(720 - 18 - 118, 6);
  // and centred across the free width.
  expect((northWest.x + southEast.x) / 2).toBeCloseTo((300 + 1280 - 18) / 2, 6);
});

test('a wide screen and a tall one: whichever side is tight is filled, the other centred', () => {
  for (const frame of [
    { width: 1920, height: 1080, padding: NO_PADDING },
    { width: 390, height: 844, padding: NO_PADDING },
  ]) {
    const camera = fitCamera(GUIZHOU, frame);
    const a = project(camera, frame, GUIZHOU[0], GUIZHOU[3]);
    const b = project(camera, frame, GUIZHOU[2], GUIZHOU[1]);
    const filled = Math.max((b.x - a.x) / frame.width, (b.y - a.y) / frame.height);
    expect(filled).toBeCloseTo(1, 6);
    expect((a.x + b.x) / 2).toBeCloseTo(frame.width / 2, 6);
    expect((a.y + b.y) / 2).toBeCloseTo(frame.height / 2, 6);
  }
});

test('the box a camera shows, fitted again, gives the same camera', () => {
  const frame = { width: 1440, height: 900, padding: { top: 0, right: 0, bottom: 0, left: 332 } };
  const camera = { lon: 106.7, lat: 27.1, zoom: 8.37 };
  const again = fitCamera(cameraBounds(camera, frame), frame);
  expect(again.lon).toBeCloseTo(camera.lon, 9);
  expect(again.lat).toBeCloseTo(camera.lat, 9);
  expect(again.zoom).toBeCloseTo(camera.zoom, 9);
});

test('the zoom is kept within the limits; a point gets the largest', () => {
  const frame = { width: 1280, height: 720, padding: NO_PADDING };
  expect(fitCamera([106.7, 26.5, 106.7, 26.5], frame, { maxZoom: 14 }).zoom).toBe(14);
  expect(fitCamera([106.7, 26.5, 106.70001, 26.50001], frame, { maxZoom: 14 }).zoom).toBe(14);
  expect(fitCamera([60, -40, 160, 60], frame, { minZoom: 4.5 }).zoom).toBe(4.5);
});

test('padding larger than the screen still gives a finite camera', () => {
  const camera = fitCamera(GUIZHOU, {
    width: 300,
    height: 200,
    padding: { top: 150, right: 0, bottom: 150, left: 0 },
  });
  expect([camera.lon, camera.lat, camera.zoom].every(Number.isFinite)).toBe(true);
});

test('a box is four finite numbers in range, west of east and south of north', () => {
  expect(isBounds(GUIZHOU)).toBe(true);
  expect(isBounds([107, 27, 106, 28])).toBe(false);
  expect(isBounds([106, 28, 107, 27])).toBe(false);
  expect(isBounds([106, 27, 107])).toBe(false);
  expect(isBounds([106, 27, 107, NaN])).toBe(false);
  expect(isBounds([-200, 27, 107, 28])).toBe(false);
  expect(isBounds(['106', 27, 107, 28])).toBe(false);
  expect(isBounds(null)).toBe(false);
});

test('the union of boxes holds them all; no boxes, no union', () => {
  expect(
    unionBounds([
      [105.6, 27.14, 108.21, 29.22],
      [107.75, 27.12, 109.47, 29.09],
    ]),
  ).toEqual([105.6, 27.12, 109.47, 29.22]);
  expect(unionBounds([])).toBeNull();
});
