// Places synthetic points inside given counties: each point is drawn around a centre (a 2-D
// Gaussian) or uniformly over its county, and redrawn until the exact point → county index puts it
// in the county it was drawn for.
//
// Rules relied on:
// - Every returned point lies in its county by countyAt's rule (a point on a shared border
//   belongs to the lower adcode), so assigning the sample afterwards gives back the same county.
// - Candidates are tested in batches with assignCounties, which reuses its scratch state;
//   testing one by one costs several times more.
// - Draws happen in a fixed order (pending points in index order, round by round), so a seed
//   gives the same points every time.
// - A point whose centre keeps missing its county (a centre near or beyond the border) falls back
//   to a uniform draw over the county after GAUSSIAN_ROUNDS rounds, so every point terminates.
import { assignCounties, type CountyIndex } from '../assign/countyIndex';
import type { Random } from '../coverage/random';

export interface ScatterRequest {
  /** The county (index in the county index) each point must fall in. */
  county: Int16Array;
  /** Centre of each point's Gaussian; NaN draws uniformly over the county. */
  centreLon: Float64Array;
  centreLat: Float64Array;
  /** Standard deviation of the Gaussian along each axis, in metres. */
  sigmaMeters: Float32Array;
}

const METERS_PER_DEGREE_LATITUDE = 111_320;
const GAUSSIAN_ROUNDS = 16;
/** Uniform draws over a county's bounding box hit the county a third of the time or more; this
 * many rounds failing means the county has no area at all. */
const MAX_ROUNDS = GAUSSIAN_ROUNDS + 2_000;

export function scatterInCounties(
  random: Random,
  countyIndex: CountyIndex,
  request: ScatterRequest,
): { lon: Float64Array; lat: Float64Array } {
  const { county, centreLon, centreLat, sigmaMeters } = request;
  const count = county.length;
  if ([centreLon, centreLat, sigmaMeters].some((column) => column.length !== count))
    throw new RangeError('every scatter column must have one entry per point');
  const bounds = countyIndex.countyBounds;
  const lon = new Float64Array(count),
    lat = new Float64Array(count);
  let pending = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    if (!(county[i] >= 0 && county[i] < countyIndex.countyCount))
      throw new RangeError(
        `point ${i} asks for county ${county[i]}, not one of 0–${countyIndex.countyCount - 1}`,
      );
    pending[i] = i;
  }
  const candidateLon = new Float64Array(count),
    candidateLat = new Float64Array(count);
  const assigned = new Int16Array(count);
  for (let round = 0; pending.length > 0; round++) {
    if (round >= MAX_ROUNDS)
      throw new Error(`could not place ${pending.length} points inside their counties`);
    const gaussian = round < GAUSSIAN_ROUNDS;
    for (let j = 0; j < pending.length; j++) {
      const i = pending[j],
        c = county[i];
      if (gaussian && centreLon[i] === centreLon[i] && centreLat[i] === centreLat[i]) {
        // Box–Muller, both deviates used: one per axis.
        const radius = sigmaMeters[i] * Math.sqrt(-2 * Math.log(1 - random())),
          angle = 2 * Math.PI * random();
        const metersPerDegreeLongitude =
          METERS_PER_DEGREE_LATITUDE * Math.cos((centreLat[i] * Math.PI) / 180);
        candidateLon[j] = centreLon[i] + (radius * Math.cos(angle)) / metersPerDegreeLongitude;
        candidateLat[j] = centreLat[i] + (radius * Math.sin(angle)) / METERS_PER_DEGREE_LATITUDE;
      } else {
        candidateLon[j] = bounds[c * 4] + random() * (bounds[c * 4 + 2] - bounds[c * 4]);
        candidateLat[j] = bounds[c * 4 + 1] + random() * (bounds[c * 4 + 3] - bounds[c * 4 + 1]);
      }
    }
    const n = pending.length;
    assignCounties(
      countyIndex,
      candidateLon.subarray(0, n),
      candidateLat.subarray(0, n),
      assigned.subarray(0, n),
    );
    let stillPending = 0;
    for (let j = 0; j < n; j++) {
      const i = pending[j];
      if (assigned[j] === county[i]) {
        lon[i] = candidateLon[j];
        lat[i] = candidateLat[j];
      } else pending[stillPending++] = i;
    }
    pending = pending.subarray(0, stillPending);
  }
  return { lon, lat };
}
