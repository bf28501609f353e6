import geographiclib from 'geographiclib-geodesic';
import { expect, test } from 'vitest';
import { chooseScaleBar, metersPerCssPixel } from './scaleBar';

test('one CSS pixel at zoom 0 on the equator is the equator over 512 pixels; it halves per zoom level and shrinks with cos(latitude)', () => {
  expect(metersPerCssPixel(0, 0)).toBeCloseTo(40_075_016.686 / 512, 6);
  expect(metersPerCssPixel(0, 7)).toBeCloseTo(metersPerCssPixel(0, 6) / 2, 9);
  expect(metersPerCssPixel(60, 5)).toBeCloseTo(metersPerCssPixel(0, 5) / 2, 9);
});

test('Guizhou at zoom 7: about 546 m per CSS pixel, within 0.5 % of the WGS84 ellipsoid along the parallel', () => {
  expect(metersPerCssPixel(26.8, 7)).toBeCloseTo(545.81, 1);
  // 1000 pixels east along 26.8° N at zoom 7 span 360° × 1000 / (512 × 2⁷) of longitude.
  const degrees = (360 * 1000) / (512 * 2 ** 7);
  const ellipsoidMeters = geographiclib.Geodesic.WGS84.Inverse(26.8, 106, 26.8, 106 + degrees).s12!;
  expect(Math.abs((metersPerCssPixel(26.8, 7) * 1000) / ellipsoidMeters - 1)).toBeLessThan(0.005);
});

test('the bar is the longest of 1, 2, 5 × 10ⁿ metres that fits', () => {
  expect(chooseScaleBar(100, 200)).toEqual({ meters: 20_000, lengthPx: 200, label: '20 km' });
  expect(chooseScaleBar(100, 199)).toEqual({ meters: 10_000, lengthPx: 100, label: '10 km' });
  expect(chooseScaleBar(3, 100)).toEqual({ meters: 200, lengthPx: 200 / 3, label: '200 m' });
  expect(chooseScaleBar(1.2, 600).label).toBe('500 m');
});

test('an exact power of ten fits itself', () => {
  expect(chooseScaleBar(10, 100)).toEqual({ meters: 1000, lengthPx: 100, label: '1 km' });
  expect(chooseScaleBar(0.1, 1000)).toEqual({ meters: 100, lengthPx: 1000, label: '100 m' });
});

test('the bar never exceeds the room and is never shorter than a fifth of it', () => {
  for (const metersPerPixel of [0.37, 1, 7.3, 55, 240, 1091.5, 4321]) {
    for (const room of [80, 150, 333, 768]) {
      const bar = chooseScaleBar(metersPerPixel, room);
      expect(bar.lengthPx).toBeLessThanOrEqual(room * (1 + 1e-9));
      expect(bar.lengthPx).toBeGreaterThan(room / 5);
    }
  }
});

test('a zero or negative scale is refused', () => {
  expect(() => chooseScaleBar(0, 100)).toThrow(RangeError);
  expect(() => chooseScaleBar(10, -1)).toThrow(RangeError);
});
