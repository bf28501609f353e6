// `atlas backup FILE` and `atlas restore FILE`: the team server's database (DATABASE_URL, else
// PGlite in ATLAS_DATA_DIR or ./atlas-data — the same settings as `npm start`) to and from a file.
//
// Rules relied on:
// - PGlite is one process's database: while the server runs on a folder (its pid file names a live
//   process) the command refuses instead of opening the folder a second time.
// - Restore migrates the target first and refuses one that already has accounts.
import { existsSync } from 'node:fs';
import { backupDatabase, restoreDatabase, RestoreError } from '../server/backup';
import { configFromEnvironment } from '../server/config';
import { migrate, openDatabase } from '../server/db/index';
import { runningServerPid } from '../server/pidFile';

export class DatabaseCommandError extends Error {}

/** A failure the command reports in one line (exit 1). */
export const isDatabaseError = (e: unknown): e is Error =>
  e instanceof DatabaseCommandError || e instanceof RestoreError;

export async function runDatabaseCommand(command: 'backup' | 'restore', file: string): Promise<string> {
  const config = configFromEnvironment();
  if (!config.databaseUrl) {
    const pid = runningServerPid(config.dataDir);
    if (pid !== null)
      throw new DatabaseCommandError(
        `the server (process ${pid}) has ${config.dataDir} open: stop it first, or use PostgreSQL (DATABASE_URL)`,
      );
    if (command === 'backup' && !existsSync(config.dataDir))
      throw new DatabaseCommandError(`there is no atlas database in ${config.dataDir}`);
  }
  if (command === 'restore' && !existsSync(file)) throw new DatabaseCommandError(`${file}: no such file`);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const schemaVersion = await migrate(db);
    const summary =
      command === 'backup'
        ? await backupDatabase(db, file, schemaVersion)
        : await restoreDatabase(db, file, schemaVersion);
    const where = config.databaseUrl ? 'PostgreSQL' : config.dataDir;
    const counts = Object.entries(summary.rows)
      .map(([table, count]) => `${table} ${count}`)
      .join(', ');
    return command === 'backup'
      ? `backed up ${where} to ${file}: ${counts}\n`
      : `restored ${file} into ${where}: ${counts}\n`;
  } finally {
    await db.close();
  }
}
