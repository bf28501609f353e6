// The township table of one county: villages per township (by the first 9 digits of the village
// code, so villages without a position count too), with their fiber, gigabit and 5G status as of a
// year and modelled 5G. No township polygons exist; the code is the only link.
import { statusAt } from './encoding';
import type { VillageLayer } from './villages';

export interface TownshipRow {
  code: string;
  name: string;
  villages: number;
  withPosition: number;
  fiberKnown: number;
  fiber: number;
  gigabitKnown: number;
  gigabit: number;
  fiveGKnown: number;
  fiveG: number;
  modelled5g: number;
}

export function townshipRows(
  villages: VillageLayer,
  county: number,
  asOfYear: number,
  modelled5g: Int16Array | undefined,
  townshipNames: ReadonlyMap<string, string>,
): TownshipRow[] {
  const rows = new Map<string, TownshipRow>();
  for (let i = 0; i < villages.code.length; i++) {
    if (villages.county[i] !== county) continue;
    const code = villages.code[i].slice(0, 9);
    let row = rows.get(code);
    if (!row) {
      row = {
        code,
        name: townshipNames.get(code) ?? code,
        villages: 0,
        withPosition: 0,
        fiberKnown: 0,
        fiber: 0,
        gigabitKnown: 0,
        gigabit: 0,
        fiveGKnown: 0,
        fiveG: 0,
        modelled5g: 0,
      };
      rows.set(code, row);
    }
    row.villages++;
    if (Number.isFinite(villages.lon[i]) && Number.isFinite(villages.lat[i])) row.withPosition++;
    for (const [status, known, yes] of [
      ['fiber', 'fiberKnown', 'fiber'],
      ['gigabit', 'gigabitKnown', 'gigabit'],
      ['fiveG', 'fiveGKnown', 'fiveG'],
    ] as const) {
      const flag = statusAt(villages.status[status][i], asOfYear);
      if (flag !== 255) {
        row[known]++;
        row[yes] += flag;
      }
    }
    const first = modelled5g?.[i] ?? 0;
    if (first !== 0 && first <= asOfYear) row.modelled5g++;
  }
  return [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
}
