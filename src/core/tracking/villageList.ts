// The village list of a prefecture, county or township: each village's statuses as reported (the
// sheet), as they stand now (with the team's edits), as verified in the field and as modelled,
// its distance to the nearest 5G station on air and its last change; filtered by any status,
// sorted, and summed per township (how much is verified, what is disputed). What the
// rural-connectivity team answers "which villages of 从江县 lack gigabit fiber?" with.
//
// Rules relied on:
// - Statuses are read as of a year (the year slider) from the layer's current codes, which
//   already hold the edits (layers/tracking.ts); `reported` is the sheet's value before edits.
// - A filter on a status keeps rows whose current value is the one asked for; 'unknown' is its
//   own value, never "no".
// - "Disagrees" means the current 5G status and the model say different things (both known),
//   or a field check disputes a value.
import { rowTracking, VILLAGE_STATUS_OF } from '../layers/tracking';
import type { VillageLayer } from '../layers/villages';
import { statusCell, type Flag, type StatusCell } from './trackedRow';
import type { StatusField } from './edits';

export const LIST_STATUSES = ['fiber', 'gigabit', '4g', '5g'] as const satisfies readonly StatusField[];
export type ListStatus = (typeof LIST_STATUSES)[number];

export type { Flag, StatusCell } from './trackedRow';

export interface VillageListRow {
  /** Row index in the layer (to fly to it, inspect it, edit it). */
  row: number;
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  county: number;
  lon: number;
  lat: number;
  status: Record<ListStatus, StatusCell>;
  /** The coverage model: 1 covered by 5G (4G) on air by the year, 0 not, 255 no position to model. */
  modelled5g: Flag;
  modelled4g: Flag;
  /** Metres to the nearest 5G station on air by the year; Infinity none loaded, NaN no position. */
  nearest5gMeters: number;
  /** The day of the latest edit of any status, '' when never edited. */
  lastChange: string;
}

export type StatusFilter = Partial<Record<ListStatus | 'modelled5g', Flag>>;
export const TRACKING_FILTERS = ['edited', 'verified', 'disputed', 'unverified', 'disagrees'] as const;
export type TrackingFilter = (typeof TRACKING_FILTERS)[number];

export const SORT_KEYS = ['code', 'name', 'township', 'nearest5g', 'lastChange'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface VillageListRequest {
  /** County indices in scope; a township narrows further by its 9-digit code. */
  counties: ReadonlySet<number>;
  township?: string;
  asOfYear: number;
  filter?: StatusFilter;
  tracking?: TrackingFilter;
  /** Name or code contains this text. */
  text?: string;
  sort?: { key: SortKey; descending?: boolean };
}

export interface TownshipTally {
  code: string;
  name: string;
  villages: number;
  /** Villages with any edit / any verified field / any disputed field. */
  edited: number;
  verified: number;
  disputed: number;
}

export interface VillageListInputs {
  villages: VillageLayer;
  modelled5g?: Int16Array;
  modelled4g?: Int16Array;
  townshipNames: ReadonlyMap<string, string>;
  /** Metres to the nearest 5G station on air by the year. */
  nearest5gMeters: (lon: number, lat: number) => number;
}

const flagOfModel = (
  firstYear: Int16Array | undefined,
  i: number,
  year: number,
  positioned: boolean,
): Flag =>
  !positioned || firstYear === undefined ? 255 : firstYear[i] !== 0 && firstYear[i] <= year ? 1 : 0;

function statusCells(villages: VillageLayer, i: number, year: number): Record<ListStatus, StatusCell> {
  const edits = rowTracking(villages.tracking, i);
  const cells = {} as Record<ListStatus, StatusCell>;
  for (const field of LIST_STATUSES)
    cells[field] = statusCell(villages.status[VILLAGE_STATUS_OF[field]][i], edits[field], year);
  return cells;
}

function keeps(row: VillageListRow, request: VillageListRequest): boolean {
  for (const [key, wanted] of Object.entries(request.filter ?? {})) {
    const value = key === 'modelled5g' ? row.modelled5g : row.status[key as ListStatus].current;
    if (value !== wanted) return false;
  }
  const cells = Object.values(row.status);
  switch (request.tracking) {
    case 'edited':
      if (!cells.some((c) => c.edited)) return false;
      break;
    case 'verified':
      if (!cells.some((c) => c.verification === 'verified')) return false;
      break;
    case 'disputed':
      if (!cells.some((c) => c.verification === 'disputed')) return false;
      break;
    case 'unverified':
      if (cells.some((c) => c.verification === 'verified')) return false;
      break;
    case 'disagrees':
      if (!disagrees(row)) return false;
      break;
  }
  const text = request.text?.trim();
  return !text || row.name.includes(text) || row.code.includes(text) || row.townshipName.includes(text);
}

/** The current 5G status and the model disagree (both known), or a field check disputes a value. */
export function disagrees(row: VillageListRow): boolean {
  const fiveG = row.status['5g'].current;
  return (
    (fiveG !== 255 && row.modelled5g !== 255 && fiveG !== row.modelled5g) ||
    Object.values(row.status).some((c) => c.verification === 'disputed')
  );
}

const compareBy: Record<SortKey, (a: VillageListRow, b: VillageListRow) => number> = {
  code: (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  name: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
  township: (a, b) => a.townshipName.localeCompare(b.townshipName, 'zh-CN') || compareBy.code(a, b),
  // Unknown distances (no position) last either way.
  nearest5g: (a, b) =>
    (Number.isNaN(a.nearest5gMeters) ? 1 : 0) - (Number.isNaN(b.nearest5gMeters) ? 1 : 0) ||
    a.nearest5gMeters - b.nearest5gMeters,
  lastChange: (a, b) => (a.lastChange < b.lastChange ? -1 : a.lastChange > b.lastChange ? 1 : 0),
};

/** The villages in scope that pass the filters, sorted, with each township's tally (of all its villages in scope). */
export function villageList(
  inputs: VillageListInputs,
  request: VillageListRequest,
): { rows: VillageListRow[]; townships: TownshipTally[] } {
  const { villages } = inputs;
  const year = request.asOfYear;
  const rows: VillageListRow[] = [];
  const tallies = new Map<string, TownshipTally>();
  for (let i = 0; i < villages.code.length; i++) {
    if (!request.counties.has(villages.county[i])) continue;
    const code = villages.code[i];
    const townshipCode = code.slice(0, 9);
    if (request.township && townshipCode !== request.township) continue;
    const lon = villages.lon[i],
      lat = villages.lat[i];
    const positioned = Number.isFinite(lon) && Number.isFinite(lat);
    const status = statusCells(villages, i, year);
    const lastChange = Object.values(status).reduce(
      (latest, c) => (c.date && c.date > latest ? c.date : latest),
      '',
    );
    const row: VillageListRow = {
      row: i,
      code,
      name: villages.name[i],
      townshipCode,
      townshipName: inputs.townshipNames.get(townshipCode) ?? townshipCode,
      county: villages.county[i],
      lon,
      lat,
      status,
      modelled5g: flagOfModel(inputs.modelled5g, i, year, positioned),
      modelled4g: flagOfModel(inputs.modelled4g, i, year, positioned),
      nearest5gMeters: positioned ? inputs.nearest5gMeters(lon, lat) : NaN,
      lastChange,
    };
    let tally = tallies.get(townshipCode);
    if (!tally)
      tallies.set(
        townshipCode,
        (tally = {
          code: townshipCode,
          name: row.townshipName,
          villages: 0,
          edited: 0,
          verified: 0,
          disputed: 0,
        }),
      );
    const cells = Object.values(status);
    tally.villages++;
    if (cells.some((c) => c.edited)) tally.edited++;
    if (cells.some((c) => c.verification === 'verified')) tally.verified++;
    if (cells.some((c) => c.verification === 'disputed')) tally.disputed++;
    if (keeps(row, request)) rows.push(row);
  }
  const { key = 'code', descending = false } = request.sort ?? {};
  rows.sort((a, b) => (descending ? -1 : 1) * compareBy[key](a, b) || compareBy.code(a, b));
  const townships = [...tallies.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  return { rows, townships };
}
