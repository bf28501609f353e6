// Guiyang's 5G bus corridors, which the plan names (中环 BRT, 数博大道, 花溪), as rough polylines
// the sample lines stations along.
//
// The waypoints are APPROXIMATE (WGS84, placed by hand from general knowledge of the city's
// layout, errors of 1–2 km are likely): they give the sample a plausible linear pattern in the
// right districts, not the roads' real course. Do not use them as road geometry.
import { assignCounties, type CountyIndex } from '../assign/countyIndex';
import { haversineMeters } from '../coverage/stationGrid';

export interface Corridor {
  name: string;
  waypoints: ReadonlyArray<readonly [lon: number, lat: number]>;
}

export const GUIYANG_CORRIDORS: readonly Corridor[] = [
  {
    // The central ring road the BRT line runs on, roughly: 金阳 → 贵阳北站 → 新添寨 → 东站 → 龙洞堡
    // side → 小河 → 花果园 side → 金阳.
    name: '中环 BRT',
    waypoints: [
      [106.64, 26.625],
      [106.672, 26.66],
      [106.715, 26.662],
      [106.752, 26.64],
      [106.768, 26.6],
      [106.752, 26.552],
      [106.712, 26.528],
      [106.672, 26.54],
      [106.65, 26.575],
      [106.64, 26.625],
    ],
  },
  {
    // North–south through 观山湖 and 白云 towards the big-data parks.
    name: '数博大道',
    waypoints: [
      [106.612, 26.622],
      [106.628, 26.66],
      [106.64, 26.7],
      [106.648, 26.745],
      [106.655, 26.785],
    ],
  },
  {
    // 花溪大道, from the southern edge of the city centre to 花溪's centre and the university town.
    name: '花溪',
    waypoints: [
      [106.69, 26.552],
      [106.678, 26.505],
      [106.668, 26.458],
      [106.667, 26.415],
      [106.64, 26.395],
    ],
  },
];

/** Spacing of the points that stand for the corridors. */
const STEP_METERS = 50;

export interface CorridorPoints {
  lon: Float64Array;
  lat: Float64Array;
  /** County of each point (index in the county index), −1 outside Guizhou. */
  county: Int16Array;
  /** Per county: the indices of its corridor points, so a county draws only from its own stretch. */
  pointsOfCounty: Map<number, Uint32Array>;
}

/** The corridors as points every ~50 m, each assigned to its county. */
export function corridorPoints(
  countyIndex: CountyIndex,
  corridors: readonly Corridor[] = GUIYANG_CORRIDORS,
): CorridorPoints {
  const lon: number[] = [],
    lat: number[] = [];
  for (const { waypoints } of corridors) {
    for (let k = 0; k + 1 < waypoints.length; k++) {
      const [x0, y0] = waypoints[k],
        [x1, y1] = waypoints[k + 1];
      const steps = Math.max(1, Math.round(haversineMeters(x0, y0, x1, y1) / STEP_METERS));
      for (let s = 0; s < steps; s++) {
        lon.push(x0 + ((x1 - x0) * s) / steps);
        lat.push(y0 + ((y1 - y0) * s) / steps);
      }
    }
  }
  const points = { lon: Float64Array.from(lon), lat: Float64Array.from(lat) };
  const county = assignCounties(countyIndex, points.lon, points.lat);
  const lists = new Map<number, number[]>();
  county.forEach((c, i) => {
    if (c >= 0) {
      if (!lists.has(c)) lists.set(c, []);
      lists.get(c)!.push(i);
    }
  });
  return {
    ...points,
    county,
    pointsOfCounty: new Map([...lists].map(([c, list]) => [c, Uint32Array.from(list)])),
  };
}

/** A county's corridor length in metres (its number of points times the spacing). */
export function corridorMetersIn(points: CorridorPoints, county: number): number {
  return (points.pointsOfCounty.get(county)?.length ?? 0) * STEP_METERS;
}
