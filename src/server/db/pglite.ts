// The embedded database: PostgreSQL compiled to WebAssembly (PGlite), kept in a folder, so
// `npm start` needs nothing installed. One connection; PGlite runs queries and transactions one at
// a time, so a transaction's work must use the `tx` it is given, never the outer handle.
import { PGlite, types } from '@electric-sql/pglite';
import type { Db, QueryResult } from '../types';

// int8 (bigserial ids) as numbers, as the PostgreSQL adapter does: ids stay far below 2^53.
const parsers = { [types.INT8]: (value: string) => Number(value) };

interface PgliteQueryable {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
}

function adapter(queryable: PgliteQueryable, transaction: Db['transaction'], close: () => Promise<void>): Db {
  return {
    engine: 'pglite',
    async query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
      const result = await queryable.query<Row>(sql, params);
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    },
    transaction,
    close,
  };
}

/** Opens (creating when needed) the PGlite database in `dataDir`; `memory://` for a throwaway one. */
export async function openPglite(dataDir: string): Promise<Db & { exec(sql: string): Promise<void> }> {
  const pglite = await PGlite.create(dataDir, { parsers });
  const transaction: Db['transaction'] = (work) =>
    pglite.transaction((tx) =>
      work(
        adapter(
          tx,
          () => Promise.reject(new Error('nested transactions are not supported')),
          () => Promise.reject(new Error('close the database, not a transaction')),
        ),
      ),
    );
  const db = adapter(pglite, transaction, () => pglite.close());
  return {
    ...db,
    async exec(sql: string) {
      await pglite.exec(sql);
    },
  };
}
