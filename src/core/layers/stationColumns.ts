// The station layer's columns and how they are read from the seeded sample or an imported dataset.
// Apart from stations.ts so the station helpers (stationFilter.ts, aggregate.ts) can name them
// without importing the layer that uses them.
//
// Rules relied on:
// - A station's technology is the dataset's (5G or 4G stations) or its row's. Its band class comes
//   from the band as written; a band the parser does not know is the technology's mid band, and
//   one written for the other technology (a 4G row on "n28") keeps its reach (low or mid) but takes
//   the row's technology, so the model never counts a station under a technology it is not.
// - Build year 0 means unknown (the coverage model counts such a station from the first year).
import { bandClassCode, parseBand, technologyOf } from '../coverage/radius';
import type { BandClass, StationColumns, Technology } from '../coverage/types';
import type { Sample } from '../sample/generate';
import type { StoredDataset } from '../storedDataset';
import { categories, counties, numbers, sourceOf } from './datasetColumns';
import type { SampleContext } from './definition';
import type { LayerSource } from './encoding';

export interface StationLayer extends StationColumns {
  county: Int16Array;
  /** 0 = 5G, 1 = 4G. */
  technology: Uint8Array;
  /** Index into `operators`, UNKNOWN_CATEGORY when the file has none. */
  operator: Uint8Array;
  operators: readonly string[];
  /** Index into `bands`, UNKNOWN_CATEGORY when the file has none. */
  band: Uint8Array;
  bands: readonly string[];
  source: LayerSource;
}

const TECHNOLOGY_CODE: Record<Technology, number> = { '5G': 0, '4G': 1 };
const TECHNOLOGY_OF_LAYER: Partial<Record<string, Technology>> = { stations5g: '5G', stations4g: '4G' };

export function stationsFromSample({ stations }: Sample, { source }: SampleContext): StationLayer {
  return {
    lon: stations.lon,
    lat: stations.lat,
    bandClass: stations.bandClass,
    buildYear: stations.buildYear,
    county: stations.county,
    technology: stations.technology,
    operator: stations.operator,
    operators: stations.operators,
    band: stations.band,
    bands: stations.bands,
    source,
  };
}

export function stationLayerFromDataset(dataset: StoredDataset): StationLayer {
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
