// The team server as a Fastify instance: the built app (static, with the security headers), and
// every route of the route table under /api with its access rule, CSRF check, JSON schema
// (validated, and published as OpenAPI at /api/openapi.json) and JSON errors in the caller's
// language. main.ts listens; tests call app.inject.
//
// Rules relied on:
// - Nothing reaches a handler unless the route's `access` allows the caller: 401 without a live
//   session (session-expired when it just ended), 403 for another role.
// - A state-changing request (POST, PUT, PATCH, DELETE) must come from our own pages: its Origin,
//   when sent, is this server; on a signed-in route its x-csrf-token equals the session's token.
//   SameSite=Strict cookies already keep other sites' requests unauthenticated; this is the
//   second lock.
import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { basemapOriginFromCookies, securityHeaders } from '../core/securityPolicy';
import { callerFromSession, SESSION_COOKIE } from './auth/caller';
import { ApiError, errorMessage, requestLocale, type ErrorCode } from './errors';
import { ROUTES } from './routes/index';
import { validationMessage, type SchemaError } from './validationMessage';
import type { Caller, Db, RouteContext, RouteDef, ServerConfig } from './types';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const DEFAULT_BODY_LIMIT = 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    atlasCaller: Caller | null;
  }
}

export interface AppOptions {
  db: Db;
  config: ServerConfig;
  /** The routes to serve (the route table unless a test adds its own). */
  routes?: readonly RouteDef[];
  logger?: boolean;
}

export async function buildApp({
  db,
  config,
  routes = ROUTES,
  logger = false,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '贵州通信覆盖图 · Guizhou Coverage Atlas team API',
        version: '1',
        description:
          'Sign in with POST /api/login; send x-csrf-token (from login or /api/me) on every write.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
  });
  // A file's bytes (dataset uploads) arrive as they are.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(securityHeaders(basemapOriginFromCookies(request.headers.cookie)));
    request.atlasCaller = null;
  });

  app.setErrorHandler((error, request, reply) => {
    const locale = requestLocale(request.headers['accept-language']);
    const send = (status: number, code: ErrorCode, params: Record<string, string | number> = {}) =>
      reply.status(status).send({ error: code, message: errorMessage(code, locale, params) });
    if (error instanceof ApiError) return send(error.status, error.code, error.params);
    const fastifyError = error as {
      validation?: SchemaError[];
      validationContext?: string;
      statusCode?: number;
      code?: string;
      message: string;
    };
    if (fastifyError.validation)
      return send(400, 'invalid', {
        detail: validationMessage(fastifyError.validation, fastifyError.validationContext ?? '', locale),
      });
    if (fastifyError.statusCode === 413 || fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return send(413, 'too-large');
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500)
      return send(fastifyError.statusCode, 'invalid', { detail: fastifyError.message });
    request.log.error(error);
    return send(500, 'internal');
  });

  for (const route of routes) registerRoute(app, route, { db, config });

  if (existsSync(join(config.staticRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: config.staticRoot,
      wildcard: true,
      index: ['index.html'],
      setHeaders(response, path) {
        // Hashed file names never change; the page itself is checked every time.
        response.header(
          'Cache-Control',
          path.includes(`${join('assets', '')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const locale = requestLocale(request.headers['accept-language']);
    reply
      .status(404)
      .send({ error: 'not-found', message: errorMessage('not-found', locale, { what: request.url }) });
  });
  return app;
}

function registerRoute(
  app: FastifyInstance,
  route: RouteDef,
  shared: { db: Db; config: ServerConfig },
): void {
  const signedIn = route.access !== 'public';
  app.route({
    method: route.method,
    url: `/api${route.url}`,
    bodyLimit: route.bodyLimit ?? DEFAULT_BODY_LIMIT,
    schema: {
      ...route.schema,
      operationId: route.operationId,
      summary: route.summary,
      ...(signedIn ? { security: [{ session: [] }] } : {}),
    },
    preValidation: async (request) => {
      checkOrigin(request);
      if (!signedIn) {
        const found = await callerFromSession(shared.db, request.cookies[SESSION_COOKIE], shared.config);
        request.atlasCaller = found && 'caller' in found ? found.caller : null;
        return;
      }
      const found = await callerFromSession(shared.db, request.cookies[SESSION_COOKIE], shared.config);
      if (!found) throw new ApiError(401, 'not-signed-in');
      if ('expired' in found) throw new ApiError(401, 'session-expired');
      const { caller } = found;
      if (route.access !== 'signedIn' && !route.access.includes(caller.role))
        throw new ApiError(403, 'forbidden');
      if (WRITE_METHODS.has(request.method) && !sameToken(request.headers['x-csrf-token'], caller.csrfToken))
        throw new ApiError(403, 'csrf-failed');
      request.atlasCaller = caller;
    },
    handler: async (request, reply) => {
      const context: RouteContext = {
        db: shared.db,
        caller: request.atlasCaller,
        locale: requestLocale(request.headers['accept-language']),
        config: shared.config,
      };
      return route.handler(request, reply, context);
    },
  });
}

/** Compares in constant time, so the token cannot be guessed from how fast a refusal comes. */
function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Refuses a write sent from another origin (a browser always names the origin of a cross-site POST). */
function checkOrigin(request: FastifyRequest): void {
  if (!WRITE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new ApiError(403, 'csrf-failed');
  }
  if (host !== request.headers.host) throw new ApiError(403, 'csrf-failed');
}
