// Opens the team atlas's database (PostgreSQL when DATABASE_URL is given, else PGlite in a folder)
// and brings its schema up to date with the one set of migrations both engines run.
//
// Rules relied on:
// - Migrations are plain SQL files in ../migrations, applied in order by Postgrator, which records
//   them in the table `schema_version`; a file once released is never edited (a new one follows).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Postgrator from 'postgrator';
import type { Db } from '../types';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export interface DatabaseOptions {
  /** postgres://… — a real PostgreSQL. */
  databaseUrl?: string;
  /** PGlite's folder (created when missing), or 'memory://' for a throwaway database. */
  dataDir: string;
}

export type OpenDb = Db & { exec(sql: string): Promise<void> };

export async function openDatabase(options: DatabaseOptions): Promise<OpenDb> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true });
  return openPglite(options.dataDir);
}

/** Applies the migrations not yet applied; resolves with the schema version reached. */
export async function migrate(db: OpenDb): Promise<number> {
  const postgrator = new Postgrator({
    migrationPattern: join(MIGRATIONS_DIR, '*.sql').replaceAll('\\', '/'),
    driver: 'pg',
    schemaTable: 'schema_version',
    execQuery: (sql: string) => db.query(sql),
    // A migration file is several statements sent as one script: PostgreSQL runs them as one
    // implicit transaction, so a failing file leaves nothing half-applied.
    execSqlScript: (sql: string) => db.exec(sql),
  });
  const applied = await postgrator.migrate();
  const last = applied.at(-1);
  return last ? last.version : Number(await postgrator.getDatabaseVersion());
}
