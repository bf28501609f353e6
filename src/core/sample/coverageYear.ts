// The first year the coverage model (coverage/model.ts's rule: any station of the technology
// within its own radius) covers each target, over the sample's build years. The sample's reported
// statuses are drawn around it, so they agree with the model mostly, not always.
//
// Rules relied on:
// - Stations with build year 0 (unknown) count from the first year.
// - Years must be ascending. Stations built before the first year count from the first year;
//   stations built after the last year, or in a year not listed, do not count.
// - One grid per year holds only that year's new stations; a target already covered is not
//   searched again, so the cost is about one coverage run, not one per year.
import { BAND_CLASSES, technologyOf } from '../coverage/radius';
import { buildPointGrid, forEachWithin } from '../coverage/stationGrid';
import type { StationColumns, Technology } from '../coverage/types';

/** Per target: the first of `years` in which it is modelled covered, 0 when never. */
export function firstCoveredYear(
  stations: StationColumns,
  radiiMeters: Float32Array,
  technology: Technology,
  targetLon: Float64Array,
  targetLat: Float64Array,
  years: readonly number[],
): Int16Array {
  const count = targetLon.length;
  const result = new Int16Array(count);
  const ofTechnology = BAND_CLASSES.map((bandClass) => technologyOf(bandClass) === technology);
  // Each year's stations copied into their own compact columns, so each grid is built over that
  // year's stations only rather than masking the whole array once per year.
  const yearSlot = (built: number) => (built <= years[0] ? 0 : years.indexOf(built));
  const sizes = new Uint32Array(years.length);
  for (let i = 0; i < stations.lon.length; i++) {
    const slot = yearSlot(stations.buildYear[i]);
    if (slot >= 0 && ofTechnology[stations.bandClass[i]]) sizes[slot]++;
  }
  const perYear = Array.from(sizes, (size) => ({
    lon: new Float64Array(size),
    lat: new Float64Array(size),
    radiusMeters: new Float32Array(size),
    filled: 0,
    maxRadiusMeters: 0,
  }));
  for (let i = 0; i < stations.lon.length; i++) {
    const slot = yearSlot(stations.buildYear[i]);
    if (slot < 0 || !ofTechnology[stations.bandClass[i]]) continue;
    const part = perYear[slot],
      k = part.filled++;
    part.lon[k] = stations.lon[i];
    part.lat[k] = stations.lat[i];
    part.radiusMeters[k] = radiiMeters[i];
    if (radiiMeters[i] > part.maxRadiusMeters) part.maxRadiusMeters = radiiMeters[i];
  }
  perYear.forEach((part, slot) => {
    if (part.filled === 0) return;
    const grid = buildPointGrid(part.lon, part.lat, 1_000);
    // Stop the search at the first station that reaches the target.
    const missesTarget = (station: number, meters: number) => !(meters <= part.radiusMeters[station]);
    for (let t = 0; t < count; t++) {
      if (
        result[t] === 0 &&
        !forEachWithin(grid, targetLon[t], targetLat[t], part.maxRadiusMeters, missesTarget)
      )
        result[t] = years[slot];
    }
  });
  return result;
}
