// For server tests: a fresh, migrated database on each engine the run can reach, the app over it,
// and signed-in callers of any role without going through the (deliberately slow) password hash.
//
//   for (const engine of testDatabases()) describe(engine, () => { … startTestApp(engine) … });
//
// Rules relied on:
// - PGlite always runs (in memory). PostgreSQL runs when TEST_DATABASE_URL is set (.ci/run starts a
//   throwaway cluster and sets it); each test app gets its own new database there.
// - Under CI=true a missing TEST_DATABASE_URL is an error, not a skip: CI must cover both engines.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Role } from '../core/team/roles';
import { buildApp } from './app';
import { sessionIdHash, SESSION_COOKIE } from './auth/caller';
import { migrate, openDatabase, type OpenDb } from './db/index';
import type { ServerConfig } from './types';

export type TestEngine = 'pglite' | 'postgres';

export function testDatabases(): TestEngine[] {
  if (process.env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI === 'true')
    throw new Error('CI must run the server tests on PostgreSQL too: set TEST_DATABASE_URL');
  return ['pglite'];
}

export const TEST_CONFIG: ServerConfig = {
  host: '127.0.0.1',
  port: 0,
  staticRoot: '/nonexistent',
  dataDir: 'memory://',
  secureCookies: false,
  sessionIdleMs: 12 * 3_600_000,
  sessionMaxMs: 7 * 24 * 3_600_000,
};

/** A new empty database on `engine`, migrated; dropped again by `drop`. */
export async function freshDatabase(engine: TestEngine): Promise<{ db: OpenDb; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `atlas_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  await migrate(db);
  return {
    db,
    async drop() {
      await db.close();
      const cleaner = new pg.Client({ connectionString: adminUrl });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

export interface SignedIn {
  userId: number;
  username: string;
  /** The Cookie header value. */
  cookie: string;
  csrfToken: string;
  /** Headers for app.inject: cookie and CSRF token. */
  headers: Record<string, string>;
}

export interface TestApp {
  app: FastifyInstance;
  db: OpenDb;
  config: ServerConfig;
  /** A new user of `role` (editors: `areas`, default 520111 花溪区) with a live session. */
  signIn(role: Role, areas?: string[], options?: { expired?: boolean }): Promise<SignedIn>;
  close(): Promise<void>;
}

export async function startTestApp(engine: TestEngine, config: Partial<ServerConfig> = {}): Promise<TestApp> {
  const { db, drop } = await freshDatabase(engine);
  const fullConfig = { ...TEST_CONFIG, ...config };
  const app = await buildApp({ db, config: fullConfig });
  await app.ready();
  return {
    app,
    db,
    config: fullConfig,
    async signIn(role, areas = role === 'editor' ? ['520111'] : [], options = {}) {
      const username = `${role}-${randomBytes(4).toString('hex')}`;
      const { rows } = await db.query<{ id: number }>(
        `insert into users (username, display_name, role, areas, password_hash)
         values ($1, $2, $3, $4, 'no-password') returning id`,
        [username, `测试${role}`, role, areas],
      );
      const cookieValue = randomBytes(32).toString('base64url');
      const csrfToken = randomUUID();
      const expiresAt = new Date(Date.now() + (options.expired ? -60_000 : fullConfig.sessionMaxMs));
      await db.query(
        `insert into sessions (id_hash, user_id, csrf_token, expires_at) values ($1, $2, $3, $4)`,
        [sessionIdHash(cookieValue), rows[0].id, csrfToken, expiresAt],
      );
      const cookie = `${SESSION_COOKIE}=${cookieValue}`;
      return {
        userId: rows[0].id,
        username,
        cookie,
        csrfToken,
        headers: { cookie, 'x-csrf-token': csrfToken },
      };
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}
