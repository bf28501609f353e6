import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import type { CountyCollection } from '../areas';
import { fitProjection, project, spreadDots, townshipMap, type MapPoint } from './townshipMap';

const box = { widthPx: 600, heightPx: 400, paddingPx: 20 };
/** A square "county" 0.2° a side around 108.9°E 25.7°N. */
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [108.8, 25.6],
      [109.0, 25.6],
      [109.0, 25.8],
      [108.8, 25.8],
      [108.8, 25.6],
    ],
  ],
};

/** Great-circle metres (haversine, the mean Earth radius). */
function meters(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad,
    dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

describe('projection', () => {
  const projection = fitProjection({ west: 108.8, south: 25.6, east: 109.0, north: 25.8 }, box);

  test('north is up and east is right', () => {
    const [x1, y1] = project(projection, 108.85, 25.65);
    const [x2, y2] = project(projection, 108.95, 25.75);
    expect(x2).toBeGreaterThan(x1);
    expect(y2).toBeLessThan(y1);
  });

  test('the fitted bounds lie inside the box less its padding, centred', () => {
    const [west, north] = project(projection, 108.8, 25.8);
    const [east, south] = project(projection, 109.0, 25.6);
    for (const x of [west, east]) expect(x).toBeGreaterThanOrEqual(box.paddingPx - 1e-9);
    for (const x of [west, east]) expect(x).toBeLessThanOrEqual(box.widthPx - box.paddingPx + 1e-9);
    // The square is taller than wide on the ground at 25.7°N, so it fills the height.
    expect(north).toBeCloseTo(box.paddingPx, 6);
    expect(south).toBeCloseTo(box.heightPx - box.paddingPx, 6);
    expect((west + east) / 2).toBeCloseTo(box.widthPx / 2, 6);
  });

  test('pixel distances times metres per pixel are ground distances, east–west and north–south', () => {
    const a: [number, number] = [108.82, 25.62];
    for (const b of [
      [108.98, 25.62],
      [108.82, 25.78],
      [108.95, 25.75],
    ] as Array<[number, number]>) {
      const [xa, ya] = project(projection, ...a);
      const [xb, yb] = project(projection, ...b);
      const ground = Math.hypot(xb - xa, yb - ya) * projection.metersPerPx;
      expect(Math.abs(ground - meters(a, b)) / meters(a, b)).toBeLessThan(0.005);
    }
  });
});

describe('township map', () => {
  const points: MapPoint[] = [
    { number: 1, lon: 108.9, lat: 25.7 },
    { number: 2, lon: 108.92, lat: 25.71 },
    { number: 3, lon: NaN, lat: NaN },
    { number: 4, lon: 108.91, lat: 25.69 },
  ];

  test('dots keep the list numbers in list order; a village without a position is unplaced', () => {
    const map = townshipMap(square, points, box);
    expect(map.dots.map((d) => d.number)).toEqual([1, 2, 4]);
    expect(map.unplaced).toEqual([3]);
  });

  test('every dot is inside the box less its padding, and they keep their relative places', () => {
    const map = townshipMap(square, points, box);
    for (const { x, y } of map.dots) {
      expect(x).toBeGreaterThanOrEqual(box.paddingPx);
      expect(x).toBeLessThanOrEqual(box.widthPx - box.paddingPx);
      expect(y).toBeGreaterThanOrEqual(box.paddingPx);
      expect(y).toBeLessThanOrEqual(box.heightPx - box.paddingPx);
    }
    const [one, two, four] = map.dots;
    expect(two.x).toBeGreaterThan(four.x);
    expect(four.x).toBeGreaterThan(one.x);
    expect(two.y).toBeLessThan(one.y);
    expect(four.y).toBeGreaterThan(one.y);
  });

  test('a single village still shows at least 3 km around it', () => {
    const map = townshipMap(square, [{ number: 1, lon: 108.9, lat: 25.7 }], box);
    const metersPerPx = map.scaleBar.meters / map.scaleBar.lengthPx;
    expect((box.heightPx - 2 * box.paddingPx) * metersPerPx).toBeGreaterThanOrEqual(2_999);
    const centre = { x: box.widthPx / 2, y: box.heightPx / 2 };
    expect(map.dots[0]).toEqual({ number: 1, ...centre, anchorX: centre.x, anchorY: centre.y });
  });

  test('without any positioned village the map fits the county', () => {
    const map = townshipMap(square, [{ number: 1, lon: NaN, lat: NaN }], box);
    expect(map.dots).toEqual([]);
    expect(map.unplaced).toEqual([1]);
    const ys = [...map.outline.matchAll(/[ML][\d.-]+ ([\d.-]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeCloseTo(box.paddingPx, 0);
    expect(Math.max(...ys)).toBeCloseTo(box.heightPx - box.paddingPx, 0);
  });

  test('the outline has one closed subpath per ring of every polygon', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [square.coordinates, [square.coordinates[0].map(([x, y]) => [x + 0.3, y])]],
    };
    const map = townshipMap(multi, points, box);
    expect(map.outline.match(/M/g)).toHaveLength(2);
    expect(map.outline.match(/Z/g)).toHaveLength(2);
    expect(map.inset.outline.match(/M/g)).toHaveLength(2);
  });

  test('the scale bar is a round length at most a quarter of the width', () => {
    const { scaleBar } = townshipMap(square, points, box);
    expect(scaleBar.lengthPx).toBeLessThanOrEqual(box.widthPx / 4);
    expect(scaleBar.lengthPx).toBeGreaterThan(box.widthPx / 10);
    expect(String(scaleBar.meters)).toMatch(/^[125]0*$/);
  });

  test("the inset shows the whole county and frames the main map's part of it", () => {
    const { inset } = townshipMap(square, points, box, 120);
    expect(Math.max(inset.widthPx, inset.heightPx)).toBe(120);
    // The county is taller than wide on the ground: the inset is narrower than high.
    expect(inset.widthPx).toBeLessThan(inset.heightPx);
    const { x, y, width, height } = inset.frame;
    expect(x).toBeGreaterThan(0);
    expect(y).toBeGreaterThan(0);
    expect(x + width).toBeLessThan(inset.widthPx);
    expect(y + height).toBeLessThan(inset.heightPx);
    expect(width / height).toBeCloseTo(box.widthPx / box.heightPx, 1);
  });

  test('a real county: 从江县 and villages spread over it', () => {
    const counties = JSON.parse(readFileSync('geodata/counties.geojson', 'utf8')) as CountyCollection;
    const congjiang = counties.features.find((f) => f.properties.adcode === '522633')!;
    const [lon, lat] = congjiang.properties.seat;
    const map = townshipMap(congjiang.geometry, [{ number: 1, lon, lat }], box);
    expect(map.outline.length).toBeGreaterThan(1000);
    expect(map.inset.frame.width).toBeLessThan(map.inset.widthPx);
  });
});

describe('spreading dots', () => {
  const area = { widthPx: 600, heightPx: 400 };
  const closestPair = (dots: Array<{ x: number; y: number }>) => {
    let closest = Infinity;
    for (let i = 0; i < dots.length; i++)
      for (let j = i + 1; j < dots.length; j++)
        closest = Math.min(closest, Math.hypot(dots[i].x - dots[j].x, dots[i].y - dots[j].y));
    return closest;
  };

  test('dots far enough apart stay where they are', () => {
    const dots = [
      { number: 1, x: 100, y: 100 },
      { number: 2, x: 120, y: 100 },
    ];
    expect(spreadDots(dots, 17, area)).toEqual([
      { number: 1, x: 100, y: 100, anchorX: 100, anchorY: 100 },
      { number: 2, x: 120, y: 100, anchorX: 120, anchorY: 100 },
    ]);
  });

  test('two overlapping dots move apart along the line between them, symmetrically', () => {
    const [a, b] = spreadDots(
      [
        { number: 1, x: 100, y: 100 },
        { number: 2, x: 106, y: 100 },
      ],
      17,
      area,
    );
    expect(b.x - a.x).toBeGreaterThanOrEqual(17);
    expect(b.x - a.x).toBeLessThan(17.1);
    expect((a.x + b.x) / 2).toBeCloseTo(103, 6);
    expect([a.y, b.y]).toEqual([100, 100]);
    expect([a.anchorX, b.anchorX]).toEqual([100, 106]);
  });

  test('thirty dots on one spot end up with no two closer than the minimum, inside the box', () => {
    const dots = Array.from({ length: 30 }, (_, i) => ({ number: i + 1, x: 300, y: 200 }));
    const spread = spreadDots(dots, 17, area);
    expect(closestPair(spread)).toBeGreaterThanOrEqual(17 - 1e-6);
    expect(spread.map((d) => d.number)).toEqual(dots.map((d) => d.number));
    for (const d of spread) {
      expect(d.x).toBeGreaterThanOrEqual(8.5);
      expect(d.x).toBeLessThanOrEqual(area.widthPx - 8.5);
    }
  });

  test('a cluster in a corner is kept inside the box and still spread', () => {
    const dots = Array.from({ length: 8 }, (_, i) => ({ number: i + 1, x: 2 + i, y: 3 }));
    const spread = spreadDots(dots, 17, area);
    expect(closestPair(spread)).toBeGreaterThanOrEqual(17 - 1e-6);
    for (const d of spread) expect(Math.min(d.x, d.y)).toBeGreaterThanOrEqual(8.5);
  });

  test('the map spreads overlapping villages and keeps their true positions as anchors', () => {
    const near: MapPoint[] = [
      { number: 1, lon: 108.9, lat: 25.7 },
      { number: 2, lon: 108.9001, lat: 25.7 },
      { number: 3, lon: 108.95, lat: 25.75 },
    ];
    const map = townshipMap(square, near, box, 120, 8);
    expect(closestPair(map.dots)).toBeGreaterThanOrEqual(16.9);
    const [one, two] = map.dots;
    expect(Math.hypot(one.anchorX - two.anchorX, one.anchorY - two.anchorY)).toBeLessThan(2);
  });
});
