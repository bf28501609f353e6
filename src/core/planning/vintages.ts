// Two vintages of one layer (last quarter's and this quarter's station list, two village status
// sheets …): the villages, relocation sites and 4A/5A scenic areas that became covered by 5G
// between them and those that lost it, and the area figures under each vintage for a change map.
//
// Rules relied on:
// - Two station lists: the coverage model (coverage/model.ts's rule: any 5G station built by
//   asOfYear within its own radius, radii from each list's own bands and settings) over the
//   targets loaded now: villages with a position, relocation sites, 4A/5A scenic areas.
// - Two village sheets are matched by the 12-digit code, two site or scenic-area lists by the
//   trimmed name (the k-th row of a name with the k-th row of that name in the other list).
//   Reported 5G as of asOfYear: no in the older and yes in the newer is newly covered, the reverse
//   newly uncovered. Unknown is not "no" (as in changes.ts): a status unknown in either vintage is
//   never a change; matched rows known as yes in one vintage only are counted (statusUnknown).
// - Rows found in one vintage only are counted (added, dropped), never listed as changes.
// - Scenic-area lists: the 4A/5A rows of each, the plan's target.
// - A vintage's figures are those of the loaded layers with the vintage in place of its layer,
//   as of asOfYear, every station counting (no station filter: the lists' operators may differ).
import type { AreaIndex } from '../areas';
import { stationRadiiMeters } from '../coverage/radius';
import { seatColumns } from '../coverage/seats';
import { computeAreaFigures, type FigureTable, type ModelledYears } from '../layers/figures';
import { mapLayerOfDataset } from '../layers/fromDataset';
import { modelledYearsOf, type ModelledCoverage } from '../layers/modelled';
import { NO_STATION_FILTER, stationFilterMask } from '../layers/stationFilter';
import {
  isGradedScenicArea,
  LAYER_NAMES,
  statusAt,
  type LayerName,
  type LayerSet,
  type PlaceLayer,
  type StationLayer,
} from '../layers/types';
import type { ChangeDirection, ChangeKind, ChangeRow } from './changes';

export const VINTAGE_REFUSALS = ['points', 'different-layers', 'not-found'] as const;
export type VintageRefusal = (typeof VINTAGE_REFUSALS)[number];

/** Why two datasets cannot be compared; the refusal is the message's first word, so it survives a worker boundary. */
export class VintageError extends Error {
  constructor(
    readonly refusal: VintageRefusal,
    detail: string,
  ) {
    super(`${refusal}: ${detail}`);
    this.name = 'VintageError';
  }
}

/** The refusal of a VintageError, also of one that crossed from the worker (only name and message do). */
export function vintageRefusalOf(error: unknown): VintageRefusal | null {
  if (!(error instanceof Error) || error.name !== 'VintageError') return null;
  const code = error.message.split(':')[0];
  return (VINTAGE_REFUSALS as readonly string[]).includes(code) ? (code as VintageRefusal) : null;
}

/** The map layer two datasets both feed; refuses plain points and datasets of different layers. */
export function vintageLayerOf(
  older: { name: string; layer: string },
  newer: { name: string; layer: string },
): LayerName {
  const olderLayer = mapLayerOfDataset(older.layer),
    newerLayer = mapLayerOfDataset(newer.layer);
  if (olderLayer === null || newerLayer === null)
    throw new VintageError(
      'points',
      `"${olderLayer === null ? older.name : newer.name}" holds plain points, which no map layer draws`,
    );
  if (olderLayer !== newerLayer)
    throw new VintageError(
      'different-layers',
      `"${older.name}" feeds ${olderLayer}, "${newer.name}" feeds ${newerLayer}`,
    );
  return olderLayer;
}

export interface VintageComparison {
  layer: LayerName;
  asOfYear: number;
  /** Every row has its direction. */
  rows: ChangeRow[];
  counts: Record<ChangeKind, Record<ChangeDirection, number>>;
  /** How the rows of two village or place vintages matched; absent for station lists. */
  matching?: { added: number; dropped: number; statusUnknown: number };
  olderFigures: FigureTable;
  newerFigures: FigureTable;
}

/** The layers loaded now and their modelled coverage (the layer view's snapshot). */
export interface LoadedLayers {
  layers: LayerSet;
  modelled: ModelledCoverage;
}

const KIND_OF: Partial<Record<LayerName, ChangeKind>> = {
  villages: 'village',
  relocationSites: 'relocationSite',
  scenicAreas: 'scenicArea',
};
const coveredAt = (firstYear: Int16Array | undefined, i: number, asOfYear: number) =>
  firstYear !== undefined && firstYear[i] !== 0 && firstYear[i] <= asOfYear;

/** `older` and `newer` each hold one layer, the same one. */
export function compareVintages(
  areas: AreaIndex,
  older: LayerSet,
  newer: LayerSet,
  loaded: LoadedLayers,
  asOfYear: number,
): VintageComparison {
  const layer = LAYER_NAMES.find((name) => older[name] !== undefined);
  if (!layer || !newer[layer]) throw new RangeError('both vintages must hold the same one layer');
  const rows: ChangeRow[] = [];
  const add = (
    kind: ChangeKind,
    id: string,
    name: string,
    county: number,
    lon: number,
    lat: number,
    direction: ChangeDirection,
    basis: ChangeRow['basis'],
  ) => {
    const countyArea = areas.counties[county];
    rows.push({
      kind,
      id,
      name,
      countyAdcode: countyArea?.adcode ?? '',
      countyName: countyArea?.name ?? '',
      lon,
      lat,
      basis,
      direction,
    });
  };
  const figuresOf = (vintage: LayerSet, modelled: ModelledYears) => {
    const layers = { ...loaded.layers, ...vintage };
    const stationMask = (year: number) =>
      layers.stations && stationFilterMask(layers.stations, NO_STATION_FILTER, year);
    return computeAreaFigures(areas, {
      layers,
      modelled,
      asOfYear,
      stationMask: stationMask(asOfYear),
      stationMaskAt2020: stationMask(2020),
    });
  };

  let matching: VintageComparison['matching'];
  let olderModelled: ModelledYears, newerModelled: ModelledYears;
  if (layer === 'stations') {
    const seats = seatColumns(areas);
    const modelOf = (stations: StationLayer) =>
      modelledYearsOf(stations, stationRadiiMeters(stations, seats), loaded.layers);
    olderModelled = modelOf(older.stations!);
    newerModelled = modelOf(newer.stations!);
    const compare = (
      kind: ChangeKind,
      first: (m: ModelledYears) => Int16Array | undefined,
      i: number,
      id: string,
      name: string,
      county: number,
      lon: number,
      lat: number,
    ) => {
      const was = coveredAt(first(olderModelled), i, asOfYear),
        is = coveredAt(first(newerModelled), i, asOfYear);
      if (was !== is) add(kind, id, name, county, lon, lat, is ? 'covered' : 'uncovered', 'modelled');
    };
    const { villages, relocationSites, scenicAreas } = loaded.layers;
    villages?.code.forEach((code, i) => {
      if (Number.isFinite(villages.lon[i]) && Number.isFinite(villages.lat[i]))
        compare(
          'village',
          (m) => m.villages5g,
          i,
          code,
          villages.name[i],
          villages.county[i],
          villages.lon[i],
          villages.lat[i],
        );
    });
    relocationSites?.name.forEach((name, i) =>
      compare(
        'relocationSite',
        (m) => m.relocationSites5g,
        i,
        name,
        name,
        relocationSites.county[i],
        relocationSites.lon[i],
        relocationSites.lat[i],
      ),
    );
    scenicAreas?.name.forEach((name, i) => {
      if (isGradedScenicArea(scenicAreas.level[i]))
        compare(
          'scenicArea',
          (m) => m.scenicAreas5g,
          i,
          name,
          name,
          scenicAreas.county[i],
          scenicAreas.lon[i],
          scenicAreas.lat[i],
        );
    });
  } else {
    const kind = KIND_OF[layer]!;
    const view = (set: LayerSet) =>
      layer === 'villages' ? villageRows(set.villages!) : placeRows(set[layer]!, layer === 'scenicAreas');
    const was = view(older),
      is = view(newer);
    const { pairs, added, dropped } = matchKeys(was.keys, is.keys);
    let statusUnknown = 0;
    for (const [o, n] of pairs) {
      const before = statusAt(was.fiveG[o], asOfYear),
        after = statusAt(is.fiveG[n], asOfYear);
      if (before === 255 || after === 255) {
        if (before === 1 || after === 1) statusUnknown++;
        continue;
      }
      if (before === after) continue;
      // The newer row names the place; the older one lends its position or county when the newer lacks them.
      const row = is.index[n],
        olderRow = was.index[o];
      const positioned = Number.isFinite(is.layer.lon[row]) && Number.isFinite(is.layer.lat[row]);
      const county = is.layer.county[row] >= 0 ? is.layer.county[row] : was.layer.county[olderRow];
      add(
        kind,
        is.ids[n],
        is.layer.name[row] || was.layer.name[olderRow],
        county,
        positioned ? is.layer.lon[row] : was.layer.lon[olderRow],
        positioned ? is.layer.lat[row] : was.layer.lat[olderRow],
        after === 1 ? 'covered' : 'uncovered',
        'reported',
      );
    }
    matching = { added, dropped, statusUnknown };
    // The loaded stations' model, re-run for the vintage's own positions.
    const modelOf = (vintage: LayerSet): ModelledYears => ({
      ...loaded.modelled,
      ...modelledYearsOf(loaded.modelled.columns, loaded.modelled.radiiMeters, vintage),
    });
    olderModelled = modelOf(older);
    newerModelled = modelOf(newer);
  }

  const counts = Object.fromEntries(
    (['village', 'relocationSite', 'scenicArea'] as const).map((kind) => [
      kind,
      { covered: 0, uncovered: 0 },
    ]),
  ) as VintageComparison['counts'];
  for (const row of rows) counts[row.kind][row.direction!]++;
  return {
    layer,
    asOfYear,
    rows,
    counts,
    matching,
    olderFigures: figuresOf(older, olderModelled),
    newerFigures: figuresOf(newer, newerModelled),
  };
}

/** The rows of a vintage that take part: their keys, their layer rows and their reported 5G. */
interface VintageRows {
  ids: string[];
  keys: string[];
  index: number[];
  fiveG: Int16Array;
  layer: { name: string[]; county: Int16Array; lon: Float64Array; lat: Float64Array };
}

function villageRows(villages: NonNullable<LayerSet['villages']>): VintageRows {
  const ids = villages.code.map((code) => code.trim());
  return {
    ids,
    keys: withOccurrence(ids),
    index: ids.map((_, i) => i),
    fiveG: villages.status.fiveG,
    layer: villages,
  };
}

function placeRows(places: PlaceLayer, gradedOnly: boolean): VintageRows {
  const index = places.name
    .map((_, i) => i)
    .filter((i) => !gradedOnly || isGradedScenicArea(places.level[i]));
  const ids = index.map((i) => places.name[i].trim());
  return {
    ids,
    keys: withOccurrence(ids),
    index,
    fiveG: Int16Array.from(index, (i) => places.reported[i]),
    layer: places,
  };
}

/** "name#k" for the k-th row of a name, so repeated names pair up in order; '' never matches. */
function withOccurrence(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const k = seen.get(name) ?? 0;
    seen.set(name, k + 1);
    return name === '' ? '' : `${name}#${k}`;
  });
}

/** Pairs of (older, newer) positions with equal keys, in the newer order; the rest counted. */
function matchKeys(
  olderKeys: readonly string[],
  newerKeys: readonly string[],
): { pairs: Array<[number, number]>; added: number; dropped: number } {
  const olderAt = new Map<string, number>();
  let dropped = 0;
  olderKeys.forEach((key, i) => {
    if (key === '') dropped++;
    else olderAt.set(key, i);
  });
  const pairs: Array<[number, number]> = [];
  let added = 0;
  newerKeys.forEach((key, n) => {
    const o = key === '' ? undefined : olderAt.get(key);
    if (o === undefined) {
      added++;
      return;
    }
    pairs.push([o, n]);
    olderAt.delete(key);
  });
  return { pairs, added, dropped: dropped + olderAt.size };
}

/** The default pair: the two most recent datasets of one kind (import layer) that a map layer draws. */
export function defaultVintagePair<T extends { layer: string; importedAt: string }>(
  datasets: readonly T[],
): { older: T; newer: T } | null {
  const recentFirst = datasets
    .filter((d) => mapLayerOfDataset(d.layer) !== null)
    .sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  for (const [k, newer] of recentFirst.entries()) {
    const older = recentFirst.slice(k + 1).find((d) => d.layer === newer.layer);
    if (older) return { older, newer };
  }
  return null;
}
