// The shapes the team API sends, declared once: the server produces them and the browser reads
// them (src/server builds them from rows; src/team and src/storage keep them).
import type { EditKind, EditSource, StatusField } from '../tracking/edits';

/** An edit as the team server stored it: `id` grows with every edit, `version` per row and field. */
export interface ServerEdit {
  id: number;
  datasetId: string;
  rowKey: string;
  field: StatusField;
  kind: EditKind;
  value: boolean | null;
  date: string;
  note: string;
  /** The author's display name when the edit was stored. */
  author: string;
  authorId: number;
  source: EditSource;
  editedAt: string;
  /** 1, 2, 3 … per (dataset, row, field): the version this edit made. */
  version: number;
  mutationId: string;
}

/** One line of the append-only audit log. */
export interface AuditLogEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string;
  displayName: string;
  action: string;
  datasetId: string | null;
  rowKey: string | null;
  field: string | null;
  /** Absent (undefined) when there was nothing before; null is an "unknown" status. */
  oldValue?: unknown;
  newValue?: unknown;
  note: string | null;
  source: string | null;
  mutationId: string | null;
  detail: Record<string, unknown> | null;
}

export const VIEW_KINDS = ['link', 'slides'] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

/** A share link or slide deck saved on the team server. */
export interface SharedView {
  id: string;
  kind: ViewKind;
  title: string;
  body: unknown;
  /** The owner's display name. */
  owner: string;
  ownerId: number;
  createdAt: string;
  updatedAt: string;
}

/** What the proposer of a change asked for, as a conflict keeps it. */
export interface ProposedEdit {
  mutationId: string;
  kind: EditKind;
  value: boolean | null;
  date: string;
  note: string;
  source: EditSource;
  editedAt: string;
  author: string;
  authorId: number;
}
