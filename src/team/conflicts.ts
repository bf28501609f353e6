// The review queue's calls: the open conflicts a county editor or an administrator may decide
// (GET /api/conflicts, the server keeps each editor to their area), and the decision with a note
// (POST /api/conflicts/:id/resolve). Refusals arrive as ApiRequestError with the server's message.
import type { ProposedEdit, ServerEdit } from '../core/team/wire';
import type { StatusField } from '../core/tracking/edits';
import { apiJson } from './api';

/** A conflicting change as the server lists it. */
export interface ReviewConflict {
  id: number;
  datasetId: string;
  rowKey: string;
  rowName: string;
  countyCode: string;
  field: StatusField;
  baseVersion: number;
  currentVersion: number;
  proposed: ProposedEdit;
  /** The field's latest edit now (what accepting builds on), or null when it has none. */
  current: ServerEdit | null;
  createdByName: string;
  createdAt: string;
  status: 'open' | 'accepted' | 'rejected';
}

export type ConflictDecision = 'accept' | 'reject';

/** The open conflicts this user may decide, oldest first. */
export async function listOpenConflicts(): Promise<ReviewConflict[]> {
  return (await apiJson<{ conflicts: ReviewConflict[] }>('GET', '/api/conflicts?status=open')).conflicts;
}

/** Accepts or rejects a conflict; accepting answers the edit it applied. */
export function resolveConflict(
  id: number,
  decision: ConflictDecision,
  note: string,
): Promise<{ conflict: ReviewConflict; edit?: ServerEdit }> {
  return apiJson('POST', `/api/conflicts/${id}/resolve`, { json: { decision, note } });
}
