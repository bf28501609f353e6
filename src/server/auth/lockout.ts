// Brakes on password guessing: a per-account lock-out kept in the database, and a per-address limit
// kept in memory.
//
// Rules relied on:
// - An account that fails to sign in 5 times in a row is locked for 15 minutes (users.failed_logins,
//   users.locked_until); a success, or an administrator's password reset, clears the count. While
//   locked, even the right password is refused.
// - Every attempt is charged before its password is checked and refunded when it was right, so
//   guesses sent in parallel (from one address or many) cannot all pass the checks before the
//   first of them is counted: the fifth charge locks at once.
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

/** What charging an attempt to an account gave: refused as locked, or counted (and maybe locking). */
export type AccountCharge = { refused: Date } | { lockedByThis: boolean };

/**
 * Counts a sign-in attempt of an existing account before its password is checked (refund it with
 * clearFailedLogins when the password was right). The attempt that reaches the limit locks.
 */
export async function chargeLoginAttempt(db: Db, userId: number): Promise<AccountCharge> {
  const { rows } = await db.query<{ locked_by_this: boolean }>(
    `update users set
        failed_logins = case when failed_logins + 1 >= $2 then 0 else failed_logins + 1 end,
        locked_until = case when failed_logins + 1 >= $2
                            then now() + $3::double precision * interval '1 millisecond'
                            else null end
      where id = $1 and (locked_until is null or locked_until <= now())
      returning failed_logins = 0 as locked_by_this`,
    [userId, MAX_FAILED_LOGINS, LOCK_MS],
  );
  if (rows[0]) return { lockedByThis: rows[0].locked_by_this };
  const locked = await db.query<{ locked_until: Date | string | null }>(
    'select locked_until from users where id = $1',
    [userId],
  );
  return { refused: new Date(locked.rows[0]?.locked_until ?? Date.now() + LOCK_MS) };
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

  /** Counts a failure (or an attempt not yet checked); returns its stamp for refundAddressFailure. */
  noteAddressFailure(address: string, nowMs = Date.now()): number {
    const failures = [...this.recentFailures(address, nowMs), nowMs].slice(-ADDRESS_FAILURE_LIMIT);
    remember(this.failuresByAddress, address, failures);
    return nowMs;
  }

  /** Takes back a charged attempt whose password turned out right. */
  refundAddressFailure(address: string, stamp: number): void {
    const failures = this.failuresByAddress.get(address);
    const index = failures?.lastIndexOf(stamp) ?? -1;
    if (failures && index >= 0) failures.splice(index, 1);
  }

  /** When the lock of an unknown user name ends (ms since 1970), or null when it is not locked. */
  unknownNameLockedUntil(username: string, nowMs = Date.now()): number | null {
    const entry = this.unknownNames.get(username);
    return entry && entry.lockedUntilMs > nowMs ? entry.lockedUntilMs : null;
  }

  /** Counts an attempt for a user name that does not exist, as chargeLoginAttempt would. */
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
