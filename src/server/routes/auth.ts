// Signing in and out: the server's health (which also says whether the first administrator is still
// to be created), the one-time set-up of that administrator, sign-in, sign-out, the current user and
// changing one's own password.
//
// Rules relied on:
// - The set-up link's token exists only while there is no user; the database keeps its SHA-256
//   (settings 'setup_token_hash') and using it deletes it, so exactly one request can create the
//   first administrator. Every start of the server with no user prints a new link.
// - Sign-in and a password change check the password through auth/credentials.ts (address limit,
//   lock-out, the same work for unknown names, disabled accounts refused only after the check).
// - A successful sign-in rotates the session (sessions.ts) and answers {user, csrfToken}; the token
//   goes with every state-changing request as the x-csrf-token header.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors';
import {
  USER_COLUMNS,
  checkDisplayName,
  checkPassword,
  checkUsername,
  findUser,
  invalidRequest,
  passwordSchema,
  toUser,
  userSchema,
  usernameSchema,
  type User,
  type UserRow,
} from '../auth/accounts';
import { appendAudit } from '../auth/audit';
import { SESSION_COOKIE } from '../auth/caller';
import { clearedSessionCookie, sessionCookie } from '../auth/cookies';
import { checkCredentials } from '../auth/credentials';
import { hashPassword } from '../auth/password';
import { createSession, endSession, endUserSessions } from '../auth/sessions';
import type { Db, RouteContext, RouteDef } from '../types';

const SETUP_TOKEN_KEY = 'setup_token_hash';
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

async function anyUserExists(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ found: boolean }>('select exists (select 1 from users) as found');
  return rows[0].found;
}

/**
 * A new one-time token for the set-up link (`http://HOST:PORT/#setup=<token>`) while no user exists,
 * replacing any earlier one; null once there is a user.
 */
export async function setupToken(db: Db): Promise<string | null> {
  if (await anyUserExists(db)) return null;
  const token = randomBytes(24).toString('base64url');
  await db.query(
    `insert into settings (key, value) values ($1, $2)
     on conflict (key) do update set value = excluded.value`,
    [SETUP_TOKEN_KEY, sha256(token)],
  );
  return token;
}

const signedInSchema = {
  type: 'object',
  required: ['user', 'csrfToken'],
  properties: { user: userSchema, csrfToken: { type: 'string' } },
} as const;
const noContent = { 204: { type: 'null', description: 'Done' } } as const;

/** Issues a session for `user`, rotating the one the request came with, and sets the cookie. */
async function signIn(request: FastifyRequest, reply: FastifyReply, context: RouteContext, user: User) {
  const session = await createSession(context.db, user.id, context.config, request.cookies[SESSION_COOKIE]);
  reply.header('set-cookie', sessionCookie(session.cookieValue, context.config));
  await appendAudit(context.db, {
    userId: user.id,
    username: user.username,
    action: 'login',
    detail: { address: request.ip },
  });
  return { user, csrfToken: session.csrfToken };
}

export const authRoutes: RouteDef[] = [
  {
    method: 'GET',
    url: '/health',
    operationId: 'health',
    summary: 'Whether this is a team server, its database engine, and whether set-up is needed',
    access: 'public',
    schema: {
      response: {
        200: {
          type: 'object',
          required: ['mode', 'engine', 'setupNeeded'],
          properties: {
            mode: { type: 'string', enum: ['team'] },
            engine: { type: 'string', enum: ['pglite', 'postgres'] },
            setupNeeded: { type: 'boolean' },
          },
        },
      },
    },
    async handler(_request, _reply, context) {
      return { mode: 'team', engine: context.db.engine, setupNeeded: !(await anyUserExists(context.db)) };
    },
  },
  {
    method: 'POST',
    url: '/setup',
    operationId: 'setupAdmin',
    summary: 'Create the first administrator with the one-time link printed at start (then signed in)',
    access: 'public',
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['token', 'username', 'displayName', 'password'],
        properties: {
          token: { type: 'string', maxLength: 200 },
          username: usernameSchema,
          displayName: { type: 'string', maxLength: 100 },
          password: passwordSchema,
        },
      },
      response: { 200: signedInSchema },
    },
    async handler(request, reply, context) {
      const body = request.body as { token: string; username: string; displayName: string; password: string };
      if (await anyUserExists(context.db)) throw new ApiError(409, 'setup-done');
      const username = checkUsername(body.username, context.locale);
      const displayName = checkDisplayName(body.displayName, context.locale);
      checkPassword(body.password, context.locale);
      const passwordHash = await hashPassword(body.password);
      const user = await context.db.transaction(async (tx) => {
        const consumed = await tx.query('delete from settings where key = $1 and value = $2 returning key', [
          SETUP_TOKEN_KEY,
          sha256(body.token),
        ]);
        if (consumed.rows.length === 0) {
          if (await anyUserExists(tx)) throw new ApiError(409, 'setup-done');
          throw invalidRequest(
            context.locale,
            '设置链接无效或已过期，请使用服务器最近一次启动时显示的链接',
            'the set-up link is wrong or outdated; use the link the server printed when it last started',
            403,
          );
        }
        const { rows } = await tx.query<UserRow>(
          `insert into users (username, display_name, role, password_hash) values ($1, $2, 'admin', $3)
           returning ${USER_COLUMNS}`,
          [username, displayName, passwordHash],
        );
        const created = toUser(rows[0]);
        await appendAudit(tx, {
          userId: created.id,
          username: created.username,
          action: 'user.create',
          newValue: created,
          detail: { userId: created.id, username: created.username, setup: true },
        });
        return created;
      });
      return signIn(request, reply, context, user);
    },
  },
  {
    method: 'POST',
    url: '/login',
    operationId: 'login',
    summary: 'Sign in: sets the session cookie and answers the user and the CSRF token',
    access: 'public',
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['username', 'password'],
        properties: { username: { type: 'string', maxLength: 64 }, password: passwordSchema },
      },
      response: { 200: signedInSchema },
    },
    async handler(request, reply, context) {
      const body = request.body as { username: string; password: string };
      const row = await checkCredentials(
        request,
        context,
        body.username.trim().toLowerCase(),
        body.password,
        'login',
      );
      return signIn(request, reply, context, toUser(row));
    },
  },
  {
    method: 'POST',
    url: '/logout',
    operationId: 'logout',
    summary: 'Sign out: ends the session and clears the cookie',
    access: 'signedIn',
    schema: { response: noContent },
    async handler(request, reply, context) {
      const caller = context.caller;
      if (!caller) throw new ApiError(401, 'not-signed-in');
      await endSession(context.db, caller.sessionIdHash);
      await appendAudit(context.db, {
        userId: caller.userId,
        username: caller.username,
        action: 'logout',
        detail: { address: request.ip },
      });
      reply.header('set-cookie', clearedSessionCookie(context.config));
      return reply.code(204).send();
    },
  },
  {
    method: 'GET',
    url: '/me',
    operationId: 'currentUser',
    summary: 'The signed-in user and the CSRF token of their session',
    access: 'signedIn',
    schema: { response: { 200: signedInSchema } },
    async handler(_request, _reply, context) {
      const caller = context.caller;
      if (!caller) throw new ApiError(401, 'not-signed-in');
      const row = await findUser(context.db, caller.userId);
      if (!row) throw new ApiError(401, 'session-expired');
      return { user: toUser(row), csrfToken: caller.csrfToken };
    },
  },
  {
    method: 'POST',
    url: '/me/password',
    operationId: 'changePassword',
    summary: "Change one's own password (the other sessions of the account end)",
    access: 'signedIn',
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['currentPassword', 'newPassword'],
        properties: { currentPassword: passwordSchema, newPassword: passwordSchema },
      },
      response: noContent,
    },
    async handler(request, reply, context) {
      const caller = context.caller;
      if (!caller) throw new ApiError(401, 'not-signed-in');
      const body = request.body as { currentPassword: string; newPassword: string };
      checkPassword(body.newPassword, context.locale);
      await checkCredentials(request, context, caller.username, body.currentPassword, 'password-change');
      const passwordHash = await hashPassword(body.newPassword);
      await context.db.transaction(async (tx) => {
        await tx.query(
          `update users set password_hash = $2, must_change_password = false, failed_logins = 0
            where id = $1`,
          [caller.userId, passwordHash],
        );
        const ended = await endUserSessions(tx, caller.userId, caller.sessionIdHash);
        await appendAudit(tx, {
          userId: caller.userId,
          username: caller.username,
          action: 'user.password-change',
          detail: { sessionsEnded: ended },
        });
      });
      return reply.code(204).send();
    },
  },
];
