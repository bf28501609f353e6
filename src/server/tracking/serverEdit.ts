// A status edit as the server stores and answers it: one row of status_edits turned into the
// ServerEdit of the API (GET /api/datasets/:id/edits, POST /api/status, a row's history), and the
// JSON schema the routes publish for it.
//
// Rules relied on:
// - Both engines answer int8 ids as numbers and timestamps as Date objects (db/pglite.ts,
//   db/postgres.ts); times leave the server as ISO 8601 text.
// - `id` grows with every edit the server stores, so it serves as the browser's StoredEdit key.
import type { EditKind, EditSource, StatusField } from '../../core/tracking/edits';
import { EDIT_KINDS, EDIT_SOURCES, STATUS_FIELDS } from '../../core/tracking/edits';

export type { ServerEdit } from '../../core/team/wire';
import type { ServerEdit } from '../../core/team/wire';

/** The columns of status_edits a ServerEdit is read from, for `select ${EDIT_COLUMNS} from status_edits`. */
export const EDIT_COLUMNS =
  'id, dataset_id, row_key, field, kind, value, date, note, author, author_id, source, edited_at, version, mutation_id';

export interface EditRow {
  id: number | string;
  dataset_id: string;
  row_key: string;
  field: string;
  kind: string;
  value: boolean | null;
  date: string;
  note: string;
  author: string;
  author_id: number;
  source: string;
  edited_at: Date | string;
  version: number;
  mutation_id: string;
}

export const isoTime = (value: Date | string): string => new Date(value).toISOString();

export function serverEditFromRow(row: EditRow): ServerEdit {
  return {
    id: Number(row.id),
    datasetId: row.dataset_id,
    rowKey: row.row_key,
    field: row.field as StatusField,
    kind: row.kind as EditKind,
    value: row.value,
    date: row.date,
    note: row.note,
    author: row.author,
    authorId: row.author_id,
    source: row.source as EditSource,
    editedAt: isoTime(row.edited_at),
    version: row.version,
    mutationId: row.mutation_id,
  };
}

export const serverEditSchema = {
  type: 'object',
  required: [
    'id',
    'datasetId',
    'rowKey',
    'field',
    'kind',
    'value',
    'date',
    'note',
    'author',
    'authorId',
    'source',
    'editedAt',
    'version',
    'mutationId',
  ],
  properties: {
    id: { type: 'integer' },
    datasetId: { type: 'string' },
    rowKey: { type: 'string' },
    field: { type: 'string', enum: [...STATUS_FIELDS] },
    kind: { type: 'string', enum: [...EDIT_KINDS] },
    value: { type: ['boolean', 'null'] },
    date: { type: 'string', format: 'date' },
    note: { type: 'string' },
    author: { type: 'string' },
    authorId: { type: 'integer' },
    source: { type: 'string', enum: [...EDIT_SOURCES] },
    editedAt: { type: 'string', format: 'date-time' },
    version: { type: 'integer' },
    mutationId: { type: 'string', format: 'uuid' },
  },
} as const;
