import { describe, expect, test } from 'vitest';
import geographiclib from 'geographiclib-geodesic';
import { GUIZHOU_BBOX, mulberry32, randomPoints, type Random } from './random';
import { buildPointGrid, forEachWithin, haversineMeters, nearest, type PointGrid } from './stationGrid';

const GUIYANG_SEAT = [106.622768, 26.650036]; // 观山湖区, seat of Guiyang's government
const ZUNYI_SEAT = [106.93343, 27.710147]; // 汇川区, seat of Zunyi's government

function bruteNearest(
  lon: Float64Array,
  lat: Float64Array,
  queryLon: number,
  queryLat: number,
  mask?: Uint8Array,
  maxMeters = Infinity,
) {
  let index = -1,
    meters = Infinity;
  for (let i = 0; i < lon.length; i++) {
    if (mask && !mask[i]) continue;
    const d = haversineMeters(queryLon, queryLat, lon[i], lat[i]);
    if (d < meters || (d === meters && i < index)) {
      index = i;
      meters = d;
    }
  }
  return meters <= maxMeters ? { index, meters } : { index: -1, meters: Infinity };
}

function bruteWithin(
  lon: Float64Array,
  lat: Float64Array,
  queryLon: number,
  queryLat: number,
  radiusMeters: number,
  mask?: Uint8Array,
) {
  const found: Array<[number, number]> = [];
  for (let i = 0; i < lon.length; i++) {
    if (mask && !mask[i]) continue;
    const d = haversineMeters(queryLon, queryLat, lon[i], lat[i]);
    if (d <= radiusMeters) found.push([i, d]);
  }
  return found;
}

function gridWithin(grid: PointGrid, queryLon: number, queryLat: number, radiusMeters: number) {
  const found: Array<[number, number]> = [];
  forEachWithin(grid, queryLon, queryLat, radiusMeters, (index, meters) => {
    found.push([index, meters]);
  });
  return found.sort((a, b) => a[0] - b[0]);
}

/** Queries inside the bbox and a margin around it, where a query's cell is outside the grid. */
function queries(random: Random, count: number) {
  const [west, south, east, north] = GUIZHOU_BBOX;
  return randomPoints(random, count, [west - 0.5, south - 0.5, east + 0.5, north + 0.5]);
}

describe('haversineMeters', () => {
  test('gives 111.2 km for one degree of latitude', () => {
    expect(haversineMeters(106, 26, 106, 27)).toBeCloseTo(111_195, 0);
  });
  test('puts the Guiyang and Zunyi seats 120–140 km apart', () => {
    const meters = haversineMeters(GUIYANG_SEAT[0], GUIYANG_SEAT[1], ZUNYI_SEAT[0], ZUNYI_SEAT[1]);
    expect(meters).toBeGreaterThan(120_000);
    expect(meters).toBeLessThan(140_000);
  });
  test('is symmetric and zero for the same point', () => {
    expect(haversineMeters(106.5, 26.5, 106.5, 26.5)).toBe(0);
    expect(haversineMeters(104, 25, 109, 29)).toBeCloseTo(haversineMeters(109, 29, 104, 25), 6);
  });
  test('stays within 0.5% of the WGS84 ellipsoid distance across Guizhou', () => {
    const random = mulberry32(7);
    const { lon, lat } = randomPoints(random, 200);
    for (let i = 0; i + 1 < lon.length; i += 2) {
      const ellipsoidMeters = geographiclib.Geodesic.WGS84.Inverse(
        lat[i],
        lon[i],
        lat[i + 1],
        lon[i + 1],
      ).s12!;
      expect(
        Math.abs(haversineMeters(lon[i], lat[i], lon[i + 1], lat[i + 1]) / ellipsoidMeters - 1),
      ).toBeLessThan(0.005);
    }
  });
});

describe('nearest', () => {
  test.each([500, 2000, 20_000])('matches brute force on random points with %i m cells', (cellMeters) => {
    const random = mulberry32(cellMeters);
    const stations = randomPoints(random, 3000);
    const grid = buildPointGrid(stations.lon, stations.lat, cellMeters);
    const q = queries(random, 400);
    for (let i = 0; i < q.lon.length; i++) {
      expect(nearest(grid, q.lon[i], q.lat[i])).toEqual(
        bruteNearest(stations.lon, stations.lat, q.lon[i], q.lat[i]),
      );
    }
  });

  test('is exact for sparse points, where the answer lies many rings out', () => {
    const random = mulberry32(11);
    const stations = randomPoints(random, 12);
    const grid = buildPointGrid(stations.lon, stations.lat, 1000);
    const q = queries(random, 300);
    for (let i = 0; i < q.lon.length; i++)
      expect(nearest(grid, q.lon[i], q.lat[i])).toEqual(
        bruteNearest(stations.lon, stations.lat, q.lon[i], q.lat[i]),
      );
  });

  test('is exact for points and queries lying on cell boundaries', () => {
    const random = mulberry32(3);
    const base = randomPoints(random, 400);
    const probe = buildPointGrid(base.lon, base.lat, 2000);
    // Corners of cells in the probe grid's projection; inside the data so the grid is unchanged.
    const cornerLon: number[] = [],
      cornerLat: number[] = [];
    for (let column = 5; column < probe.columns - 5; column += 17) {
      for (let row = 5; row < probe.rows - 5; row += 13) {
        cornerLon.push(probe.originLon + (column * 2000) / probe.metersPerDegreeLon);
        cornerLat.push(probe.originLat + (row * 2000) / ((6_371_008.8 * Math.PI) / 180));
      }
    }
    const lon = Float64Array.from([...base.lon, ...cornerLon.slice(0, cornerLon.length >> 1)]);
    const lat = Float64Array.from([...base.lat, ...cornerLat.slice(0, cornerLat.length >> 1)]);
    const grid = buildPointGrid(lon, lat, 2000);
    expect([grid.originLon, grid.originLat, grid.columns, grid.rows]).toEqual([
      probe.originLon,
      probe.originLat,
      probe.columns,
      probe.rows,
    ]);
    for (let i = 0; i < cornerLon.length; i++) {
      for (const [dLon, dLat] of [
        [0, 0],
        [1e-12, 0],
        [0, -1e-12],
        [0.004, 0.0],
        [0, 0.009],
      ]) {
        const queryLon = cornerLon[i] + dLon,
          queryLat = cornerLat[i] + dLat;
        expect(nearest(grid, queryLon, queryLat)).toEqual(bruteNearest(lon, lat, queryLon, queryLat));
        expect(gridWithin(grid, queryLon, queryLat, 2000)).toEqual(
          bruteWithin(lon, lat, queryLon, queryLat, 2000),
        );
      }
    }
  });

  // The query sits 200 m east of a cell's west edge; B is in its cell, A just across the edge and
  // nearer. A search that overrated the longitude-side bound (by forgetting cos φ) would stop
  // after the query's own cell and return B.
  test.each([
    [26.5, 210, 220],
    [60, 250, 300],
  ])(
    'finds a nearer point just across a cell edge in longitude (latitude %f)',
    (latitude, westMeters, northMeters) => {
      const anchors = { lon: Float64Array.of(100, 100.5), lat: Float64Array.of(latitude, latitude + 0.05) };
      const probe = buildPointGrid(anchors.lon, anchors.lat, 1000);
      const lonAt = (xMeters: number) => probe.originLon + xMeters / probe.metersPerDegreeLon;
      const latAt = (yMeters: number) => probe.originLat + yMeters / ((6_371_008.8 * Math.PI) / 180);
      const lon = Float64Array.of(...anchors.lon, lonAt(10_200 - westMeters), lonAt(10_200));
      const lat = Float64Array.of(...anchors.lat, latAt(2500), latAt(2500 + northMeters));
      const grid = buildPointGrid(lon, lat, 1000);
      expect(nearest(grid, lonAt(10_200), latAt(2500)).index).toBe(2);
      expect(
        gridWithin(grid, lonAt(10_200), latAt(2500), (westMeters + northMeters) / 2 + 1).map(
          ([index]) => index,
        ),
      ).toEqual([2]);
    },
  );

  test('returns the lowest index among duplicate points', () => {
    const lon = Float64Array.from([106.1, 106.5, 106.5, 106.5, 107]);
    const lat = Float64Array.from([26.1, 26.5, 26.5, 26.5, 27]);
    expect(nearest(buildPointGrid(lon, lat), 106.501, 26.5)).toEqual({
      index: 1,
      meters: haversineMeters(106.501, 26.5, 106.5, 26.5),
    });
    expect(
      nearest(buildPointGrid(lon, lat, 2000, Uint8Array.from([1, 0, 1, 1, 1])), 106.501, 26.5).index,
    ).toBe(2);
  });

  test('finds nothing in an empty set or when every point is masked out', () => {
    const empty = buildPointGrid(new Float64Array(0), new Float64Array(0));
    expect(nearest(empty, 106.5, 26.5)).toEqual({ index: -1, meters: Infinity });
    const masked = buildPointGrid(Float64Array.of(106.5), Float64Array.of(26.5), 2000, Uint8Array.of(0));
    expect(nearest(masked, 106.5, 26.5)).toEqual({ index: -1, meters: Infinity });
    expect(
      forEachWithin(masked, 106.5, 26.5, 1e6, () => {
        throw new Error('visited');
      }),
    ).toBe(true);
  });

  test('sees only points whose mask is 1', () => {
    const random = mulberry32(5);
    const stations = randomPoints(random, 2000);
    const mask = Uint8Array.from({ length: 2000 }, () => (random() < 0.3 ? 1 : 0));
    const grid = buildPointGrid(stations.lon, stations.lat, 2000, mask);
    const q = queries(random, 300);
    for (let i = 0; i < q.lon.length; i++) {
      expect(nearest(grid, q.lon[i], q.lat[i])).toEqual(
        bruteNearest(stations.lon, stations.lat, q.lon[i], q.lat[i], mask),
      );
    }
  });

  test('honours maxMeters and reuses the result object it is given', () => {
    const random = mulberry32(9);
    const stations = randomPoints(random, 500);
    const grid = buildPointGrid(stations.lon, stations.lat);
    const q = queries(random, 300);
    const result = { index: -1, meters: Infinity };
    for (let i = 0; i < q.lon.length; i++) {
      expect(nearest(grid, q.lon[i], q.lat[i], 5000, result)).toBe(result);
      expect({ ...result }).toEqual(
        bruteNearest(stations.lon, stations.lat, q.lon[i], q.lat[i], undefined, 5000),
      );
    }
  });

  test('stays exact for a query far outside the data', () => {
    const stations = randomPoints(mulberry32(13), 1000);
    const grid = buildPointGrid(stations.lon, stations.lat);
    expect(nearest(grid, 116.4, 39.9)).toEqual(bruteNearest(stations.lon, stations.lat, 116.4, 39.9)); // Beijing
  });
});

describe('forEachWithin', () => {
  test.each([
    [300, 2000],
    [2500, 2000],
    [8500, 1000],
    [40_000, 2000],
  ])('matches brute force within %i m (cells %i m)', (radiusMeters, cellMeters) => {
    const random = mulberry32(radiusMeters);
    const stations = randomPoints(random, 3000);
    stations.lon[1] = stations.lon[0];
    stations.lat[1] = stations.lat[0];
    const mask = Uint8Array.from({ length: 3000 }, () => (random() < 0.8 ? 1 : 0));
    const grid = buildPointGrid(stations.lon, stations.lat, cellMeters, mask);
    const q = queries(random, 150);
    q.lon[0] = stations.lon[0];
    q.lat[0] = stations.lat[0];
    for (let i = 0; i < q.lon.length; i++) {
      expect(gridWithin(grid, q.lon[i], q.lat[i], radiusMeters)).toEqual(
        bruteWithin(stations.lon, stations.lat, q.lon[i], q.lat[i], radiusMeters, mask),
      );
    }
  });

  test('stops when the visitor returns false', () => {
    const stations = randomPoints(mulberry32(17), 2000);
    const grid = buildPointGrid(stations.lon, stations.lat);
    let visits = 0;
    expect(
      forEachWithin(grid, 106.6, 26.6, 100_000, () => {
        visits++;
        return false;
      }),
    ).toBe(false);
    expect(visits).toBe(1);
  });
});
