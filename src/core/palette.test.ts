import { describe, expect, test } from 'vitest';
import { colourDifference, labOf, VISIONS } from './colourVision';
import {
  MAP_COLOURS,
  OPERATOR_COLOURS,
  RELOCATION_COLOURS,
  SCENIC_DISTANCE_CLASSES_METERS,
  SCENIC_DISTANCE_COLOURS,
  SCENIC_NO_STATION_COLOUR,
  scenicDistanceClass,
  scenicDistanceColour,
  VILLAGE_MARK_COLOURS,
  VILLAGE_STATUS_COLOURS,
} from './palette';

// ΔE00 of 10 or more reads as plainly different colours side by side; small map dots need more
// than the just-noticeable 1–3. Normal vision gets a stricter bound than the simulated
// dichromacies, which flatten colour to two dimensions.
const MIN_DIFFERENCE = { normal: 12, protanopia: 10, deuteranopia: 10, tritanopia: 10 } as const;

const roles = Object.keys(MAP_COLOURS);
const pairs = roles.flatMap((a, i) => roles.slice(i + 1).map((b) => [a, b] as const));

describe.each(VISIONS)('under %s vision', (vision) => {
  test(`every two colours that can be on the map together differ by ΔE00 ≥ ${MIN_DIFFERENCE[vision]}`, () => {
    const tooClose = pairs
      .map(([a, b]) => ({
        pair: `${a} ~ ${b}`,
        deltaE: colourDifference(MAP_COLOURS[a], MAP_COLOURS[b], vision),
      }))
      .filter(({ deltaE }) => deltaE < MIN_DIFFERENCE[vision])
      .map(({ pair, deltaE }) => `${pair}: ${deltaE.toFixed(1)}`);
    expect(tooClose).toEqual([]);
  });

  test('the scenic classes darken from near to far, then no station darkest, so their order reads without hue', () => {
    const lightness = [...SCENIC_DISTANCE_COLOURS, SCENIC_NO_STATION_COLOUR].map((c) => labOf(c, vision)[0]);
    for (let i = 1; i < lightness.length; i++) expect(lightness[i]).toBeLessThan(lightness[i - 1] - 8);
  });
});

test('the map colours hold every role: four operators and others, the cells, three village and three relocation statuses, five scenic classes', () => {
  expect(roles).toHaveLength(4 + 1 + 1 + 3 + 3 + 5);
  expect(new Set(Object.values(MAP_COLOURS).map((c) => c.toLowerCase())).size).toBe(roles.length);
});

test('the clashes users saw are gone: 中国移动 is neither village “yes” nor scenic “≤ 500 m”; 中国电信 is far from village “no”', () => {
  expect(colourDifference(OPERATOR_COLOURS['中国移动'], VILLAGE_STATUS_COLOURS.yes)).toBeGreaterThan(12);
  expect(colourDifference(OPERATOR_COLOURS['中国移动'], SCENIC_DISTANCE_COLOURS[0])).toBeGreaterThan(12);
  expect(colourDifference(VILLAGE_STATUS_COLOURS.yes, SCENIC_DISTANCE_COLOURS[0])).toBeGreaterThan(12);
  for (const vision of VISIONS)
    expect(colourDifference(OPERATOR_COLOURS['中国电信'], VILLAGE_STATUS_COLOURS.no, vision)).toBeGreaterThan(
      10,
    );
});

test('villages and relocation sites keep yes, no and unknown apart from each other', () => {
  for (const key of ['yes', 'no', 'unknown'] as const)
    expect(colourDifference(VILLAGE_STATUS_COLOURS[key], RELOCATION_COLOURS[key])).toBeGreaterThan(12);
});

test('a distance falls in the class whose upper bound it does not pass; none (or no station) is the last', () => {
  const [a, b, c] = SCENIC_DISTANCE_CLASSES_METERS;
  expect([0, a, a + 1, b, b + 1, c, c + 1, 50_000].map(scenicDistanceClass)).toEqual([
    0, 0, 1, 1, 2, 2, 3, 3,
  ]);
  expect(scenicDistanceClass(null)).toBe(4);
  expect(scenicDistanceClass(Infinity)).toBe(4);
  expect(scenicDistanceClass(-1)).toBe(4);
  expect(scenicDistanceColour(null)).toBe(SCENIC_NO_STATION_COLOUR);
  expect(scenicDistanceColour(a)).toBe(SCENIC_DISTANCE_COLOURS[0]);
});

test('the rings of edited, verified and disputed villages stand apart from each other, the village colours they surround and the white stroke', () => {
  const rings = Object.entries(VILLAGE_MARK_COLOURS);
  const grounds = [...Object.entries(VILLAGE_STATUS_COLOURS), ['white stroke', '#ffffff'] as const];
  const tooClose: string[] = [];
  for (const vision of VISIONS)
    rings.forEach(([ring, colour], i) => {
      for (const [other, against] of [...rings.slice(i + 1), ...grounds]) {
        const deltaE = colourDifference(colour, against, vision);
        if (deltaE < 15) tooClose.push(`${vision}: ${ring} ~ ${other} ${deltaE.toFixed(1)}`);
      }
    });
  expect(tooClose).toEqual([]);
});
