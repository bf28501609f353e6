// Backup and restore of a team atlas, the same for PGlite and PostgreSQL: every table's rows as
// gzipped JSON lines (a header line first), restored into an empty database of the same schema.
// `npm run --silent atlas -- backup FILE` / `restore FILE` (src/cli/atlas.ts).
//
// Rules relied on:
// - Sessions are not backed up: a restored atlas starts with everyone signed out.
// - Tables go out and come back in dependency order (users before the datasets they uploaded …),
//   each in primary-key order, so the append-only tables are replayed exactly; sequences then
//   continue after the highest restored id.
// - Restore refuses a database that already has accounts: it never merges into live data.
// - bytea values travel as base64, jsonb as JSON, timestamps as ISO 8601.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { Db } from './types';

export const BACKUP_FORMAT = 'guizhou-coverage-atlas-backup';

/** Backed-up tables in dependency order, each with its ordering key. */
const TABLES: readonly { name: string; orderBy: string; serial?: string }[] = [
  { name: 'users', orderBy: 'id', serial: 'id' },
  { name: 'settings', orderBy: 'key' },
  { name: 'datasets', orderBy: 'uploaded_at, id' },
  { name: 'dataset_rows', orderBy: 'dataset_id, row_key' },
  { name: 'status_edits', orderBy: 'id', serial: 'id' },
  { name: 'conflicts', orderBy: 'id', serial: 'id' },
  { name: 'mutations', orderBy: 'received_at, id' },
  { name: 'shared_views', orderBy: 'id' },
  { name: 'audit_log', orderBy: 'id', serial: 'id' },
];

interface ColumnType {
  column_name: string;
  data_type: string;
  udt_name: string;
}

async function columnTypes(db: Db, table: string): Promise<ColumnType[]> {
  const { rows } = await db.query<ColumnType>(
    `select column_name, data_type, udt_name from information_schema.columns
      where table_schema = current_schema() and table_name = $1 order by ordinal_position`,
    [table],
  );
  return rows;
}

const toJsonValue = (value: unknown, type: ColumnType): unknown => {
  if (value === null || value === undefined) return null;
  if (type.udt_name === 'bytea') return Buffer.from(value as Uint8Array).toString('base64');
  if (value instanceof Date) return value.toISOString();
  return value;
};

const fromJsonValue = (value: unknown, type: ColumnType): unknown => {
  if (value === null) return null;
  if (type.udt_name === 'bytea') return new Uint8Array(Buffer.from(value as string, 'base64'));
  if (type.udt_name === 'jsonb' || type.udt_name === 'json') return JSON.stringify(value);
  return value;
};

export interface BackupSummary {
  rows: Record<string, number>;
}

/** Writes every table's rows to `file` (gzipped JSON lines). */
export async function backupDatabase(db: Db, file: string, schemaVersion: number): Promise<BackupSummary> {
  const counts: Record<string, number> = {};
  async function* lines() {
    yield (
      JSON.stringify({
        format: BACKUP_FORMAT,
        version: 1,
        schemaVersion,
        createdAt: new Date().toISOString(),
      }) + '\n'
    );
    for (const table of TABLES) {
      const types = await columnTypes(db, table.name);
      const { rows } = await db.query<Record<string, unknown>>(
        `select * from ${table.name} order by ${table.orderBy}`,
      );
      counts[table.name] = rows.length;
      yield JSON.stringify({ table: table.name, columns: types.map((type) => type.column_name) }) + '\n';
      for (const row of rows)
        yield JSON.stringify(types.map((type) => toJsonValue(row[type.column_name], type))) + '\n';
    }
    yield JSON.stringify({ end: true, rows: counts }) + '\n';
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return { rows: counts };
}

export class RestoreError extends Error {}

/** Restores `file` into `db`, which must be migrated and hold no accounts. */
export async function restoreDatabase(db: Db, file: string, schemaVersion: number): Promise<BackupSummary> {
  const { rows: users } = await db.query<{ count: number }>('select count(*)::int as count from users');
  if (users[0].count > 0)
    throw new RestoreError('the database already has accounts: restore only into a new, empty atlas');
  const input = createReadStream(file).pipe(createGunzip());
  const reader = createInterface({ input, crlfDelay: Infinity });
  const counts: Record<string, number> = {};
  try {
    await restoreRows(db, reader, file, schemaVersion, counts);
  } finally {
    reader.close();
    input.destroy();
  }
  return { rows: counts };
}

async function restoreRows(
  db: Db,
  reader: AsyncIterable<string>,
  file: string,
  schemaVersion: number,
  counts: Record<string, number>,
): Promise<void> {
  let header: { format?: string; schemaVersion?: number } | null = null;
  let ended = false;
  await db.transaction(async (tx) => {
    let table: { name: string; columns: string[]; types: ColumnType[]; sql: string } | null = null;
    for await (const line of reader) {
      if (!line) continue;
      const record = JSON.parse(line) as unknown;
      if (!header) {
        const first = record as { format?: string; schemaVersion?: number };
        header = first;
        if (first.format !== BACKUP_FORMAT) throw new RestoreError(`${file} is not an atlas backup`);
        if ((first.schemaVersion ?? 0) > schemaVersion)
          throw new RestoreError(
            `${file} comes from a newer version of the atlas (schema ${first.schemaVersion})`,
          );
        continue;
      }
      if (Array.isArray(record)) {
        if (!table) throw new RestoreError(`${file}: rows before any table`);
        const current = table;
        await tx.query(
          current.sql,
          record.map((value, index) => fromJsonValue(value, current.types[index])),
        );
        counts[current.name] = (counts[current.name] ?? 0) + 1;
        continue;
      }
      const marker = record as { table?: string; columns?: string[]; end?: boolean };
      if (marker.end) {
        ended = true;
        break;
      }
      const known = TABLES.find((entry) => entry.name === marker.table);
      if (!known || !marker.columns) throw new RestoreError(`${file}: unknown table "${marker.table}"`);
      const types = await columnTypes(tx, known.name);
      const ordered = marker.columns.map((name) => {
        const type = types.find((candidate) => candidate.column_name === name);
        if (!type) throw new RestoreError(`${file}: table ${known.name} has no column ${name}`);
        return type;
      });
      const placeholders = ordered.map((type, index) =>
        type.data_type === 'ARRAY'
          ? `$${index + 1}::${type.udt_name.slice(1)}[]`
          : `$${index + 1}::${type.udt_name}`,
      );
      table = {
        name: known.name,
        columns: marker.columns,
        types: ordered,
        sql: `insert into ${known.name} (${marker.columns.join(', ')}) values (${placeholders.join(', ')})`,
      };
      counts[known.name] = 0;
    }
    if (!ended) throw new RestoreError(`${file} is cut short: its last line is missing`);
    for (const entry of TABLES.filter((candidate) => candidate.serial)) {
      await tx.query(
        `select setval(pg_get_serial_sequence('${entry.name}', '${entry.serial}'),
                coalesce((select max(${entry.serial}) from ${entry.name}), 1),
                (select max(${entry.serial}) from ${entry.name}) is not null)`,
      );
    }
  });
}
