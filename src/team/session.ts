// Which mode the app runs in and who is signed in. One GET /api/health at start-up decides: the team
// server answers JSON {mode:'team'}; static hosting or `vite preview` answers a page or a 404, and
// the app then runs on its own as it always has (local mode, nothing else is asked of /api).
//
// Rules relied on:
// - The last signed-in user is remembered in localStorage (never a password or a token), so a
//   start without a connection in team mode stays in team mode, showing who worked here last.
// - "Offline" is a network failure, or a proxy's 502/503/504 in front of a stopped server; a 404 or
//   a page that is not JSON means no team server: local mode, even if a user was remembered.
// - The CSRF token of the session is handed to api.ts on every answer that carries one.
import type { Role } from '../core/team/roles';
import { ApiRequestError, apiFetch, apiJson, setCsrfToken } from './api';

export interface TeamUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** County or prefecture codes an editor may change (empty for other roles). */
  areas: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface ServerHealth {
  mode: 'team';
  engine: 'pglite' | 'postgres';
  setupNeeded: boolean;
}

/** What the start-up check found. */
export type ModeCheck =
  | { mode: 'local' }
  | { mode: 'team'; online: true; health: ServerHealth }
  | { mode: 'team'; online: false; rememberedUser: TeamUser };

export const REMEMBERED_USER_KEY = 'gca.teamUser';

const PROXY_GATEWAY_ERRORS = new Set([502, 503, 504]);

export function rememberedUser(): TeamUser | null {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(REMEMBERED_USER_KEY) ?? 'null');
    return isTeamUser(stored) ? stored : null;
  } catch {
    return null;
  }
}

function remember(user: TeamUser | null): void {
  try {
    if (user) localStorage.setItem(REMEMBERED_USER_KEY, JSON.stringify(user));
    else localStorage.removeItem(REMEMBERED_USER_KEY);
  } catch {
    /* storage refused (private mode, quota): the user is simply not remembered */
  }
}

export function isTeamUser(value: unknown): value is TeamUser {
  if (typeof value !== 'object' || value === null) return false;
  const user = value as Partial<TeamUser>;
  return (
    typeof user.id === 'number' &&
    typeof user.username === 'string' &&
    typeof user.displayName === 'string' &&
    typeof user.role === 'string' &&
    Array.isArray(user.areas)
  );
}

function isHealth(value: unknown): value is ServerHealth {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as ServerHealth).mode === 'team' &&
    typeof (value as ServerHealth).setupNeeded === 'boolean'
  );
}

/** Asks the server once whether this is a team atlas. Never throws. */
export async function detectMode(): Promise<ModeCheck> {
  const offline = (): ModeCheck => {
    const user = rememberedUser();
    return user ? { mode: 'team', online: false, rememberedUser: user } : { mode: 'local' };
  };
  let response: Response;
  try {
    // Fetch's own Accept (*/*): a static server's page-for-every-path fallback (vite preview) then
    // answers 200 with the page, which Chromium does not log as a failed load the way it does a 404.
    response = await apiFetch('GET', '/api/health');
  } catch (error) {
    if (error instanceof ApiRequestError && (error.offline || PROXY_GATEWAY_ERRORS.has(error.status)))
      return offline();
    return { mode: 'local' };
  }
  if (!(response.headers.get('content-type') ?? '').includes('json')) return { mode: 'local' };
  try {
    const body: unknown = await response.json();
    return isHealth(body) ? { mode: 'team', online: true, health: body } : { mode: 'local' };
  } catch {
    return { mode: 'local' };
  }
}

interface SessionAnswer {
  user: TeamUser;
  csrfToken: string;
}

function signedIn(answer: SessionAnswer): TeamUser {
  setCsrfToken(answer.csrfToken);
  remember(answer.user);
  return answer.user;
}

/**
 * The signed-in user, or null when the server says nobody is (the remembered user is then
 * forgotten). A network failure is thrown (ApiRequestError, offline), so the caller keeps the
 * remembered user.
 */
export async function currentUser(): Promise<TeamUser | null> {
  try {
    return signedIn(await apiJson<SessionAnswer>('GET', '/api/me'));
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) {
      setCsrfToken(null);
      remember(null);
      return null;
    }
    throw error;
  }
}

export async function login(username: string, password: string): Promise<TeamUser> {
  return signedIn(await apiJson<SessionAnswer>('POST', '/api/login', { json: { username, password } }));
}

/** Creates the first administrator with the one-time link's token, and signs them in. */
export async function setupAdministrator(fields: {
  token: string;
  username: string;
  displayName: string;
  password: string;
}): Promise<TeamUser> {
  return signedIn(await apiJson<SessionAnswer>('POST', '/api/setup', { json: fields }));
}

/**
 * Ends the session on the server, then forgets the user here. Offline it throws and keeps the
 * user: the session cookie would otherwise outlive a sign-out the person believes is done.
 */
export async function logout(): Promise<void> {
  try {
    await apiJson<void>('POST', '/api/logout');
  } catch (error) {
    // Already signed out there: nothing left to end.
    if (!(error instanceof ApiRequestError && error.status === 401)) throw error;
  }
  setCsrfToken(null);
  remember(null);
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await apiJson<void>('POST', '/api/me/password', { json: { currentPassword, newPassword } });
  const user = rememberedUser();
  if (user) remember({ ...user, mustChangePassword: false });
}

/** The one-time set-up token in an address's hash (`#setup=<token>`), or null. */
export function setupTokenOf(hash: string): string | null {
  const match = /^#?setup=([A-Za-z0-9_-]+)$/.exec(hash);
  return match ? match[1] : null;
}
