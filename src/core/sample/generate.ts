// The whole SAMPLE dataset in one call: synthetic stations calibrated to the published totals, the
// real village-level units with synthetic positions and statuses, and the real relocation sites
// and scenic areas with synthetic coverage statuses. Pure (no DOM, no Node APIs): the worker
// generates it at start-up from the geodata files it already fetches, the CLI script writes it
// out as CSV, and a seed gives the same sample everywhere.
//
// Rules relied on:
// - Counties are in ascending adcode order, and the county index was built in that order.
// - Everything synthetic is labelled: SAMPLE_LABEL wherever the sample is shown, and a per-row
//   sample flag on villages and places (whose names and codes are real).
import type { AreaIndex } from '../areas';
import type { CountyIndex } from '../assign/countyIndex';
import { stationRadiiMeters } from '../coverage/radius';
import { seatColumns } from '../coverage/seats';
import type { StationColumns } from '../coverage/types';
import { calibrationTable, SAMPLE_YEARS, type CalibrationRow } from './calibration';
import { firstCoveredYear } from './coverageYear';
import { streamFor } from './draw';
import { parseVillages, placeTownshipsAndVillages, type Layout, type TownshipTable } from './layout';
import {
  generateRelocationSiteStatuses,
  generateScenicAreaStatuses,
  readPlaces,
  type PlaceStatuses,
} from './places';
import { generateStations, type SampleStations } from './stations';
import { generateVillageStatuses, type VillageStatuses } from './villages';

export const SAMPLE_LABEL = '示例数据（合成，非真实）· Sample data (synthetic, not real)';
export const DEFAULT_SAMPLE_SEED = 20_251_231;

export interface SampleInputs {
  areas: AreaIndex;
  countyIndex: CountyIndex;
  /** geodata/villages.csv */
  villagesCsv: string;
  /** geodata/sources/relocation-sites.csv */
  relocationSitesCsv: string;
  /** geodata/sources/scenic-areas.csv */
  scenicAreasCsv: string;
}

export interface Sample {
  seed: number;
  label: string;
  calibration: CalibrationRow[];
  stations: SampleStations;
  villages: VillageStatuses;
  townships: TownshipTable & Pick<Layout, 'townshipLon' | 'townshipLat'>;
  relocationSites: PlaceStatuses;
  scenicAreas: PlaceStatuses;
}

export function generateSample(seed: number, inputs: SampleInputs): Sample {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new RangeError(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
  const counties = inputs.areas.counties;
  for (let k = 1; k < counties.length; k++)
    if (!(counties[k - 1].adcode < counties[k].adcode))
      throw new RangeError('counties must be in ascending adcode order');
  const { countyIndex } = inputs;
  const { villages, townships } = parseVillages(inputs.villagesCsv, counties);
  const layout = placeTownshipsAndVillages(
    streamFor(seed, 'layout'),
    countyIndex,
    counties,
    villages,
    townships,
  );
  const stations = generateStations(seed, { counties, countyIndex, villages, townships, layout });

  // The model's first 5G year for every target at once: villages, then relocation sites, then
  // scenic areas, so the station grids are built once.
  const relocation = readPlaces(inputs.relocationSitesCsv, 'relocation-sites.csv');
  const scenic = readPlaces(inputs.scenicAreasCsv, 'scenic-areas.csv');
  const fiveG: StationColumns = {
    lon: stations.lon.subarray(0, stations.fiveGCount),
    lat: stations.lat.subarray(0, stations.fiveGCount),
    bandClass: stations.bandClass.subarray(0, stations.fiveGCount),
    buildYear: stations.buildYear.subarray(0, stations.fiveGCount),
  };
  const radiiMeters = stationRadiiMeters(fiveG, seatColumns(inputs.areas));
  const targetLon = concatenate([layout.villageLon, relocation.lon, scenic.lon]);
  const targetLat = concatenate([layout.villageLat, relocation.lat, scenic.lat]);
  const modelled = firstCoveredYear(fiveG, radiiMeters, '5G', targetLon, targetLat, SAMPLE_YEARS);
  const villageCount = villages.code.length,
    relocationEnd = villageCount + relocation.name.length;

  return {
    seed,
    label: SAMPLE_LABEL,
    calibration: calibrationTable(),
    stations,
    villages: generateVillageStatuses(seed, villages, {
      counties,
      townships,
      layout,
      modelledFiveGYear: modelled.slice(0, villageCount),
    }),
    townships: { ...townships, townshipLon: layout.townshipLon, townshipLat: layout.townshipLat },
    relocationSites: generateRelocationSiteStatuses(
      seed,
      relocation,
      modelled.slice(villageCount, relocationEnd),
    ),
    scenicAreas: generateScenicAreaStatuses(seed, scenic, modelled.slice(relocationEnd)),
  };
}

function concatenate(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
