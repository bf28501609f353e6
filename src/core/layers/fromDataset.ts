// A user's imported dataset, as stored in IndexedDB, as one of the four layers. Pure: the engine
// worker loads the dataset and hands it here; nothing is fetched or stored.
//
// Rules relied on (the columns are those src/core/import/dataset.ts builds, named as in LAYER_FIELDS):
// - Categories are dictionary-encoded, '' meaning the cell was empty; flags are 1 yes, 0 no,
//   255 unknown; years and counts are NaN when empty; `county` is the county index, −1 outside.
// - A column the dataset lacks reads as empty throughout, so a hand-made or older dataset loads.
// - A station's technology is the dataset's (5G or 4G stations) or its row's. Its band class comes
//   from the band as written; a band the parser does not know is the technology's mid band, and
//   one written for the other technology (a 4G row on "n28") keeps its reach (low or mid) but takes
//   the row's technology, so the model never counts a station under a technology it is not.
// - A reported status is a status code (types.ts): yes is the year from the status's year column
//   when there is one, else "yes since an unknown year".
import { bandClassCode, parseBand, technologyOf } from '../coverage/radius';
import type { BandClass, Technology } from '../coverage/types';
import type { StoredDataset } from '../storedDataset';
import { FLAG_UNKNOWN } from '../import/dataset';
import {
  STATUS_NO,
  STATUS_UNKNOWN,
  STATUS_YES_UNDATED,
  UNKNOWN_CATEGORY,
  type LayerName,
  type LayerSet,
  type LayerSource,
  type PlaceLayer,
  type StationLayer,
  type VillageLayer,
} from './types';

const FLAG_YES = 1,
  FLAG_NO = 0;
const TECHNOLOGY_CODE: Record<Technology, number> = { '5G': 0, '4G': 1 };
const TECHNOLOGY_OF_LAYER: Partial<Record<string, Technology>> = { stations5g: '5G', stations4g: '4G' };

/** The map layer a dataset of each import layer feeds; plain points feed none. */
const MAP_LAYER_OF: Partial<Record<string, LayerName>> = {
  stations5g: 'stations',
  stations4g: 'stations',
  stations: 'stations',
  villages: 'villages',
  relocationSites: 'relocationSites',
  scenicAreas: 'scenicAreas',
};

export function mapLayerOfDataset(datasetLayer: string): LayerName | null {
  return MAP_LAYER_OF[datasetLayer] ?? null;
}

/** The dataset as the layer `layer`; throws when the dataset feeds another layer. */
export function layerFromDataset<K extends LayerName>(
  layer: K,
  dataset: StoredDataset,
): NonNullable<LayerSet[K]>;
export function layerFromDataset(
  layer: LayerName,
  dataset: StoredDataset,
): StationLayer | VillageLayer | PlaceLayer {
  switch (layer) {
    case 'stations':
      return stationLayerFromDataset(dataset);
    case 'villages':
      return villageLayerFromDataset(dataset);
    case 'relocationSites':
    case 'scenicAreas':
      return placeLayerFromDataset(dataset, layer);
  }
}

function expectLayer(dataset: StoredDataset, layer: LayerName): void {
  if (mapLayerOfDataset(dataset.layer) !== layer)
    throw new RangeError(`dataset "${dataset.name}" holds ${dataset.layer}, not ${layer}`);
}

const sourceOf = (dataset: StoredDataset): LayerSource => ({
  kind: 'dataset',
  name: dataset.name,
  datasetId: dataset.id,
});

export function stationLayerFromDataset(dataset: StoredDataset): StationLayer {
  expectLayer(dataset, 'stations');
  const n = dataset.rowCount;
  const operator = categories(dataset, 'operator'),
    band = categories(dataset, 'band'),
    technologyColumn = categories(dataset, 'technology');
  const buildYears = numbers(dataset, 'buildYear');
  const layerTechnology = TECHNOLOGY_OF_LAYER[dataset.layer];
  const technology = new Uint8Array(n),
    bandClass = new Uint8Array(n),
    buildYear = new Int16Array(n);
  const classCodes = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const bandText = band.textOf(i);
    const rowTechnology =
      layerTechnology ?? technologyOfText(technologyColumn.textOf(i)) ?? technologyOfBand(bandText);
    technology[i] = TECHNOLOGY_CODE[rowTechnology];
    const key = `${rowTechnology} ${bandText}`;
    let code = classCodes.get(key);
    if (code === undefined) {
      code = bandClassCode(bandClassOf(bandText, rowTechnology));
      classCodes.set(key, code);
    }
    bandClass[i] = code;
    buildYear[i] = Number.isFinite(buildYears[i]) ? buildYears[i] : 0;
  }
  return {
    lon: numbers(dataset, 'lon'),
    lat: numbers(dataset, 'lat'),
    county: counties(dataset),
    technology,
    bandClass,
    buildYear,
    operator: operator.codes,
    operators: operator.labels,
    band: band.codes,
    bands: band.labels,
    source: sourceOf(dataset),
  };
}

function technologyOfText(text: string): Technology | undefined {
  return text === '5G' || text === '4G' ? text : undefined;
}

/** Only for a row that names no technology (the import requires one): the band's, else 5G. */
function technologyOfBand(bandText: string): Technology {
  const parsed = bandText === '' ? null : parseBand(bandText);
  return parsed ? technologyOf(parsed) : '5G';
}

function bandClassOf(bandText: string, technology: Technology): BandClass {
  const parsed = bandText === '' ? null : parseBand(bandText, technology);
  if (parsed === null) return `${technology}-mid`;
  if (technologyOf(parsed) === technology) return parsed;
  return parsed.endsWith('-low') ? `${technology}-low` : `${technology}-mid`;
}

export function villageLayerFromDataset(dataset: StoredDataset): VillageLayer {
  expectLayer(dataset, 'villages');
  return {
    code: texts(dataset, 'villageCode'),
    name: texts(dataset, 'name'),
    county: counties(dataset),
    lon: numbers(dataset, 'lon'),
    lat: numbers(dataset, 'lat'),
    status: {
      fiber: statusCodes(dataset, 'fiber', 'fiberYear'),
      gigabit: statusCodes(dataset, 'gigabit', 'gigabitYear'),
      fourG: statusCodes(dataset, 'has4g', null),
      fiveG: statusCodes(dataset, 'has5g', 'fiveGYear'),
    },
    source: sourceOf(dataset),
  };
}

export function placeLayerFromDataset(
  dataset: StoredDataset,
  kind: 'relocationSites' | 'scenicAreas',
): PlaceLayer {
  expectLayer(dataset, kind);
  const n = dataset.rowCount;
  const approximate = flags(dataset, 'positionApproximate').map((flag) => (flag === FLAG_YES ? 1 : 0));
  const level = categories(dataset, 'level');
  return {
    name: texts(dataset, 'name'),
    county: counties(dataset),
    lon: numbers(dataset, 'lon'),
    lat: numbers(dataset, 'lat'),
    approximate,
    reported: statusCodes(dataset, 'covered', 'coveredYear'),
    population:
      kind === 'relocationSites' ? numbers(dataset, 'relocatedPopulation') : new Float64Array(n).fill(NaN),
    level: Array.from({ length: n }, (_, i) => (kind === 'scenicAreas' ? level.textOf(i) : '')),
    source: sourceOf(dataset),
  };
}

/** A flag column and, if the status has one, its year column as status codes. */
function statusCodes(dataset: StoredDataset, flagName: string, yearName: string | null): Int16Array {
  const flag = flags(dataset, flagName);
  const years = yearName === null ? null : numbers(dataset, yearName);
  return Int16Array.from(flag, (value, i) => {
    if (value === FLAG_NO) return STATUS_NO;
    if (value !== FLAG_YES) return STATUS_UNKNOWN;
    const year = years ? years[i] : NaN;
    return Number.isFinite(year) && year > STATUS_YES_UNDATED ? year : STATUS_YES_UNDATED;
  });
}

interface Categories {
  /** Index into `labels`, UNKNOWN_CATEGORY for an empty cell (and past 255 distinct labels). */
  codes: Uint8Array;
  /** The distinct non-empty labels in order of first appearance. */
  labels: string[];
  /** A row's text as written, '' when empty. */
  textOf: (i: number) => string;
}

function categories(dataset: StoredDataset, name: string): Categories {
  const column = dataset.columns[name],
    dictionary = dataset.dictionaries?.[name] ?? [];
  const textOf = (i: number) =>
    (column === undefined ? '' : Array.isArray(column) ? column[i] : (dictionary[column[i]] ?? '')).trim();
  const codes = new Uint8Array(dataset.rowCount).fill(UNKNOWN_CATEGORY),
    labels: string[] = [];
  const codeOf = new Map<string, number>();
  for (let i = 0; i < codes.length; i++) {
    const text = textOf(i);
    if (text === '') continue;
    let code = codeOf.get(text);
    if (code === undefined) {
      code = labels.length < UNKNOWN_CATEGORY ? labels.length : UNKNOWN_CATEGORY;
      if (code !== UNKNOWN_CATEGORY) labels.push(text);
      codeOf.set(text, code);
    }
    codes[i] = code;
  }
  return { codes, labels, textOf };
}

function numbers(dataset: StoredDataset, name: string): Float64Array {
  const column = dataset.columns[name];
  if (column instanceof Float64Array) return column;
  return column === undefined || Array.isArray(column)
    ? new Float64Array(dataset.rowCount).fill(NaN)
    : Float64Array.from(column);
}

function flags(dataset: StoredDataset, name: string): Uint8Array {
  const column = dataset.columns[name];
  if (column instanceof Uint8Array) return column;
  return column === undefined || Array.isArray(column)
    ? new Uint8Array(dataset.rowCount).fill(FLAG_UNKNOWN)
    : Uint8Array.from(column);
}

function counties(dataset: StoredDataset): Int16Array {
  const column = dataset.columns.county;
  if (column instanceof Int16Array) return column;
  return column === undefined || Array.isArray(column)
    ? new Int16Array(dataset.rowCount).fill(-1)
    : Int16Array.from(column);
}

function texts(dataset: StoredDataset, name: string): string[] {
  const column = dataset.columns[name];
  return Array.isArray(column) ? column : new Array<string>(dataset.rowCount).fill('');
}
