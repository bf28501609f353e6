import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { expect, test } from 'vitest';
import { bordersWithoutWindow } from './neighbourBorders';

const polygon = (name: string, ...rings: Position[][]) => ({
  type: 'Feature' as const,
  properties: { name },
  geometry: { type: 'Polygon' as const, coordinates: rings },
});
const collection = (
  ...features: ReturnType<typeof polygon>[]
): FeatureCollection<Polygon | MultiPolygon> => ({
  type: 'FeatureCollection',
  features,
});
const lines = (result: ReturnType<typeof bordersWithoutWindow>) =>
  result.features.map((f) => f.geometry.coordinates);

test('two provinces cut to a 4 × 2 window keep only the border they share', () => {
  const result = bordersWithoutWindow(
    collection(
      polygon('west', [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ]),
      polygon('east', [
        [2, 0],
        [4, 0],
        [4, 2],
        [2, 2],
        [2, 0],
      ]),
    ),
  );
  expect(lines(result)).toEqual([
    [
      [
        [2, 0],
        [2, 2],
      ],
    ],
    [
      [
        [2, 2],
        [2, 0],
      ],
    ],
  ]);
  expect(result.features.map((f) => f.properties)).toEqual([{ name: 'west' }, { name: 'east' }]);
});

test('a ring starting in the middle of a border gives that border as one line', () => {
  const result = bordersWithoutWindow(
    collection(
      polygon('west', [
        [2, 1],
        [2, 2],
        [0, 2],
        [0, 0],
        [2, 0],
        [2, 1],
      ]),
      polygon('east', [
        [4, 0],
        [4, 2],
        [3, 2],
        [4, 0],
      ]),
    ),
  );
  expect(lines(result)[0]).toEqual([
    [
      [2, 0],
      [2, 1],
      [2, 2],
    ],
  ]);
  // The second ring's diagonal is a real border; its two sides on the window are not.
  expect(lines(result)[1]).toEqual([
    [
      [3, 2],
      [4, 0],
    ],
  ]);
});

test('a ring clear of the window (a hole, an island) is kept whole; a cut moved by the datum shift is still a cut', () => {
  const hole: Position[] = [
    [1, 0.5],
    [1.5, 0.5],
    [1.5, 1.5],
    [1, 0.5],
  ];
  const result = bordersWithoutWindow(
    collection(
      polygon(
        'west',
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [0.003, 2.004],
          [0, 0],
        ],
        hole,
      ),
      polygon('east', [
        [2, 0],
        [4, 0],
        [4, 2],
        [2, 2],
        [2, 0],
      ]),
    ),
  );
  expect(lines(result)[0]).toEqual([
    [
      [2, 0],
      [2, 2],
    ],
    hole,
  ]);
});

test('the real file: every outline vertex off the window survives, and no line runs along the window', async () => {
  const { readFileSync } = await import('node:fs');
  const neighbours = JSON.parse(readFileSync('geodata/neighbours.geojson', 'utf8'));
  const result = bordersWithoutWindow(neighbours);
  const all = result.features.flatMap((f) => f.geometry.coordinates);
  const xs = all.flat().map((p) => p[0]);
  expect(all.length).toBeGreaterThan(5);
  // No segment of the result lies along the western cut at 102.2° E.
  for (const line of all)
    for (let i = 1; i < line.length; i++)
      expect(Math.abs(line[i][0] - 102.2) < 0.01 && Math.abs(line[i - 1][0] - 102.2) < 0.01).toBe(false);
  expect(Math.min(...xs)).toBeGreaterThanOrEqual(102.19);
});
