// The modelled coverage of targets (villages, resettlement sites …) by 5G and 4G stations:
// the nearest station of each technology and whether any station reaches the target.
//
// Rules relied on:
// - A target is covered by a technology when ANY station of that technology lies within that
//   station's own radius, not only the nearest: a farther low-band mast can reach a village that
//   the nearest mid-band one does not.
// - A station counts when it was built by asOfYear; an unknown build year (0) always counts.
// - Modelled coverage is a disc on a sphere. It overstates coverage in Guizhou's karst valleys
//   and is kept apart from reported coverage everywhere it is shown.
import { BAND_CLASSES, SETTINGS, technologyOf, type RadiusTable } from './radius';
import { buildPointGrid, forEachWithin, nearest, type NearestResult, type PointGrid } from './stationGrid';
import type { Setting, StationColumns, TargetColumns, Technology } from './types';

export interface CoverageOptions {
  /** Count only stations built in or before this year; all stations when absent. */
  asOfYear?: number;
  /** Cell size of the station grids; the default suits 10⁴–10⁵ stations over a province. */
  cellMeters?: number;
}

export interface CoverageResult {
  /** Index into the station columns, −1 when no station of the technology counts. */
  nearest5gIndex: Int32Array;
  /** Great-circle metres, Infinity when no station of the technology counts. */
  nearest5gMeters: Float64Array;
  nearest4gIndex: Int32Array;
  nearest4gMeters: Float64Array;
  /** 1 when modelled covered, else 0. */
  covered5g: Uint8Array;
  covered4g: Uint8Array;
}

/** The stations of one technology that count at asOfYear, as a mask over all stations. */
export function stationMask(stations: StationColumns, technology: Technology, asOfYear?: number): Uint8Array {
  const ofTechnology = BAND_CLASSES.map((bandClass) => technologyOf(bandClass) === technology);
  const mask = new Uint8Array(stations.lon.length);
  for (let i = 0; i < mask.length; i++) {
    const year = stations.buildYear[i];
    const built = asOfYear === undefined || year === 0 || year <= asOfYear;
    mask[i] = ofTechnology[stations.bandClass[i]] && built ? 1 : 0;
  }
  return mask;
}

interface TechnologyColumns {
  nearestIndex: Int32Array;
  nearestMeters: Float64Array;
  covered: Uint8Array;
}

function coverByTechnology(
  stations: StationColumns,
  radiiMeters: Float32Array,
  targets: TargetColumns,
  mask: Uint8Array,
  cellMeters: number,
): TechnologyColumns {
  const count = targets.lon.length;
  const result: TechnologyColumns = {
    nearestIndex: new Int32Array(count).fill(-1),
    nearestMeters: new Float64Array(count).fill(Infinity),
    covered: new Uint8Array(count),
  };
  const grid: PointGrid = buildPointGrid(stations.lon, stations.lat, cellMeters, mask);
  if (grid.count === 0) return result;
  let maxRadiusMeters = 0;
  for (let i = 0; i < mask.length; i++)
    if (mask[i] && radiiMeters[i] > maxRadiusMeters) maxRadiusMeters = radiiMeters[i];
  // One visitor for all targets, so the loop allocates nothing per target. It stops the search
  // (returns false) at the first covering station; a NaN radius never covers.
  const coversTarget = (station: number, meters: number) => !(meters <= radiiMeters[station]);
  const found: NearestResult = { index: -1, meters: Infinity };
  for (let t = 0; t < count; t++) {
    nearest(grid, targets.lon[t], targets.lat[t], Infinity, found);
    result.nearestIndex[t] = found.index;
    result.nearestMeters[t] = found.meters;
    if (found.index < 0) continue;
    const covered =
      found.meters <= radiiMeters[found.index] ||
      (found.meters <= maxRadiusMeters &&
        !forEachWithin(grid, targets.lon[t], targets.lat[t], maxRadiusMeters, coversTarget));
    result.covered[t] = covered ? 1 : 0;
  }
  return result;
}

/**
 * Nearest station and modelled coverage of every target, by technology. radiiMeters holds one
 * radius per station (stationRadiiMeters, or a uniform radius from withRadiusOverride).
 */
export function computeCoverage(
  stations: StationColumns,
  radiiMeters: Float32Array,
  targets: TargetColumns,
  options: CoverageOptions = {},
): CoverageResult {
  const stationCount = stations.lon.length;
  if (
    [stations.lat, stations.bandClass, stations.buildYear, radiiMeters].some(
      (column) => column.length !== stationCount,
    )
  ) {
    throw new RangeError('every station column and radiiMeters must have one entry per station');
  }
  if (targets.lat.length !== targets.lon.length)
    throw new RangeError('target lon and lat must have the same length');
  const cellMeters = options.cellMeters ?? 2000;
  const fiveG = coverByTechnology(
    stations,
    radiiMeters,
    targets,
    stationMask(stations, '5G', options.asOfYear),
    cellMeters,
  );
  const fourG = coverByTechnology(
    stations,
    radiiMeters,
    targets,
    stationMask(stations, '4G', options.asOfYear),
    cellMeters,
  );
  return {
    nearest5gIndex: fiveG.nearestIndex,
    nearest5gMeters: fiveG.nearestMeters,
    covered5g: fiveG.covered,
    nearest4gIndex: fourG.nearestIndex,
    nearest4gMeters: fourG.nearestMeters,
    covered4g: fourG.covered,
  };
}

/**
 * A radius table that gives every band and setting the same radius: the user's single radius
 * (the CLI's --radius-m N), used in place of DEFAULT_RADIUS_METERS with stationRadiiMeters.
 */
export function withRadiusOverride(radiusMeters: number): RadiusTable {
  if (!(radiusMeters > 0) || !Number.isFinite(radiusMeters))
    throw new RangeError(`radius must be a positive number of metres, got ${radiusMeters}`);
  const row = Object.fromEntries(SETTINGS.map((setting) => [setting, radiusMeters])) as Record<
    Setting,
    number
  >;
  return Object.fromEntries(BAND_CLASSES.map((bandClass) => [bandClass, { ...row }])) as RadiusTable;
}
