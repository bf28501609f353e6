// How the team's edits name a layer's rows, and what the edits made of a layer (tracking.ts
// applies them): kept apart so the layer modules can name them without importing tracking.ts.
import type { FieldTracking } from '../tracking/currentStatus';
import type { StatusField } from '../tracking/edits';

/** The edits of one dataset as they apply to its layer's rows. */
export interface LayerTracking {
  datasetId: string;
  /** Per field, the rows with at least one edit of it. */
  fields: Partial<Record<StatusField, Map<number, FieldTracking>>>;
  /** Edits whose row key matches no row (a sheet re-imported without that village, say). */
  unmatched: number;
}

/** Row keys as the editor and the tracking read them: the given key, else "#n". */
export const rowKeysOf = (keys: readonly string[]): string[] =>
  keys.map((key, i) => (key.trim() === '' ? `#${i + 1}` : key.trim()));
