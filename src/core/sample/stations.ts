// The SAMPLE base stations: synthetic, seeded, and calibrated so the counts by build year add up
// exactly to the published 5G and 4G totals (calibration.ts). Operators and bands follow
// operators.ts; positions are drawn as below. Nothing here is an operator's real station.
//
// How stations are spread (assumptions of the sample, following how the build-out went: 5G in
// the big cities in 2019, every county seat in 2020, every township in 2021, villages after):
// - Each year's new stations are shared among counties in proportion to
//   population^(1−b) × area^b × urbanFactor^e. Guiyang's districts have the largest urban factor,
//   other city districts and prefecture seat cities the next, county-level cities a little; e is
//   high in early 5G years (cities first) and falls later, b (weight of area, i.e. of coverage
//   rather than capacity) rises from 0 to 0.35. 4G, mostly built before the sample starts, leans
//   on area more.
// - Within a county a station stands near the seat (a Gaussian as wide as the town), along one
//   of Guiyang's approximate bus corridors (corridors.ts), near a township centre, near a village,
//   or anywhere in the county; the mix moves from seats to the countryside year by year.
// - In 2021 each county's first new 5G stations go one to every township centre that is not an
//   urban street (streets lie in the seat's town, served in 2020), so every township has 5G by
//   the end of 2021, as reported.
// - Every station lies inside the county it was drawn for (scatter.ts).
//
// Columns, never objects: 326,000 stations move to the worker as a handful of typed arrays. Ids
// are derived (stationId), not stored: technology, county and a serial in build order.
import type { CountyProperties } from '../areas';
import type { CountyIndex } from '../assign/countyIndex';
import type { Random } from '../coverage/random';
import type { StationColumns } from '../coverage/types';
import { calibrationTable } from './calibration';
import { corridorMetersIn, corridorPoints, type CorridorPoints } from './corridors';
import { apportion, pickWeighted, streamFor } from './draw';
import { STREET, townSigmaMeters, type Layout, type TownshipTable, type VillageTable } from './layout';
import {
  BANDS,
  BAND_CLASS_CODE_OF_BAND,
  OFFERS_BY_TECHNOLOGY,
  OPERATORS,
  TECHNOLOGIES,
  offerWeight,
  sharedWithOf,
} from './operators';
import { scatterInCounties, type ScatterRequest } from './scatter';

export const PLACEMENTS = ['seat', 'corridor', 'township', 'village', 'spread'] as const;
const [SEAT, CORRIDOR, TOWNSHIP, VILLAGE, SPREAD] = [0, 1, 2, 3, 4];

/** Share of each placement (PLACEMENTS order) among a year's new 5G stations (assumptions). */
const FIVE_G_PLACEMENT_SHARES: Record<number, readonly number[]> = {
  2019: [0.9, 0.1, 0, 0, 0],
  2020: [0.85, 0.07, 0.08, 0, 0],
  2021: [0.8, 0.03, 0.12, 0.03, 0.02],
  2022: [0.66, 0.02, 0.16, 0.12, 0.04],
  2023: [0.5, 0.02, 0.15, 0.25, 0.08],
  2024: [0.45, 0.02, 0.12, 0.32, 0.09],
  2025: [0.4, 0.02, 0.1, 0.38, 0.1],
};
/** 4G: the network on air by 2019 (towns and main villages), then the push to natural villages. */
const FOUR_G_PLACEMENT_SHARES = {
  onAirBy2019: [0.4, 0, 0.3, 0.18, 0.12],
  later: [0.15, 0, 0.2, 0.4, 0.25],
} as const;

/** Exponents of the county weights by technology and year: e on the urban factor, b on area. */
function weightExponents(technology: number, year: number): { e: number; b: number } {
  if (technology === 1) return year === 2019 ? { e: 0.8, b: 0.3 } : { e: 0.3, b: 0.45 };
  if (year === 2019) return { e: 4, b: 0 };
  if (year === 2020) return { e: 1.5, b: 0 };
  if (year <= 2022) return { e: 0.8, b: year === 2021 ? 0.2 : 0.25 };
  return { e: 0.5, b: 0.35 };
}

const GUIYANG = '520100';
const PREFECTURE_SEAT_CITIES = ['522601', '522701', '522301'];
function urbanFactor(county: County): number {
  if (county.name.endsWith('区')) return county.prefectureAdcode === GUIYANG ? 2 : 1.5;
  if (PREFECTURE_SEAT_CITIES.includes(county.adcode)) return 1.5;
  return county.name.endsWith('市') ? 1.15 : 1;
}

/** 5G of 2019–2020 stood in the town centres: a tighter cluster than the whole town. */
const EARLY_SEAT_SIGMA_FACTOR = 0.7;
const CORRIDOR_SIGMA_METERS = 120;
/** A county takes the full corridor share once 10 km of corridor run through it. */
const FULL_CORRIDOR_METERS = 10_000;
/** Township stations stand in the township's own small town. */
const TOWNSHIP_SIGMA_METERS = 600;
const TOWNSHIP_ANCHOR_SIGMA_METERS = 300;
const VILLAGE_SIGMA_METERS = 600;
const FIRST_TOWNSHIP_YEAR = 2021;

type County = Pick<
  CountyProperties,
  'adcode' | 'name' | 'prefectureAdcode' | 'population2020' | 'areaKm2' | 'seat'
>;

export interface StationInputs {
  /** In ascending adcode order, the order the county index was built in. */
  counties: readonly County[];
  countyIndex: CountyIndex;
  villages: VillageTable;
  townships: TownshipTable;
  layout: Layout;
}

export interface SampleStations extends StationColumns {
  /** County index each station was drawn for (and lies in). */
  county: Int16Array;
  /** 1-based serial within (technology, county), in build order: the number in the id. */
  serial: Uint32Array;
  operator: Uint8Array;
  /** The operator sharing the station, NOT_SHARED (255) when none. */
  sharedWith: Uint8Array;
  technology: Uint8Array;
  band: Uint8Array;
  placement: Uint8Array;
  operators: readonly string[];
  technologies: readonly string[];
  bands: readonly string[];
  placements: readonly string[];
  /** 5G stations come first: indices 0 … fiveGCount − 1. */
  fiveGCount: number;
}

/** Per county, a list of item indices (CSR): items of county c are items[start[c] .. start[c + 1]). */
function groupByCounty(countyOf: Int16Array, countyCount: number, keep: (i: number) => boolean = () => true) {
  const start = new Uint32Array(countyCount + 1);
  for (let i = 0; i < countyOf.length; i++) if (keep(i)) start[countyOf[i] + 1]++;
  for (let c = 0; c < countyCount; c++) start[c + 1] += start[c];
  const items = new Uint32Array(start[countyCount]),
    fill = start.slice(0, countyCount);
  for (let i = 0; i < countyOf.length; i++) if (keep(i)) items[fill[countyOf[i]]++] = i;
  return { start, items };
}

export function generateStations(seed: number, inputs: StationInputs): SampleStations {
  const { counties, countyIndex, townships } = inputs;
  if (countyIndex.countyCount !== counties.length)
    throw new RangeError(
      'the county index and the county list must hold the same counties in the same order',
    );
  const random: Random = streamFor(seed, 'stations');
  const calibration = calibrationTable();
  const total = calibration.reduce((sum, row) => sum + row.fiveGBuilt + row.fourGBuilt, 0);
  const corridors = corridorPoints(countyIndex);
  const ruralTownshipsOf = groupByCounty(
    townships.county,
    counties.length,
    (k) => townships.kind[k] !== STREET,
  );
  const columns = {
    county: new Int16Array(total),
    serial: new Uint32Array(total),
    operator: new Uint8Array(total),
    sharedWith: new Uint8Array(total),
    technology: new Uint8Array(total),
    band: new Uint8Array(total),
    placement: new Uint8Array(total),
    bandClass: new Uint8Array(total),
    buildYear: new Int16Array(total),
  };
  const anchorTownship = new Int32Array(total).fill(-1);
  const lastSerial = new Uint32Array(TECHNOLOGIES.length * counties.length);

  // Cell by cell (technology, build year, county), in that order: counts, placements, offers.
  // Each pass is a small function over a range, so the engine optimises it early; one function
  // doing everything per station ran several times slower in a cold worker.
  let next = 0;
  for (let technology = 0; technology < TECHNOLOGIES.length; technology++) {
    const offers = OFFERS_BY_TECHNOLOGY[technology];
    const offerOperator = Uint8Array.from(offers, (o) => o.operator),
      offerBand = Uint8Array.from(offers, (o) => BANDS.indexOf(o.band));
    for (const row of calibration) {
      const year = row.year;
      const { e, b } = weightExponents(technology, year);
      const perCounty = apportion(
        technology === 0 ? row.fiveGBuilt : row.fourGBuilt,
        counties.map((c) => c.population2020 ** (1 - b) * c.areaKm2 ** b * urbanFactor(c) ** e),
      );
      const shares =
        technology === 0
          ? FIVE_G_PLACEMENT_SHARES[year]
          : year === 2019
            ? FOUR_G_PLACEMENT_SHARES.onAirBy2019
            : FOUR_G_PLACEMENT_SHARES.later;
      const offerWeights = [false, true].map((rural) =>
        Float64Array.from(offers, (o) => offerWeight(o, year, rural)),
      );
      const offerShared = Uint8Array.from(offers, (o) => sharedWithOf(o, year));
      for (let c = 0; c < counties.length; c++) {
        const start = next,
          end = (next += perCounty[c]);
        columns.county.fill(c, start, end);
        columns.technology.fill(technology, start, end);
        columns.buildYear.fill(year, start, end);
        numberSerials(columns.serial, start, end, lastSerial[technology * counties.length + c]);
        lastSerial[technology * counties.length + c] += end - start;
        const corridorShare =
          shares[CORRIDOR] * Math.min(1, corridorMetersIn(corridors, c) / FULL_CORRIDOR_METERS);
        const countyShares = Float64Array.of(
          shares[SEAT] + shares[CORRIDOR] - corridorShare,
          corridorShare,
          shares[TOWNSHIP],
          shares[VILLAGE],
          shares[SPREAD],
        );
        const anchors =
          technology === 0 && year === FIRST_TOWNSHIP_YEAR
            ? ruralTownshipsOf.items.subarray(ruralTownshipsOf.start[c], ruralTownshipsOf.start[c + 1])
            : new Uint32Array(0);
        anchorTownship.set(anchors.subarray(0, end - start), start);
        drawPlacements(
          random,
          columns.placement,
          start,
          end,
          countyShares,
          Math.min(anchors.length, end - start),
        );
        drawOffers(random, columns, start, end, offerWeights, offerOperator, offerShared, offerBand);
      }
    }
  }
  const request = centres(random, inputs, corridors, columns, anchorTownship);
  const { lon, lat } = scatterInCounties(random, countyIndex, request);
  return {
    lon,
    lat,
    ...columns,
    operators: OPERATORS,
    technologies: TECHNOLOGIES,
    bands: BANDS,
    placements: PLACEMENTS,
    fiveGCount: calibration[calibration.length - 1].fiveGCumulative,
  };
}

function numberSerials(serial: Uint32Array, start: number, end: number, base: number): void {
  for (let i = start; i < end; i++) serial[i] = base + i - start + 1;
}

/** Placements of stations start … end − 1: the first anchorCount are township anchors. */
function drawPlacements(
  random: Random,
  placement: Uint8Array,
  start: number,
  end: number,
  shares: Float64Array,
  anchorCount: number,
): void {
  let total = 0;
  for (let k = 0; k < shares.length; k++) total += shares[k];
  for (let i = start; i < end; i++)
    placement[i] = i - start < anchorCount ? TOWNSHIP : pickWeighted(random, shares, total);
}

/** Operator, band and sharing of stations start … end − 1; the countryside has its own mix. */
function drawOffers(
  random: Random,
  columns: {
    placement: Uint8Array;
    operator: Uint8Array;
    sharedWith: Uint8Array;
    band: Uint8Array;
    bandClass: Uint8Array;
  },
  start: number,
  end: number,
  weights: Float64Array[],
  offerOperator: Uint8Array,
  offerShared: Uint8Array,
  offerBand: Uint8Array,
): void {
  const totals = weights.map((w) => w.reduce((sum, x) => sum + x, 0));
  for (let i = start; i < end; i++) {
    const rural = columns.placement[i] >= TOWNSHIP ? 1 : 0;
    const o = pickWeighted(random, weights[rural], totals[rural]);
    columns.operator[i] = offerOperator[o];
    columns.sharedWith[i] = offerShared[o];
    columns.band[i] = offerBand[o];
    columns.bandClass[i] = BAND_CLASS_CODE_OF_BAND[offerBand[o]];
  }
}

/** The centre and spread each station is drawn around (NaN centre: anywhere in the county). */
function centres(
  random: Random,
  inputs: StationInputs,
  corridors: CorridorPoints,
  columns: { county: Int16Array; placement: Uint8Array; technology: Uint8Array; buildYear: Int16Array },
  anchorTownship: Int32Array,
): ScatterRequest {
  const { counties, villages, layout } = inputs;
  const total = columns.county.length;
  const request: ScatterRequest = {
    county: columns.county,
    centreLon: new Float64Array(total).fill(NaN),
    centreLat: new Float64Array(total).fill(NaN),
    sigmaMeters: new Float32Array(total),
  };
  const villagesOf = groupByCounty(villages.county, counties.length);
  const seatSigmaMeters = Float64Array.from(counties, (county) => townSigmaMeters(county));
  const randomVillageOf = (c: number) =>
    villagesOf.items[
      villagesOf.start[c] + Math.floor(random() * (villagesOf.start[c + 1] - villagesOf.start[c]))
    ];
  for (let i = 0; i < total; i++) {
    const c = columns.county[i];
    let lon = NaN,
      lat = NaN,
      sigma = 0,
      p: number;
    switch (columns.placement[i]) {
      case SEAT:
        [lon, lat] = counties[c].seat;
        sigma =
          seatSigmaMeters[c] *
          (columns.technology[i] === 0 && columns.buildYear[i] <= 2020 ? EARLY_SEAT_SIGMA_FACTOR : 1);
        break;
      case CORRIDOR: {
        const points = corridors.pointsOfCounty.get(c)!;
        p = points[Math.floor(random() * points.length)];
        lon = corridors.lon[p];
        lat = corridors.lat[p];
        sigma = CORRIDOR_SIGMA_METERS;
        break;
      }
      case TOWNSHIP:
        // A township drawn in proportion to its village-level units: the township of a random unit.
        p = anchorTownship[i] >= 0 ? anchorTownship[i] : villages.township[randomVillageOf(c)];
        lon = layout.townshipLon[p];
        lat = layout.townshipLat[p];
        sigma = anchorTownship[i] >= 0 ? TOWNSHIP_ANCHOR_SIGMA_METERS : TOWNSHIP_SIGMA_METERS;
        break;
      case VILLAGE:
        p = randomVillageOf(c);
        lon = layout.villageLon[p];
        lat = layout.villageLat[p];
        sigma = VILLAGE_SIGMA_METERS;
        break;
    }
    request.centreLon[i] = lon;
    request.centreLat[i] = lat;
    request.sigmaMeters[i] = sigma;
  }
  return request;
}

/** The station's id, e.g. S5G-520122-00017: technology, county adcode, serial in build order. */
export function stationId(
  stations: Pick<SampleStations, 'technology' | 'county' | 'serial'>,
  counties: readonly Pick<CountyProperties, 'adcode'>[],
  i: number,
): string {
  return `S${TECHNOLOGIES[stations.technology[i]]}-${counties[stations.county[i]].adcode}-${String(stations.serial[i]).padStart(5, '0')}`;
}
