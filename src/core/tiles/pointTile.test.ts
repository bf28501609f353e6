import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../coverage/random';
import { encodePointTile, TILE_EXTENT, type PointTileLayer } from './pointTile';
import { buildPointTileIndex, mercatorX, mercatorY, tileRange } from './pointTileIndex';

const decode = (bytes: Uint8Array) => new VectorTile(new PbfReader(bytes));

/** The tile of zoom z holding a position, the plain way. */
const tileOf = (lon: number, lat: number, z: number) => [
  Math.floor(mercatorX(lon) * 2 ** z),
  Math.floor(mercatorY(lat) * 2 ** z),
];

function seededPoints(count: number, seed: number) {
  const random = mulberry32(seed);
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    lon[i] = 103.6 + random() * 6;
    lat[i] = 24.6 + random() * 4.7;
  }
  return { lon, lat };
}

describe('point tile index', () => {
  it('finds exactly the points of a tile, at every zoom, as a plain scan does', () => {
    const { lon, lat } = seededPoints(5_000, 1);
    const index = buildPointTileIndex(lon, lat);
    for (const z of [0, 5, 8, 9, 12, 16, 18]) {
      const byTile = new Map<string, number[]>();
      for (let i = 0; i < lon.length; i++) {
        const key = tileOf(lon[i], lat[i], z).join('/');
        byTile.set(key, [...(byTile.get(key) ?? []), i]);
      }
      for (const [key, rows] of [...byTile].slice(0, 40)) {
        const [x, y] = key.split('/').map(Number);
        const [start, end] = tileRange(index, z, x, y);
        const found = [...index.rows.subarray(start, end)].sort((a, b) => a - b);
        if (z <= 16) expect(found, `${z}/${key}`).toEqual(rows);
        // Deeper tiles read their zoom-16 ancestor's points: a superset, trimmed when written.
        else expect(found).toEqual(expect.arrayContaining(rows));
      }
    }
  });

  it('leaves out rows without a position and rows not included', () => {
    const lon = Float64Array.of(106.7, NaN, 106.71, 106.72);
    const lat = Float64Array.of(26.6, 26.6, NaN, 26.61);
    const index = buildPointTileIndex(lon, lat, (row) => row !== 3);
    expect([...index.rows]).toEqual([0]);
  });

  it('puts a point on a tile edge in one tile only', () => {
    // Longitude 106.875 is x = 0.796875 exactly: the edge between two zoom-6 tiles (50 | 51).
    const index = buildPointTileIndex(Float64Array.of(106.875), Float64Array.of(26.5));
    const [, y] = tileOf(106.875, 26.5, 6);
    expect(tileRange(index, 6, 50, y)).toEqual([0, 0]);
    expect(tileRange(index, 6, 51, y)).toEqual([0, 1]);
  });
});

describe('point tiles (MVT)', () => {
  const lon = Float64Array.of(106.63, 106.7, 106.71, 107.5);
  const lat = Float64Array.of(26.65, 26.6, 26.61, 27.9);
  const layer: PointTileLayer = {
    name: 'stations',
    index: buildPointTileIndex(lon, lat),
    properties: {
      o: Uint8Array.of(0, 1, 1, 2),
      y: Int16Array.of(2021, 2024, 0, 2025),
      d: Float64Array.of(-1, 3.5, NaN, 1e9),
      n: ['甲村', '乙村', '丙村', '丁村'],
    },
  };

  it('round-trips every point of a tile: position, row as id, and properties', () => {
    const z = 9;
    const [x, y] = tileOf(106.7, 26.6, z);
    const tile = decode(encodePointTile(layer, z, x, y));
    const stations = tile.layers.stations;
    expect(stations.extent).toBe(TILE_EXTENT);
    const features = Array.from({ length: stations.length }, (_, i) => stations.feature(i));
    expect(features.map((f) => f.id).sort()).toEqual([0, 1, 2]);
    const second = features.find((f) => f.id === 1)!;
    expect(second.properties).toEqual({ o: 1, y: 2024, d: 3.5, n: '乙村' });
    expect(features.find((f) => f.id === 0)!.properties.d).toBe(-1);
    expect(features.find((f) => f.id === 2)!.properties.d).toBeNaN();
    const [px, py] = (second.toGeoJSON(x, y, z).geometry as { coordinates: number[] }).coordinates;
    // One tile unit at zoom 9 is ~19 m: the decoded position is within half of that.
    expect(Math.abs(px - 106.7)).toBeLessThan(0.0002);
    expect(Math.abs(py - 26.6)).toBeLessThan(0.0002);
  });

  it('writes an empty layer for a tile without points, and trims deeper tiles to their own', () => {
    // (Readers, MapLibre's too, treat a layer without features as no layer.)
    expect(decode(encodePointTile(layer, 9, 0, 0)).layers.stations?.length ?? 0).toBe(0);
    const z = 18;
    const [x, y] = tileOf(106.7, 26.6, z);
    const tile = decode(encodePointTile(layer, z, x, y)).layers.stations;
    expect(Array.from({ length: tile.length }, (_, i) => tile.feature(i).id)).toEqual([1]);
  });

  it('covers every point exactly once over all tiles of a zoom', () => {
    const points = seededPoints(2_000, 7);
    const many: PointTileLayer = {
      name: 'stations',
      index: buildPointTileIndex(points.lon, points.lat),
      properties: { i: Uint32Array.from(points.lon, (_, i) => i) },
    };
    const z = 10;
    const tiles = new Set(
      Array.from(points.lon, (_, i) => tileOf(points.lon[i], points.lat[i], z).join('/')),
    );
    const seen: number[] = [];
    for (const key of tiles) {
      const [x, y] = key.split('/').map(Number);
      const layerOut = decode(encodePointTile(many, z, x, y)).layers.stations;
      for (let i = 0; i < layerOut.length; i++) seen.push(layerOut.feature(i).id!);
    }
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from(points.lon, (_, i) => i));
  });
});
