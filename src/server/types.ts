// The contracts every part of the server shares: the database handle (PGlite or PostgreSQL behind
// one interface), the signed-in caller, and a route as declared in the route table.
//
// Rules relied on:
// - Every route declares `access`; app.ts checks it before the handler runs (401 without a live
//   session, 403 for another role, 403 for a state-changing request without the session's CSRF
//   token). Checks that depend on the data (a county editor's area) are the handler's, with
//   core/team/roles.ts.
// - Handlers take the database from the context, never from a module variable, so the same code
//   runs against both engines in one test process.
import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { Role } from '../core/team/roles';

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows changed by INSERT / UPDATE / DELETE. */
  affectedRows: number;
}

/** A database connection (or a transaction on one). Parameters are $1, $2 … as in PostgreSQL. */
export interface Db {
  readonly engine: 'pglite' | 'postgres';
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The person behind a request, from their session. */
export interface Caller {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  areas: string[];
  /** The session's id hash (never the cookie value itself). */
  sessionIdHash: string;
  csrfToken: string;
}

/** public: anyone; signedIn: any live session; a list: those roles only. */
export type Access = 'public' | 'signedIn' | readonly Role[];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext {
  db: Db;
  /** Null only on public routes. */
  caller: Caller | null;
  /** The user's language, from Accept-Language: messages in errors and exports follow it. */
  locale: 'zh-CN' | 'en';
  config: ServerConfig;
}

export interface RouteDef {
  method: HttpMethod;
  /** Under /api, with Fastify's :param syntax. */
  url: string;
  operationId: string;
  summary: string;
  access: Access;
  schema?: Omit<FastifySchema, 'operationId' | 'summary'>;
  /** Bytes accepted in the body (default 1 MiB). */
  bodyLimit?: number;
  handler(request: FastifyRequest, reply: FastifyReply, context: RouteContext): Promise<unknown>;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** Where the built app is (dist/). */
  staticRoot: string;
  /** The PGlite folder when no DATABASE_URL is given. */
  dataDir: string;
  databaseUrl?: string;
  /** Cookies get `Secure` (set when served over HTTPS, or behind a proxy that says so). */
  secureCookies: boolean;
  /** Session lifetime without use, and at most. */
  sessionIdleMs: number;
  sessionMaxMs: number;
}
