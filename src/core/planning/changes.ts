// What changed between two years: the villages, relocation sites and scenic areas that became
// covered by 5G (reported, modelled or both) after `fromYear` and by the end of `toYear`.
//
// Rules relied on:
// - Statuses are year codes (layers/types.ts): a yes without a date (1) was already true at any
//   year, so it never shows as a change; unknown (−1) never changes.
// - Modelled coverage comes from the first modelled year (0 = never): within one data set the
//   model only ever gains coverage as stations are built, so "newly uncovered" exists only
//   between two vintages of data, never between two years of one.
import type { AreaIndex } from '../areas';
import type { ModelledYears } from '../layers/figures';
import { isGradedScenicArea, statusAt, type LayerSet } from '../layers/types';

export type ChangeKind = 'village' | 'relocationSite' | 'scenicArea';
export type ChangeBasis = 'reported' | 'modelled' | 'both';
/** Between two years coverage only grows; between two vintages of data it may also be lost. */
export type ChangeDirection = 'covered' | 'uncovered';

export interface ChangeRow {
  kind: ChangeKind;
  id: string;
  name: string;
  countyAdcode: string;
  countyName: string;
  lon: number;
  lat: number;
  basis: ChangeBasis;
  /** Absent means 'covered' (every row of newlyCovered). */
  direction?: ChangeDirection;
}

export interface ChangeSummary {
  fromYear: number;
  toYear: number;
  rows: ChangeRow[];
  counts: Record<ChangeKind, Record<ChangeBasis, number>>;
}

const became = (flagAt: (year: number) => number, fromYear: number, toYear: number) =>
  flagAt(fromYear) === 0 && flagAt(toYear) === 1;
const modelledAt = (firstYear: number) => (year: number) => (firstYear !== 0 && firstYear <= year ? 1 : 0);

export function newlyCovered(
  areas: AreaIndex,
  layers: LayerSet,
  modelled: ModelledYears,
  fromYear: number,
  toYear: number,
): ChangeSummary {
  const rows: ChangeRow[] = [];
  const add = (
    kind: ChangeKind,
    id: string,
    name: string,
    county: number,
    lon: number,
    lat: number,
    reportedCode: number,
    modelledYear: number | undefined,
  ) => {
    const reported = became((year) => statusAt(reportedCode, year), fromYear, toYear);
    const model = modelledYear !== undefined && became(modelledAt(modelledYear), fromYear, toYear);
    if (!reported && !model) return;
    const countyArea = areas.counties[county];
    rows.push({
      kind,
      id,
      name,
      countyAdcode: countyArea?.adcode ?? '',
      countyName: countyArea?.name ?? '',
      lon,
      lat,
      basis: reported && model ? 'both' : reported ? 'reported' : 'modelled',
    });
  };
  const { villages, relocationSites, scenicAreas } = layers;
  villages?.code.forEach((code, i) =>
    add(
      'village',
      code,
      villages.name[i],
      villages.county[i],
      villages.lon[i],
      villages.lat[i],
      villages.status.fiveG[i],
      modelled.villages5g?.[i],
    ),
  );
  relocationSites?.name.forEach((name, i) =>
    add(
      'relocationSite',
      name,
      name,
      relocationSites.county[i],
      relocationSites.lon[i],
      relocationSites.lat[i],
      relocationSites.reported[i],
      modelled.relocationSites5g?.[i],
    ),
  );
  scenicAreas?.name.forEach((name, i) => {
    if (isGradedScenicArea(scenicAreas.level[i]))
      add(
        'scenicArea',
        name,
        name,
        scenicAreas.county[i],
        scenicAreas.lon[i],
        scenicAreas.lat[i],
        scenicAreas.reported[i],
        modelled.scenicAreas5g?.[i],
      );
  });
  const counts = Object.fromEntries(
    (['village', 'relocationSite', 'scenicArea'] as const).map((kind) => [
      kind,
      { reported: 0, modelled: 0, both: 0 },
    ]),
  ) as ChangeSummary['counts'];
  for (const row of rows) counts[row.kind][row.basis]++;
  return { fromYear, toYear, rows, counts };
}
