// Shared datasets in the database: a validated upload stored as the next version of its layer (the
// columnar binary body the browser downloads, with its ETag), the rows that can be tracked listed
// with their county for the area checks, and the dataset list.
//
// Rules relied on:
// - Versions count per layer: 1, 2, 3 … ; a transaction-scoped advisory lock per layer makes two
//   uploads at once take turns instead of both taking the same number.
// - The ETag is the SHA-256 of the body, so an unchanged body is never downloaded twice.
// - dataset_rows holds the rows of the tracked layers (villages, relocation sites, scenic areas)
//   under the key edits name them by (core/layers/datasetColumns.ts datasetRowKeys; the first row
//   with a key wins, as in the layers) and the 6-digit county code of the row's county index
//   ('' when the row has none).
// - Run inside the caller's transaction, with the audit row of the upload.
import { createHash } from 'node:crypto';
import { encodeColumnar } from '../../core/io/columnarBinary';
import { counties, datasetRowKeys, texts } from '../../core/layers/datasetColumns';
import { mapLayerOfDataset } from '../../core/layers/fromDataset';
import { EDITABLE_FIELDS } from '../../core/layers/tracking';
import type { StoredDataset } from '../../core/storedDataset';
import type { Db } from '../types';

export interface DatasetInfo {
  id: string;
  layer: string;
  version: number;
  name: string;
  sourceFile: string;
  datum: string;
  rowCount: number;
  rejectedCount: number;
  /** The uploader's display name. */
  uploadedBy: string;
  uploadedAt: string;
  etag: string;
}

export const datasetInfoSchema = {
  type: 'object',
  required: [
    'id',
    'layer',
    'version',
    'name',
    'sourceFile',
    'datum',
    'rowCount',
    'rejectedCount',
    'uploadedBy',
    'uploadedAt',
    'etag',
  ],
  properties: {
    id: { type: 'string' },
    layer: { type: 'string' },
    version: { type: 'integer' },
    name: { type: 'string' },
    sourceFile: { type: 'string' },
    datum: { type: 'string' },
    rowCount: { type: 'integer' },
    rejectedCount: { type: 'integer' },
    uploadedBy: { type: 'string' },
    uploadedAt: { type: 'string', format: 'date-time' },
    etag: { type: 'string' },
  },
} as const;

interface InfoRow {
  id: string;
  layer: string;
  version: number;
  name: string;
  source_file: string;
  datum: string;
  row_count: number;
  rejected_count: number;
  uploaded_by_name: string;
  uploaded_at: Date | string;
  etag: string;
}

const INFO_COLUMNS = `d.id, d.layer, d.version, d.name, d.source_file, d.datum, d.row_count, d.rejected_count,
  u.display_name as uploaded_by_name, d.uploaded_at, d.etag`;

const infoOf = (row: InfoRow): DatasetInfo => ({
  id: row.id,
  layer: row.layer,
  version: row.version,
  name: row.name,
  sourceFile: row.source_file,
  datum: row.datum,
  rowCount: row.row_count,
  rejectedCount: row.rejected_count,
  uploadedBy: row.uploaded_by_name,
  uploadedAt: new Date(row.uploaded_at).toISOString(),
  etag: row.etag,
});

/** Every dataset, by layer and then version (bodies left out). */
export async function listDatasets(db: Db): Promise<DatasetInfo[]> {
  const { rows } = await db.query<InfoRow>(
    `select ${INFO_COLUMNS} from datasets d join users u on u.id = d.uploaded_by order by d.layer, d.version`,
  );
  return rows.map(infoOf);
}

export async function datasetInfo(db: Db, id: string): Promise<DatasetInfo | null> {
  const { rows } = await db.query<InfoRow>(
    `select ${INFO_COLUMNS} from datasets d join users u on u.id = d.uploaded_by where d.id = $1`,
    [id],
  );
  return rows.length === 0 ? null : infoOf(rows[0]);
}

/** The stored body and its ETag, or null for an unknown id. */
export async function datasetBody(db: Db, id: string): Promise<{ body: Uint8Array; etag: string } | null> {
  const { rows } = await db.query<{ body: Uint8Array; etag: string }>(
    'select body, etag from datasets where id = $1',
    [id],
  );
  return rows[0] ?? null;
}

const TRACKED_LAYERS: ReadonlySet<string> = new Set(Object.keys(EDITABLE_FIELDS));

/** The rows edits can name: key (first row with it), 6-digit county code ('' unknown), name. */
export function trackedRows(
  dataset: StoredDataset,
  countyAdcodes: readonly string[],
): { keys: string[]; countyCodes: string[]; names: string[] } {
  const rows = { keys: [] as string[], countyCodes: [] as string[], names: [] as string[] };
  const layer = mapLayerOfDataset(dataset.layer);
  if (layer === null || !TRACKED_LAYERS.has(layer)) return rows;
  const keys = datasetRowKeys(dataset),
    county = counties(dataset),
    names = texts(dataset, 'name');
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (seen.has(key)) return;
    seen.add(key);
    rows.keys.push(key);
    rows.countyCodes.push(countyAdcodes[county[i]] ?? '');
    rows.names.push(names[i]);
  });
  return rows;
}

const ROWS_PER_INSERT = 5_000;

/**
 * Stores the dataset as the next version of its layer, with its tracked rows; `tx` is a
 * transaction. Answers the stored dataset's list entry.
 */
export async function insertDataset(
  tx: Db,
  input: {
    dataset: StoredDataset;
    rejectedCount: number;
    uploadedBy: number;
    countyAdcodes: readonly string[];
  },
): Promise<DatasetInfo> {
  const { dataset } = input;
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`datasets:${dataset.layer}`]);
  const { rows } = await tx.query<{ version: number }>(
    'select coalesce(max(version), 0) + 1 as version from datasets where layer = $1',
    [dataset.layer],
  );
  const body = encodeColumnar(dataset);
  const etag = createHash('sha256').update(body).digest('hex');
  await tx.query(
    `insert into datasets (id, layer, version, name, source_file, datum, row_count, rejected_count,
       uploaded_by, uploaded_at, body, etag)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      dataset.id,
      dataset.layer,
      rows[0].version,
      dataset.name,
      dataset.sourceFile,
      dataset.datum,
      dataset.rowCount,
      input.rejectedCount,
      input.uploadedBy,
      dataset.importedAt,
      body,
      etag,
    ],
  );
  const tracked = trackedRows(dataset, input.countyAdcodes);
  for (let start = 0; start < tracked.keys.length; start += ROWS_PER_INSERT) {
    const end = start + ROWS_PER_INSERT;
    await tx.query(
      `insert into dataset_rows (dataset_id, row_key, county_code, name)
       select $1, * from unnest($2::text[], $3::text[], $4::text[])`,
      [
        dataset.id,
        tracked.keys.slice(start, end),
        tracked.countyCodes.slice(start, end),
        tracked.names.slice(start, end),
      ],
    );
  }
  return (await datasetInfo(tx, dataset.id))!;
}
