// Brakes on password guessing: a per-account lock-out kept in the database, and a per-address limit
// kept in memory.
//
// Rules relied on:
// - An account that fails to sign in 5 times in a row is locked for 15 minutes (users.failed_logins,
//   users.locked_until); a success, or an administrator's password reset, clears the count. While
//   locked, even the right password is refused.
// - A user name that does not exist "locks" the same way (in memory), so the lock-out does not
//   reveal which names exist either.
// - One address may fail 20 times in 5 minutes; then its sign-ins are refused (429) until the oldest
//   failure is 5 minutes old. Only failures count, so an office behind one address can still sign
//   in all its people in the morning.
// - The in-memory state belongs to one server (keyed by its database handle) and is bounded: beyond
//   MAX_TRACKED entries the oldest are forgotten.
import type { Db } from '../types';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;
export const ADDRESS_FAILURE_LIMIT = 20;
export const ADDRESS_WINDOW_MS = 5 * 60_000;
const MAX_TRACKED = 10_000;

/** Counts a failed sign-in of an existing account; returns when it is locked until, if now locked. */
export async function recordFailedLogin(db: Db, userId: number): Promise<Date | null> {
  const { rows } = await db.query<{ locked_until: Date | string | null; locked_now: boolean }>(
    `update users set
        failed_logins = case when failed_logins + 1 >= $2 then 0 else failed_logins + 1 end,
        locked_until = case when failed_logins + 1 >= $2
                            then now() + $3::double precision * interval '1 millisecond'
                            else locked_until end
      where id = $1
      returning locked_until, coalesce(locked_until > now(), false) as locked_now`,
    [userId, MAX_FAILED_LOGINS, LOCK_MS],
  );
  const row = rows[0];
  return row?.locked_now && row.locked_until ? new Date(row.locked_until) : null;
}

/** Forgets an account's failed sign-ins and lifts its lock (after a success or a password reset). */
export async function clearFailedLogins(db: Db, userId: number): Promise<void> {
  await db.query('update users set failed_logins = 0, locked_until = null where id = $1', [userId]);
}

function remember<Value>(map: Map<string, Value>, key: string, value: Value): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > MAX_TRACKED) map.delete(map.keys().next().value as string);
}

/** The in-memory half: failures per address, and lock-outs of user names that do not exist. */
export class LoginGuard {
  private readonly failuresByAddress = new Map<string, number[]>();
  private readonly unknownNames = new Map<string, { failures: number; lockedUntilMs: number }>();

  /** Whether this address has used up its failures for now. */
  addressBlocked(address: string, nowMs = Date.now()): boolean {
    const failures = this.recentFailures(address, nowMs);
    return failures.length >= ADDRESS_FAILURE_LIMIT;
  }

  noteAddressFailure(address: string, nowMs = Date.now()): void {
    const failures = [...this.recentFailures(address, nowMs), nowMs].slice(-ADDRESS_FAILURE_LIMIT);
    remember(this.failuresByAddress, address, failures);
  }

  /** When the lock of an unknown user name ends (ms since 1970), or null when it is not locked. */
  unknownNameLockedUntil(username: string, nowMs = Date.now()): number | null {
    const entry = this.unknownNames.get(username);
    return entry && entry.lockedUntilMs > nowMs ? entry.lockedUntilMs : null;
  }

  /** Counts a failure for a user name that does not exist, exactly as recordFailedLogin would. */
  noteUnknownNameFailure(username: string, nowMs = Date.now()): number | null {
    const entry = this.unknownNames.get(username) ?? { failures: 0, lockedUntilMs: 0 };
    const failures = entry.failures + 1;
    const next =
      failures >= MAX_FAILED_LOGINS
        ? { failures: 0, lockedUntilMs: nowMs + LOCK_MS }
        : { failures, lockedUntilMs: entry.lockedUntilMs };
    remember(this.unknownNames, username, next);
    return next.lockedUntilMs > nowMs ? next.lockedUntilMs : null;
  }

  private recentFailures(address: string, nowMs: number): number[] {
    return (this.failuresByAddress.get(address) ?? []).filter((at) => at > nowMs - ADDRESS_WINDOW_MS);
  }
}

const guards = new WeakMap<Db, LoginGuard>();

/** The guard of the server that owns `db` (each test app gets its own). */
export function loginGuardFor(db: Db): LoginGuard {
  let guard = guards.get(db);
  if (!guard) {
    guard = new LoginGuard();
    guards.set(db, guard);
  }
  return guard;
}
