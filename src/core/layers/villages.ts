// The administrative-village layer: each village's reported fiber, gigabit, 4G and 5G status and
// its modelled 5G and 4G coverage; townships are counted through the village codes.
//
// Rules relied on:
// - A share's denominator is the villages whose status is known (`…Known`): unknown is not "no";
//   modelled shares are of the villages with a position, the only ones the model can place.
// - A township (first 9 digits of a village code) has 5G when any of its villages has; no
//   township polygons exist, the code is the only link.
// - The sample has no village 4G status: its 4G column is unknown throughout, and the map says so
//   through the modelled status.
// - Tile properties: c code, n name, f/g/q/v fiber/gigabit/4G/5G status codes, m/k first
//   modelled 5G/4G year, e edit mark (editMarks); the feature id is the row.
import type { Sample } from '../sample/generate';
import { PLAN } from '../summary/plan';
import type { StoredDataset } from '../storedDataset';
import { counties, numbers, sourceOf, statusCodes, texts } from './datasetColumns';
import { defineLayer, type SampleContext } from './definition';
import { coveredBy, STATUS_UNKNOWN, statusAt, type LayerSource } from './encoding';
import type { TileColumn } from '../tiles/pointTile';
import type { LayerTracking } from './rowKeys';

export const VILLAGE_STATUSES = ['fiber', 'gigabit', 'fourG', 'fiveG'] as const;
export type VillageStatus = (typeof VILLAGE_STATUSES)[number];

export interface VillageLayer {
  /** 12-digit NBS codes; the township is the first 9 digits. */
  code: string[];
  name: string[];
  county: Int16Array;
  lon: Float64Array;
  lat: Float64Array;
  /** Current statuses: reported, overridden by the team's edits when the layer is a dataset's. */
  status: Record<VillageStatus, Int16Array>;
  source: LayerSource;
  /** The edits that made `status` differ from the sheet (a dataset's layer only). */
  tracking?: LayerTracking;
}

/** What colours village points: a reported status, or the coverage model's 5G. */
export const VILLAGE_COLOURINGS = ['fiber', 'gigabit', 'fourG', 'fiveG', 'fiveGModelled'] as const;
export type VillageColouring = (typeof VILLAGE_COLOURINGS)[number];

export interface VillageSettings {
  villagesVisible: boolean;
  villageColouring: VillageColouring;
}

const DEFAULTS: VillageSettings = { villagesVisible: false, villageColouring: 'fiveG' };
const FULL = 100;

function villagesFromSample({ villages }: Sample, { source }: SampleContext): VillageLayer {
  return {
    code: villages.villages.code,
    name: villages.villages.name,
    county: villages.villages.county,
    lon: villages.lon,
    lat: villages.lat,
    status: {
      fiber: villages.fiberYear,
      gigabit: villages.gigabitYear,
      fourG: new Int16Array(villages.lon.length).fill(STATUS_UNKNOWN),
      fiveG: villages.fiveGYear,
    },
    source,
  };
}

export function villageLayerFromDataset(dataset: StoredDataset): VillageLayer {
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

/** Per row: 0 as the sheet says, 1 a status edited, 2 verified in the field, 3 disputed (the strongest wins). */
export function editMarks(villages: VillageLayer): Uint8Array {
  const marks = new Uint8Array(villages.code.length);
  for (const rows of Object.values(villages.tracking?.fields ?? {}))
    for (const [i, tracked] of rows) {
      const mark =
        tracked.verification === 'disputed'
          ? 3
          : tracked.verification === 'verified'
            ? 2
            : tracked.edited
              ? 1
              : 0;
      if (mark > marks[i]) marks[i] = mark;
    }
  return marks;
}

/**
 * The villages' tile properties: code and name (the tooltip), the four reported statuses and the
 * modelled 5G and 4G years (the colouring), and the edit mark (`e`, the ring). The row is the feature's id.
 */
export function villageTileProperties(
  villages: VillageLayer,
  modelled5g: Int16Array,
  modelled4g: Int16Array,
): Record<string, TileColumn> {
  const { fiber, gigabit, fourG, fiveG } = villages.status;
  return {
    c: villages.code,
    n: villages.name,
    f: fiber,
    g: gigabit,
    q: fourG,
    v: fiveG,
    m: modelled5g,
    k: modelled4g,
    e: editMarks(villages),
  };
}

/** Each village's township (by the code's first 9 digits) as a number, and each township's county. */
interface TownshipIndex {
  county: Int16Array;
  /** Per village: its township, −1 outside Guizhou. */
  townshipOf: Int32Array;
  /** Per township: the county of its last village in row order (in Guizhou). */
  townshipCounty: Int16Array;
}

// Made once per village rows: slicing 18,000 codes and looking them up in a Map on every view cost
// more than all other figures together.
const townshipIndexes = new WeakMap<string[], TownshipIndex>();

function townshipIndex(villages: VillageLayer): TownshipIndex {
  const cached = townshipIndexes.get(villages.code);
  if (cached?.county === villages.county) return cached;
  const numbers = new Map<string, number>();
  const townshipOf = new Int32Array(villages.code.length).fill(-1);
  const counties: number[] = [];
  for (let i = 0; i < villages.code.length; i++) {
    const c = villages.county[i];
    if (c < 0) continue;
    const township = villages.code[i].slice(0, 9);
    let number = numbers.get(township);
    if (number === undefined) numbers.set(township, (number = counties.length));
    townshipOf[i] = number;
    counties[number] = c;
  }
  const index = { county: villages.county, townshipOf, townshipCounty: Int16Array.from(counties) };
  townshipIndexes.set(villages.code, index);
  return index;
}

/** Townships per county: all, with a known 5G status, with reported 5G, modelled covered by 5G. */
function countTownships(
  villages: VillageLayer,
  f: Record<'townships' | 'townshipsKnown5g' | 'townships5g' | 'townshipsModelled5g', Float64Array>,
  asOfYear: number,
  modelled5g: Int16Array | undefined,
): void {
  const { townshipOf, townshipCounty } = townshipIndex(villages);
  // Per township: 0 none seen, 1 known without 5G, 2 with 5G.
  const reported = new Uint8Array(townshipCounty.length),
    modelled = new Uint8Array(townshipCounty.length);
  const fiveG = villages.status.fiveG;
  for (let i = 0; i < townshipOf.length; i++) {
    const township = townshipOf[i];
    if (township < 0) continue;
    const flag = statusAt(fiveG[i], asOfYear);
    if (flag !== 255 && 1 + flag > reported[township]) reported[township] = 1 + flag;
    if (modelled5g && coveredBy(modelled5g, i, asOfYear)) modelled[township] = 2;
  }
  for (let township = 0; township < townshipCounty.length; township++) {
    const c = townshipCounty[township];
    f.townships[c]++;
    if (reported[township] > 0) f.townshipsKnown5g[c]++;
    if (reported[township] === 2) f.townships5g[c]++;
    if (modelled[township] === 2) f.townshipsModelled5g[c]++;
  }
}

export const villages = defineLayer({
  datasetLayers: ['villages'],
  fromDataset: villageLayerFromDataset,
  fromSample: villagesFromSample,
  modelled: { villages5g: '5G', villages4g: '4G' },
  figures: [
    'villages',
    'villagesWithPosition',
    'fiberKnown',
    'fiber',
    'gigabitKnown',
    'gigabit',
    'fourGKnown',
    'fourG',
    'fiveGKnown',
    'fiveG',
    'villagesModelled5g',
    'villagesModelled4g',
    'townships',
    'townshipsKnown5g',
    'townships5g',
    'townshipsModelled5g',
    'villagesEdited',
    'villagesVerified',
    'villagesDisputed',
  ],
  countFigures(villages, f, { asOfYear, modelled }) {
    const { county, lon, lat } = villages;
    const modelled5g = modelled.villages5g,
      modelled4g = modelled.villages4g;
    for (let i = 0; i < county.length; i++) {
      const c = county[i];
      if (c < 0) continue;
      f.villages[c]++;
      if (Number.isFinite(lon[i]) && Number.isFinite(lat[i])) f.villagesWithPosition[c]++;
      f.villagesModelled5g[c] += coveredBy(modelled5g, i, asOfYear);
      f.villagesModelled4g[c] += coveredBy(modelled4g, i, asOfYear);
    }
    // One status at a time, so each loop reads one column and adds into two fixed figures.
    for (const status of VILLAGE_STATUSES) {
      const codes = villages.status[status],
        known = f[`${status}Known`],
        yes = f[status];
      for (let i = 0; i < county.length; i++) {
        const c = county[i];
        if (c < 0) continue;
        const flag = statusAt(codes[i], asOfYear);
        if (flag === 255) continue;
        known[c]++;
        yes[c] += flag;
      }
    }
    countTownships(villages, f, asOfYear, modelled5g);
    // Villages the team has edited, verified in the field or disputed (any status), per county.
    const marked = {
      villagesEdited: new Set<number>(),
      villagesVerified: new Set<number>(),
      villagesDisputed: new Set<number>(),
    };
    for (const rows of Object.values(villages.tracking?.fields ?? {}))
      for (const [i, tracked] of rows) {
        if (tracked.edited) marked.villagesEdited.add(i);
        if (tracked.verification === 'verified') marked.villagesVerified.add(i);
        if (tracked.verification === 'disputed') marked.villagesDisputed.add(i);
      }
    for (const [figure, rows] of Object.entries(marked))
      for (const i of rows)
        if (villages.county[i] >= 0) f[figure as keyof typeof marked][villages.county[i]]++;
  },
  metrics: {
    'villages.fiber': {
      unit: 'percent',
      digits: 1,
      target: FULL,
      share: { part: 'fiber', whole: 'fiberKnown' },
    },
    'villages.gigabit': { unit: 'percent', digits: 1, share: { part: 'gigabit', whole: 'gigabitKnown' } },
    'villages.fiveG': { unit: 'percent', digits: 1, share: { part: 'fiveG', whole: 'fiveGKnown' } },
    'villages.fiveGModelled': {
      unit: 'percent',
      digits: 1,
      modelled: true,
      share: { part: 'villagesModelled5g', whole: 'villagesWithPosition' },
    },
    'villages.fourGModelled': {
      unit: 'percent',
      digits: 1,
      modelled: true,
      target: FULL,
      share: { part: 'villagesModelled4g', whole: 'villagesWithPosition' },
    },
    'townships.fiveG': {
      unit: 'percent',
      digits: 1,
      target: FULL * PLAN.townshipsWith5g.target2025,
      share: { part: 'townships5g', whole: 'townshipsKnown5g' },
    },
  },
  sources: {
    villages: {
      format: 'tiles',
      refresh: 'rows',
      minZoom: 0,
      properties: (villages, { modelled }) =>
        villageTileProperties(villages, modelled.villages5g!, modelled.villages4g!),
    },
  },
  settings: {
    defaults: DEFAULTS,
    visible: 'villagesVisible',
    link: {
      source: 'vi',
      switches: { v: 'villagesVisible' },
      choices: { vc: { setting: 'villageColouring', values: VILLAGE_COLOURINGS } },
    },
  },
});
