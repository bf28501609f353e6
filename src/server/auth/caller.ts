// Who is calling: the session cookie turned into a Caller, or the reason there is none. The
// database keeps only a hash of the cookie value, so a leaked table cannot be replayed as a login.
//
// Rules relied on:
// - A session ends after config.sessionIdleMs without use or config.sessionMaxMs after login,
//   whichever comes first; a disabled account has no live session.
// - last_seen_at is written at most once a minute, so reads stay reads.
import { createHash } from 'node:crypto';
import { isRole } from '../../core/team/roles';
import type { Caller, Db, ServerConfig } from '../types';

export const SESSION_COOKIE = 'gca_session';

export const sessionIdHash = (cookieValue: string): string =>
  createHash('sha256').update(cookieValue).digest('hex');

export type CallerLookup = { caller: Caller } | { expired: true } | null;

interface SessionRow {
  id_hash: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  user_id: number;
  username: string;
  display_name: string;
  role: string;
  areas: string[];
  disabled: boolean;
}

const TOUCH_EVERY_MS = 60_000;

/** The caller behind a session cookie value; `expired` when the session existed but is over. */
export async function callerFromSession(
  db: Db,
  cookieValue: string | undefined,
  config: Pick<ServerConfig, 'sessionIdleMs' | 'sessionMaxMs'>,
  now = new Date(),
): Promise<CallerLookup> {
  if (!cookieValue || cookieValue.length > 200) return null;
  const idHash = sessionIdHash(cookieValue);
  const { rows } = await db.query<SessionRow>(
    `select s.id_hash, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at,
            u.id as user_id, u.username, u.display_name, u.role, u.areas, u.disabled
       from sessions s join users u on u.id = s.user_id
      where s.id_hash = $1`,
    [idHash],
  );
  const row = rows[0];
  if (!row) return null;
  const time = now.getTime();
  const over =
    row.disabled ||
    !isRole(row.role) ||
    time >= new Date(row.expires_at).getTime() ||
    time - new Date(row.last_seen_at).getTime() > config.sessionIdleMs ||
    time - new Date(row.created_at).getTime() > config.sessionMaxMs;
  if (over) {
    await db.query('delete from sessions where id_hash = $1', [idHash]);
    return { expired: true };
  }
  if (time - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await db.query('update sessions set last_seen_at = $2 where id_hash = $1', [idHash, now]);
  }
  return {
    caller: {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role as Caller['role'],
      areas: row.areas,
      sessionIdHash: idHash,
      csrfToken: row.csrf_token,
    },
  };
}
