import { describe, expect, test } from 'vitest';
import booleanValid from '@turf/boolean-valid';
import { cleanRing, geodesicAreaKm2, isValidMultiPolygon, repairMultiPolygon, simplifyArc } from './geometry';

describe('cleanRing', () => {
  test('drops repeated vertices and out-and-back spikes, keeps the ring closed', () => {
    const spiky = [[0, 0], [1, 0], [1, 0], [2, 0], [2, 5], [2, 0], [2, 2], [0, 2], [0, 0]];
    expect(cleanRing(spiky)).toEqual([[0, 0], [1, 0], [2, 0], [2, 2], [0, 2], [0, 0]]);
  });
});

describe('repairMultiPolygon', () => {
  test('unions overlapping parts (the DataV defect) and leaves a valid square untouched', () => {
    const square = [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]];
    expect(repairMultiPolygon(square)).toEqual({ coordinates: square, repaired: false });
    const overlapping = [square[0], [[[0.5, 0], [2, 0], [2, 1], [0.5, 1], [0.5, 0]]]];
    expect(isValidMultiPolygon(overlapping)).toBe(false);
    const { coordinates, repaired } = repairMultiPolygon(overlapping);
    expect(repaired).toBe(true);
    expect(coordinates).toHaveLength(1);
    expect(booleanValid({ type: 'MultiPolygon', coordinates })).toBe(true);
    expect(geodesicAreaKm2(coordinates)).toBeCloseTo(geodesicAreaKm2([[[[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]]]]), 3);
  });

  test('counts a crossing ring (bow-tie) as invalid, which boolean-valid alone does not', () => {
    const bowTie = [[[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]];
    expect(isValidMultiPolygon(bowTie)).toBe(false);
  });
});

describe('simplifyArc', () => {
  test('never moves a border more than the tolerance and keeps both ends', () => {
    // A zig-zag along 26.8°N whose teeth are ~5 m and ~100 m high.
    const arc = Array.from({ length: 200 }, (_, i) => [106 + i * 0.001, 26.8 + (i % 2 ? (i % 10 === 1 ? 0.0009 : 0.00005) : 0)]);
    const { line, maxDisplacementMeters } = simplifyArc(arc, 30);
    expect(line[0]).toEqual(arc[0]);
    expect(line[line.length - 1]).toEqual(arc[arc.length - 1]);
    expect(line.length).toBeLessThan(arc.length);
    expect(maxDisplacementMeters).toBeLessThanOrEqual(30);
    expect(maxDisplacementMeters).toBeGreaterThan(4);
    // The 100 m teeth survive.
    expect(line.filter((p) => p[1] > 26.8008)).toHaveLength(20);
  });

  test('keeps a small closed island a ring', () => {
    const island = [[0, 0], [0.0001, 0], [0.0001, 0.0001], [0, 0.0001], [0, 0]];
    expect(simplifyArc(island, 30).line.length).toBeGreaterThanOrEqual(4);
  });
});

describe('geodesicAreaKm2', () => {
  test('a 1° × 1° cell at the equator is 12,308 km² on WGS84; holes are subtracted', () => {
    const cell = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    expect(geodesicAreaKm2([[cell]])).toBeCloseTo(12_308.8, 0);
    const hole = [[0.25, 0.25], [0.25, 0.75], [0.75, 0.75], [0.75, 0.25], [0.25, 0.25]];
    expect(geodesicAreaKm2([[cell, hole]])).toBeCloseTo(12_308.8 * 0.75, -1);
  });
});
