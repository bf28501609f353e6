// Server-side sessions: issued at sign-in, ended at sign-out, when the account is disabled or when
// its password is reset (caller.ts finds them again from the cookie on every request).
//
// Rules relied on:
// - The cookie holds 32 random bytes (base64url); the database keeps only their SHA-256 (hex), so a
//   copy of the database does not sign anyone in.
// - Signing in rotates: the session the browser came with is deleted and a new one issued, so a
//   cookie planted before sign-in is worthless after it.
// - A session ends config.sessionMaxMs after sign-in (expires_at) or after config.sessionIdleMs
//   without a request (caller.ts); signing in also clears the user's own sessions that are over.
import { randomBytes } from 'node:crypto';
import type { Db, ServerConfig } from '../types';
import { sessionIdHash } from './caller';

type SessionTimes = Pick<ServerConfig, 'sessionIdleMs' | 'sessionMaxMs'>;

export interface IssuedSession {
  /** For the Set-Cookie header only; never stored. */
  cookieValue: string;
  idHash: string;
  csrfToken: string;
}

/**
 * A new session for `userId`. The session the request came with (`previousCookieValue`), whoever's
 * it was, is deleted, as are the user's own expired ones.
 */
export async function createSession(
  db: Db,
  userId: number,
  config: SessionTimes,
  previousCookieValue?: string,
): Promise<IssuedSession> {
  const cookieValue = randomBytes(32).toString('base64url');
  const idHash = sessionIdHash(cookieValue);
  const csrfToken = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    if (previousCookieValue) {
      await tx.query('delete from sessions where id_hash = $1', [sessionIdHash(previousCookieValue)]);
    }
    await tx.query(
      `delete from sessions where user_id = $1
         and (expires_at <= now() or last_seen_at <= now() - $2::double precision * interval '1 millisecond')`,
      [userId, config.sessionIdleMs],
    );
    await tx.query(
      `insert into sessions (id_hash, user_id, csrf_token, expires_at)
       values ($1, $2, $3, now() + $4::double precision * interval '1 millisecond')`,
      [idHash, userId, csrfToken, config.sessionMaxMs],
    );
  });
  return { cookieValue, idHash, csrfToken };
}

/** Ends one session (sign-out). */
export async function endSession(db: Db, idHash: string): Promise<void> {
  await db.query('delete from sessions where id_hash = $1', [idHash]);
}

/** Ends every session of a user, but the one `keepIdHash` names (the caller's own, if any). */
export async function endUserSessions(db: Db, userId: number, keepIdHash?: string): Promise<number> {
  const result = await db.query('delete from sessions where user_id = $1 and id_hash <> $2', [
    userId,
    keepIdHash ?? '',
  ]);
  return result.affectedRows;
}
