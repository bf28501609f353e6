// A real PostgreSQL (≥ 15) server, for a team's deployment: a connection pool from DATABASE_URL.
import pg from 'pg';
import type { Db, QueryResult } from '../types';

// Both engines answer int8 (bigserial ids) as numbers.
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

// pg sends Buffers as bytea; a Uint8Array (what the core produces) is copied into one.
const asParameter = (value: unknown) =>
  value instanceof Uint8Array && !Buffer.isBuffer(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value;

interface PgQueryable {
  query(config: { text: string; values?: unknown[]; types: typeof typeParsers }): Promise<pg.QueryResult>;
}

function adapter(queryable: PgQueryable, transaction: Db['transaction'], close: () => Promise<void>): Db {
  return {
    engine: 'postgres',
    async query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
      const result = await queryable.query({
        text: sql,
        values: params?.map(asParameter),
        types: typeParsers,
      });
      return { rows: result.rows as Row[], affectedRows: result.rowCount ?? 0 };
    },
    transaction,
    close,
  };
}

const refuse = (what: string) => () => Promise.reject(new Error(what));

export async function openPostgres(databaseUrl: string): Promise<Db & { exec(sql: string): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle client's error (the server restarted) must not crash the process: the pool drops it.
  pool.on('error', () => undefined);
  await pool.query('select 1');
  const transaction: Db['transaction'] = async (work) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const result = await work(
        adapter(
          client,
          refuse('nested transactions are not supported'),
          refuse('close the pool, not a transaction'),
        ),
      );
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const db = adapter(pool, transaction, () => pool.end());
  return {
    ...db,
    async exec(sql: string) {
      await pool.query(sql);
    },
  };
}
