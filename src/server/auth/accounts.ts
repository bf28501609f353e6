// An account as the API shows it, and the checks of what an administrator (or the first set-up)
// types for one, with reasons in the caller's language. Shared by the sign-in and account routes.
//
// Rules relied on:
// - User names are 3–32 of a–z 0–9 . _ - and stored lower-case (sign-in lower-cases what is typed).
// - Areas are Guizhou prefecture or county codes (core/team/roles.ts); a county editor needs at
//   least one. Passwords have at least 10 characters (counted as characters, not bytes).
// - The schemas hold only plain bounds: a mistake a person can make is answered by these checks
//   (422, in their language) rather than by the schema validator's English.
import { ROLES, isAreaCode, type Role } from '../../core/team/roles';
import { ApiError } from '../errors';
import type { Db, RouteContext } from '../types';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  areas: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export const USER_COLUMNS =
  'id, username, display_name, role, areas, disabled, must_change_password, created_at';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  areas: string[] | null;
  disabled: boolean;
  must_change_password: boolean;
  created_at: Date | string;
}

export const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  areas: row.areas ?? [],
  disabled: row.disabled,
  mustChangePassword: row.must_change_password,
  createdAt: new Date(row.created_at).toISOString(),
});

export const userSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'username', 'displayName', 'role', 'areas', 'disabled', 'mustChangePassword', 'createdAt'],
  properties: {
    id: { type: 'integer' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string', enum: [...ROLES] },
    areas: { type: 'array', items: { type: 'string' } },
    disabled: { type: 'boolean' },
    mustChangePassword: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

/** Plain bounds only: what a person can get wrong is checked by the handlers, in their language. */
export const passwordSchema = {
  type: 'string',
  maxLength: PASSWORD_MAX_LENGTH,
  description: `At least ${PASSWORD_MIN_LENGTH} characters`,
} as const;
export const usernameSchema = {
  type: 'string',
  maxLength: 64,
  description: '3–32 of a–z 0–9 . _ - (stored lower-case)',
} as const;
export const displayNameSchema = { type: 'string', maxLength: 100 } as const;
export const areasSchema = {
  type: 'array',
  maxItems: 200,
  items: { type: 'string', maxLength: 6 },
  description: 'Guizhou prefecture or county codes (6 digits)',
} as const;
/** An 'invalid' answer (422 unless told) with a reason in the caller's language. */
export function invalidRequest(
  locale: RouteContext['locale'],
  chinese: string,
  english: string,
  status = 422,
): ApiError {
  return new ApiError(status, 'invalid', { detail: locale === 'en' ? english : chinese });
}

export function checkUsername(username: string, locale: RouteContext['locale']): string {
  const lowered = username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,32}$/.test(lowered)) {
    throw invalidRequest(
      locale,
      '用户名须为 3–32 个字符，只能包含字母、数字和 . _ -',
      'a user name has 3–32 characters: letters, digits and . _ -',
    );
  }
  return lowered;
}

export function checkPassword(password: string, locale: RouteContext['locale']): void {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    throw invalidRequest(
      locale,
      `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`,
      `a password needs at least ${PASSWORD_MIN_LENGTH} characters`,
    );
  }
}

export function checkDisplayName(displayName: string, locale: RouteContext['locale']): string {
  const trimmed = displayName.trim();
  if (!trimmed) throw invalidRequest(locale, '请填写姓名', 'the display name is empty');
  return trimmed;
}

/** The areas to store for a role (sorted, without repeats), or a 422 saying what is wrong. */
export function checkAreas(role: Role, areas: readonly string[], locale: RouteContext['locale']): string[] {
  const unique = [...new Set(areas)].sort();
  const wrong = unique.filter((code) => !isAreaCode(code));
  if (wrong.length) {
    throw invalidRequest(
      locale,
      `区域须为贵州省的市（州）或县级代码：${wrong.join('、')}`,
      `areas must be Guizhou prefecture or county codes: ${wrong.join(', ')}`,
    );
  }
  if (role === 'editor' && unique.length === 0) {
    throw invalidRequest(locale, '县级编辑须至少分配一个区域', 'a county editor needs at least one area');
  }
  return unique;
}

export async function findUser(db: Db, id: number, lock = false): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from users where id = $1${lock ? ' for update' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}
