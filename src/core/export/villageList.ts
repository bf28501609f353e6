// The village list (tracking/villageList.ts) as a table for people: one row per village with its
// prefecture-level place (county, township), code, name, each status as reported, now and how it
// was checked, the model's 5G and 4G, the nearest 5G station and the last change. Words come from
// the UI in its language; the table goes out through textTable.ts (CSV with a BOM, XLSX).
//
// Rules relied on:
// - Rows are written in the order given (the order the list shows), all of them, not one page.
// - Distances are whole metres; "no station loaded" and "no position" are words, never 0.
import type { Flag, ListStatus, VillageListRow } from '../tracking/villageList';
import { LIST_STATUSES } from '../tracking/villageList';
import type { Verification } from '../tracking/currentStatus';
import type { RowTable } from './textTable';

/** Already translated. */
export interface VillageListWords {
  county: string;
  township: string;
  code: string;
  name: string;
  /** The status names: 光纤, 千兆, 4G, 5G. */
  statuses: Record<ListStatus, string>;
  /** Heading suffixes: "（上报）", "（当前）", "（核实）". */
  reported: string;
  current: string;
  checked: string;
  modelled5g: string;
  modelled4g: string;
  nearest5g: string;
  lastChange: string;
  lon: string;
  lat: string;
  flags: Record<Flag, string>;
  verification: Record<Verification, string>;
  /** Written in a model cell for a village without a position. */
  noPosition: string;
  noStation: string;
  countyName: (county: number) => string;
}

export function villageListTable(rows: readonly VillageListRow[], words: VillageListWords): RowTable {
  const header = [words.county, words.township, words.code, words.name];
  for (const status of LIST_STATUSES)
    header.push(
      `${words.statuses[status]}${words.reported}`,
      `${words.statuses[status]}${words.current}`,
      `${words.statuses[status]}${words.checked}`,
    );
  header.push(words.modelled5g, words.modelled4g, words.nearest5g, words.lastChange, words.lon, words.lat);
  const model = (flag: Flag) => (flag === 255 ? words.noPosition : words.flags[flag]);
  const distance = (meters: number) =>
    Number.isNaN(meters)
      ? words.noPosition
      : Number.isFinite(meters)
        ? String(Math.round(meters))
        : words.noStation;
  return {
    header,
    rows: rows.map((row) => {
      const cells = [words.countyName(row.county), row.townshipName, row.code, row.name];
      for (const status of LIST_STATUSES) {
        const cell = row.status[status];
        cells.push(
          words.flags[cell.reported],
          words.flags[cell.current],
          cell.verification ? words.verification[cell.verification] : '',
        );
      }
      const positioned = Number.isFinite(row.lon) && Number.isFinite(row.lat);
      cells.push(
        model(row.modelled5g),
        model(row.modelled4g),
        distance(row.nearest5gMeters),
        row.lastChange,
        positioned ? row.lon.toFixed(6) : '',
        positioned ? row.lat.toFixed(6) : '',
      );
      return cells;
    }),
  };
}
