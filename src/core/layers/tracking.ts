// The team's edits applied to a whole layer: the layer's status columns replaced by the current
// status (core/tracking/currentStatus.ts, the one function that overrides a reported status), and
// what the edits were, by row, for the views that mark edited, verified and disputed values.
//
// Rules relied on:
// - Only a dataset's layer is edited (edits are keyed by dataset id); the sample is never.
// - A row is found by its key: the village code, or a site's id, else its name, else "#n" (its
//   1-based row number). The first row with a key wins; the status editor offers the same keys.
// - The returned layer shares every untouched column with the one given; the given one is not changed.
import { PLAN_LAST_YEAR } from '../planYears';
import { currentStatus, type FieldTracking } from '../tracking/currentStatus';
import { rowKeysOf, type LayerTracking } from './rowKeys';

export { rowKeysOf, type LayerTracking };
import type { StatusField, StoredEdit } from '../tracking/edits';
import type { PlaceLayer } from './places';
import type { VillageLayer, VillageStatus } from './villages';

export type TrackedLayerName = 'villages' | 'relocationSites' | 'scenicAreas';

/** The status fields a person can edit on each layer's rows. */
export const EDITABLE_FIELDS: Record<TrackedLayerName, readonly StatusField[]> = {
  villages: ['fiber', 'gigabit', '4g', '5g'],
  relocationSites: ['covered'],
  scenicAreas: ['covered'],
};

/** The village status column each edited field overrides. */
export const VILLAGE_STATUS_OF: Record<string, VillageStatus> = {
  fiber: 'fiber',
  gigabit: 'gigabit',
  '4g': 'fourG',
  '5g': 'fiveG',
};

/** Row key → the first row with it. */
export function rowIndex(keys: readonly string[]): Map<string, number> {
  const rows = new Map<string, number>();
  keys.forEach((key, i) => {
    if (!rows.has(key)) rows.set(key, i);
  });
  return rows;
}

export const editsOf = (edits: readonly StoredEdit[], field: StatusField) =>
  edits.filter((e) => e.field === field);

export function trackVillages(
  villages: VillageLayer,
  datasetId: string,
  edits: readonly StoredEdit[],
): VillageLayer {
  const rows = rowIndex(rowKeysOf(villages.code));
  const tracking: LayerTracking = { datasetId, fields: {}, unmatched: 0 };
  const status = { ...villages.status };
  for (const field of EDITABLE_FIELDS.villages) {
    const column = VILLAGE_STATUS_OF[field];
    const tracked = currentStatus(villages.status[column], rows, editsOf(edits, field), PLAN_LAST_YEAR);
    status[column] = tracked.codes;
    tracking.fields[field] = tracked.rows;
    tracking.unmatched += tracked.unmatched;
  }
  return { ...villages, status, tracking };
}

export function trackPlaces(places: PlaceLayer, datasetId: string, edits: readonly StoredEdit[]): PlaceLayer {
  const tracked = currentStatus(
    places.reported,
    rowIndex(places.key),
    editsOf(edits, 'covered'),
    PLAN_LAST_YEAR,
  );
  return {
    ...places,
    reported: tracked.codes,
    tracking: { datasetId, fields: { covered: tracked.rows }, unmatched: tracked.unmatched },
  };
}

/** What the edits say of one row, field by field (empty when never edited). */
export function rowTracking(
  tracking: LayerTracking | undefined,
  row: number,
): Partial<Record<StatusField, FieldTracking>> {
  const found: Partial<Record<StatusField, FieldTracking>> = {};
  for (const [field, rows] of Object.entries(tracking?.fields ?? {}))
    if (rows.has(row)) found[field as StatusField] = rows.get(row);
  return found;
}
