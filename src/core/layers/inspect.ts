// One point of a layer (a station, village, relocation site or scenic area) as the inspector shows
// it: every attribute the loaded layer holds for that row, in plain data, with the areas it lies in
// named and its statuses read as of a year. Runs in the engine worker; the map's features carry
// the row index (property `i`) that leads here.
//
// Rules relied on:
// - Row indexes are those of the loaded layer's columns (the same order the GeoJSON is written in).
// - A status code reads as in encoding.ts: yes (since a year, or undated), no, unknown; a code that
//   is a year after asOfYear is "no" as of asOfYear and names the year it becomes yes.
// - A modelled first year of 0 means the model never covers the row with the stations loaded.
// - The sample's station ids are derived as the sample's CSV writes them (technology, county,
//   serial in build order within technology and county), since the layer does not store them.
// - A position is null when unknown; distances are null when no 5G station is on air.
import type { AreaIndex } from '../areas';
import type { Technology } from '../coverage/types';
import { stationId } from '../sample/stations';
import { statusAt, UNKNOWN_CATEGORY, type LayerSource } from './encoding';
import type { ModelledYears } from './figures';
import { positioned } from './geojsonText';
import type { PlaceLayer } from './places';
import { LAYERS, type LayerName, type LayerSet } from './registry';
import { isGradedScenicArea } from './scenicAreas';
import type { StationLayer } from './stationColumns';
import { VILLAGE_STATUSES, type VillageLayer } from './villages';

export type InspectStatusKey = (typeof VILLAGE_STATUSES)[number] | 'covered';

export interface InspectStatus {
  key: InspectStatusKey;
  /** As of the inspection's year. */
  value: 'yes' | 'no' | 'unknown';
  /** The year it became (or becomes) yes, when the data dates it. */
  sinceYear: number | null;
}

export interface InspectModelled {
  technology: Technology;
  /** The first year the model covers the point; null: never with the stations loaded. */
  firstYear: number | null;
  coveredAsOf: boolean;
}

export interface Inspection {
  layer: LayerName;
  row: number;
  asOfYear: number;
  /** '' when the layer has no names (stations). */
  name: string;
  /** The village's 12-digit code, the sample station's id; '' when there is none. */
  code: string;
  lon: number | null;
  lat: number | null;
  /** Position not surveyed (a county seat standing in). */
  approximate: boolean;
  prefecture: { adcode: string; name: string } | null;
  county: { adcode: string; name: string } | null;
  township: { code: string; name: string | null } | null;
  source: LayerSource;
  station?: {
    operator: string | null;
    band: string | null;
    technology: Technology;
    buildYear: number | null;
    radiusMeters: number | null;
  };
  statuses: InspectStatus[];
  modelled: InspectModelled[];
  /** Scenic areas: the grade as given, and whether it is 4A/5A (the plan's target). */
  level?: string;
  graded?: boolean;
  /** Relocation sites: relocated residents, null when unknown. */
  population?: number | null;
  /** Relocation sites and scenic areas: metres to the nearest 5G station on air by asOfYear. */
  nearest5gMeters?: number | null;
}

export interface InspectInputs {
  areas: AreaIndex;
  layers: LayerSet;
  /** First modelled years by the layers' modelled keys (villages5g …), 0 = never. */
  modelled: ModelledYears;
  /** The stations' modelled radii, one per row of the station layer (absent: unknown). */
  stationRadiiMeters?: Float32Array;
  townshipNames: ReadonlyMap<string, string>;
  asOfYear: number;
  /** Metres to the nearest 5G station on air by asOfYear; Infinity when there is none. */
  nearest5gMeters(lon: number, lat: number): number;
}

/** The row of a loaded layer as the inspector shows it; null when the layer or the row is not there. */
export function inspectRow(inputs: InspectInputs, layer: LayerName, row: number): Inspection | null {
  const columns = inputs.layers[layer];
  if (!columns || !Number.isInteger(row) || row < 0 || row >= columns.lon.length) return null;
  const { areas, asOfYear } = inputs;
  const county = areas.counties[columns.county[row]];
  const lon = columns.lon[row],
    lat = columns.lat[row];
  const base: Inspection = {
    layer,
    row,
    asOfYear,
    name: '',
    code: '',
    lon: positioned(lon, lat) ? lon : null,
    lat: positioned(lon, lat) ? lat : null,
    approximate: false,
    prefecture: county ? { adcode: county.prefectureAdcode, name: county.prefectureName } : null,
    county: county ? { adcode: county.adcode, name: county.name } : null,
    township: null,
    source: columns.source,
    statuses: [],
    modelled: Object.entries<Technology>(LAYERS[layer].modelled).map(([key, technology]) =>
      modelledOf(inputs.modelled[key as keyof ModelledYears], row, technology, asOfYear),
    ),
  };
  if (layer === 'stations') return { ...base, ...stationPart(inputs, columns as StationLayer, row) };
  if (layer === 'villages') return { ...base, ...villagePart(inputs, columns as VillageLayer, row) };
  return { ...base, ...placePart(inputs, layer, columns as PlaceLayer, row) };
}

export function statusOf(key: InspectStatusKey, code: number, asOfYear: number): InspectStatus {
  const flag = statusAt(code, asOfYear);
  return {
    key,
    value: flag === 255 ? 'unknown' : flag === 1 ? 'yes' : 'no',
    sinceYear: code > 1 ? code : null,
  };
}

function modelledOf(
  years: Int16Array | undefined,
  row: number,
  technology: Technology,
  asOfYear: number,
): InspectModelled {
  const first = years?.[row] ?? 0;
  return { technology, firstYear: first === 0 ? null : first, coveredAsOf: first !== 0 && first <= asOfYear };
}

function stationPart(inputs: InspectInputs, stations: StationLayer, row: number): Partial<Inspection> {
  const label = (labels: readonly string[], code: number) =>
    code === UNKNOWN_CATEGORY ? null : (labels[code] ?? null);
  const radii = inputs.stationRadiiMeters;
  return {
    code: stations.source.kind === 'sample' ? sampleStationId(inputs.areas, stations, row) : '',
    station: {
      operator: label(stations.operators, stations.operator[row]),
      band: label(stations.bands, stations.band[row]),
      technology: stations.technology[row] === 0 ? '5G' : '4G',
      buildYear: stations.buildYear[row] > 0 ? stations.buildYear[row] : null,
      radiusMeters: radii && radii.length === stations.lon.length ? Math.round(radii[row]) : null,
    },
  };
}

/** The id the sample's CSV gives the station: its serial counts the rows before it of its technology and county. */
function sampleStationId(areas: AreaIndex, stations: StationLayer, row: number): string {
  const technology = stations.technology[row],
    county = stations.county[row];
  if (!areas.counties[county]) return '';
  let serial = 1;
  for (let i = 0; i < row; i++)
    if (stations.technology[i] === technology && stations.county[i] === county) serial++;
  return stationId(
    { technology: Uint8Array.of(technology), county: Int16Array.of(county), serial: Uint32Array.of(serial) },
    areas.counties,
    0,
  );
}

function villagePart(inputs: InspectInputs, villages: VillageLayer, row: number): Partial<Inspection> {
  const code = villages.code[row] ?? '';
  const townshipCode = /^\d{12}$/.test(code) ? code.slice(0, 9) : '';
  return {
    name: villages.name[row] ?? '',
    code,
    township: townshipCode
      ? { code: townshipCode, name: inputs.townshipNames.get(townshipCode) ?? null }
      : null,
    statuses: VILLAGE_STATUSES.map((key) => statusOf(key, villages.status[key][row], inputs.asOfYear)),
  };
}

function placePart(
  inputs: InspectInputs,
  layer: LayerName,
  places: PlaceLayer,
  row: number,
): Partial<Inspection> {
  const meters = positioned(places.lon[row], places.lat[row])
    ? inputs.nearest5gMeters(places.lon[row], places.lat[row])
    : Infinity;
  const part: Partial<Inspection> = {
    name: places.name[row] ?? '',
    approximate: places.approximate[row] === 1,
    statuses: [statusOf('covered', places.reported[row], inputs.asOfYear)],
    nearest5gMeters: Number.isFinite(meters) ? Math.round(meters) : null,
  };
  if (layer === 'scenicAreas') {
    const level = places.level[row] ?? '';
    return { ...part, level, graded: isGradedScenicArea(level) };
  }
  const population = places.population[row];
  return { ...part, population: Number.isFinite(population) ? population : null };
}

/** The rows of the village layer with this 12-digit code (normally one). */
export function villageRowsWithCode(villages: VillageLayer, code: string): number[] {
  const rows: number[] = [];
  for (let i = 0; i < villages.code.length; i++) if (villages.code[i] === code) rows.push(i);
  return rows;
}

/** [west, south, east, north] of the positioned villages whose code starts with `prefix`; null if none. */
export function villageBounds(
  villages: VillageLayer,
  prefix: string,
): [number, number, number, number] | null {
  let west = Infinity,
    south = Infinity,
    east = -Infinity,
    north = -Infinity;
  for (let i = 0; i < villages.code.length; i++) {
    if (!villages.code[i].startsWith(prefix)) continue;
    const lon = villages.lon[i],
      lat = villages.lat[i];
    if (!positioned(lon, lat)) continue;
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return west <= east ? [west, south, east, north] : null;
}
