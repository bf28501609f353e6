// The administrators' page for accounts: list, create, change (name, role, area, disabled) and reset
// a password.
//
// Rules relied on:
// - Only administrators reach these routes (app.ts checks `access`); every change is audited in the
//   same transaction, with who made it.
// - What is typed for an account is checked by auth/accounts.ts (names, areas, passwords).
// - There is always an active administrator: the last one cannot be disabled or demoted (the admin
//   rows are locked first, in id order, so two administrators demoting each other cannot both win).
// - Disabling an account or resetting its password ends its sessions; a reset also lifts a lock-out
//   and asks the user to choose a new password.
import { ROLES, type Role } from '../../core/team/roles';
import { ApiError } from '../errors';
import {
  USER_COLUMNS,
  areasSchema,
  checkAreas,
  checkDisplayName,
  checkPassword,
  checkUsername,
  displayNameSchema,
  findUser,
  passwordSchema,
  toUser,
  userSchema,
  usernameSchema,
  type UserRow,
} from '../auth/accounts';
import { appendAudit } from '../auth/audit';
import { clearFailedLogins } from '../auth/lockout';
import { hashPassword } from '../auth/password';
import { endUserSessions } from '../auth/sessions';
import type { RouteContext, RouteDef } from '../types';

const userIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;
const noContent = { 204: { type: 'null', description: 'Done' } } as const;

function notFound(locale: RouteContext['locale'], id: number): ApiError {
  return new ApiError(404, 'not-found', { what: locale === 'en' ? `user ${id}` : `用户 ${id}` });
}

function requireCaller(context: RouteContext) {
  if (!context.caller) throw new ApiError(401, 'not-signed-in');
  return context.caller;
}

interface CreateUserBody {
  username: string;
  displayName: string;
  role: Role;
  areas?: string[];
  password: string;
}

interface UpdateUserBody {
  displayName?: string;
  role?: Role;
  areas?: string[];
  disabled?: boolean;
}

export const userRoutes: RouteDef[] = [
  {
    method: 'GET',
    url: '/users',
    operationId: 'listUsers',
    summary: 'Every account (administrators only)',
    access: ['admin'],
    schema: {
      response: {
        200: {
          type: 'object',
          required: ['users'],
          properties: { users: { type: 'array', items: userSchema } },
        },
      },
    },
    async handler(_request, _reply, context) {
      const { rows } = await context.db.query<UserRow>(`select ${USER_COLUMNS} from users order by id`);
      return { users: rows.map(toUser) };
    },
  },
  {
    method: 'POST',
    url: '/users',
    operationId: 'createUser',
    summary: 'Create an account with a role, its areas and a first password',
    access: ['admin'],
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['username', 'displayName', 'role', 'password'],
        properties: {
          username: usernameSchema,
          displayName: displayNameSchema,
          role: { type: 'string', enum: [...ROLES] },
          areas: areasSchema,
          password: passwordSchema,
        },
      },
      response: { 201: { type: 'object', required: ['user'], properties: { user: userSchema } } },
    },
    async handler(request, reply, context) {
      const caller = requireCaller(context);
      const body = request.body as CreateUserBody;
      const username = checkUsername(body.username, context.locale);
      const displayName = checkDisplayName(body.displayName, context.locale);
      const areas = checkAreas(body.role, body.areas ?? [], context.locale);
      checkPassword(body.password, context.locale);
      const passwordHash = await hashPassword(body.password);
      const user = await context.db.transaction(async (tx) => {
        const { rows } = await tx.query<UserRow>(
          `insert into users (username, display_name, role, areas, password_hash, must_change_password, created_by)
           values ($1, $2, $3, $4::text[], $5, true, $6)
           on conflict (username) do nothing
           returning ${USER_COLUMNS}`,
          [username, displayName, body.role, areas, passwordHash, caller.userId],
        );
        if (!rows[0]) {
          throw new ApiError(409, 'conflict', {
            detail:
              context.locale === 'en' ? `the user name ${username} is taken` : `用户名 ${username} 已被使用`,
          });
        }
        const created = toUser(rows[0]);
        await appendAudit(tx, {
          userId: caller.userId,
          username: caller.username,
          action: 'user.create',
          newValue: created,
          detail: { userId: created.id, username: created.username },
        });
        return created;
      });
      reply.code(201);
      return { user };
    },
  },
  {
    method: 'PATCH',
    url: '/users/:id',
    operationId: 'updateUser',
    summary: "Change an account's name, role, areas or whether it is disabled",
    access: ['admin'],
    schema: {
      params: userIdParams,
      body: {
        type: 'object',
        additionalProperties: false,
        properties: {
          displayName: displayNameSchema,
          role: { type: 'string', enum: [...ROLES] },
          areas: areasSchema,
          disabled: { type: 'boolean' },
        },
      },
      response: { 200: { type: 'object', required: ['user'], properties: { user: userSchema } } },
    },
    async handler(request, _reply, context) {
      const caller = requireCaller(context);
      const { id } = request.params as { id: number };
      const body = (request.body ?? {}) as UpdateUserBody;
      const user = await context.db.transaction(async (tx) => {
        const { rows: activeAdmins } = await tx.query<{ id: number }>(
          "select id from users where role = 'admin' and not disabled order by id for update",
        );
        const before = await findUser(tx, id, true);
        if (!before) throw notFound(context.locale, id);
        const role = body.role ?? before.role;
        const disabled = body.disabled ?? before.disabled;
        const displayName =
          body.displayName === undefined
            ? before.display_name
            : checkDisplayName(body.displayName, context.locale);
        const areas = checkAreas(role, body.areas ?? before.areas ?? [], context.locale);
        const staysActiveAdmin = role === 'admin' && !disabled;
        const othersActive = activeAdmins.filter((admin) => admin.id !== id).length;
        if (before.role === 'admin' && !before.disabled && !staysActiveAdmin && othersActive === 0) {
          throw new ApiError(409, 'conflict', {
            detail:
              context.locale === 'en'
                ? 'the last active administrator cannot be disabled or given another role'
                : '这是最后一个启用的管理员，不能停用或更改其角色',
          });
        }
        const { rows } = await tx.query<UserRow>(
          `update users set display_name = $2, role = $3, areas = $4::text[], disabled = $5
            where id = $1 returning ${USER_COLUMNS}`,
          [id, displayName, role, areas, disabled],
        );
        if (disabled && !before.disabled) await endUserSessions(tx, id);
        const oldUser = toUser(before);
        const newUser = toUser(rows[0]);
        const changed = (['displayName', 'role', 'areas', 'disabled'] as const).filter(
          (key) => JSON.stringify(oldUser[key]) !== JSON.stringify(newUser[key]),
        );
        if (changed.length) {
          await appendAudit(tx, {
            userId: caller.userId,
            username: caller.username,
            action: 'user.update',
            oldValue: Object.fromEntries(changed.map((key) => [key, oldUser[key]])),
            newValue: Object.fromEntries(changed.map((key) => [key, newUser[key]])),
            detail: { userId: id, username: newUser.username },
          });
        }
        return newUser;
      });
      return { user };
    },
  },
  {
    method: 'POST',
    url: '/users/:id/password',
    operationId: 'resetPassword',
    summary: 'Set a new password for an account; ends its sessions and lifts a lock-out',
    access: ['admin'],
    schema: {
      params: userIdParams,
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['password'],
        properties: { password: passwordSchema },
      },
      response: noContent,
    },
    async handler(request, reply, context) {
      const caller = requireCaller(context);
      const { id } = request.params as { id: number };
      const { password } = request.body as { password: string };
      checkPassword(password, context.locale);
      const passwordHash = await hashPassword(password);
      await context.db.transaction(async (tx) => {
        const target = await findUser(tx, id, true);
        if (!target) throw notFound(context.locale, id);
        await tx.query('update users set password_hash = $2, must_change_password = true where id = $1', [
          id,
          passwordHash,
        ]);
        await clearFailedLogins(tx, id);
        const ended = await endUserSessions(tx, id, id === caller.userId ? caller.sessionIdHash : undefined);
        await appendAudit(tx, {
          userId: caller.userId,
          username: caller.username,
          action: 'user.password-reset',
          detail: { userId: id, username: target.username, sessionsEnded: ended },
        });
      });
      return reply.code(204).send();
    },
  },
];
