// Checking a user name and password against the brakes (lockout.ts) and the account: the one path
// both sign-in and a password change take.
//
// Rules relied on:
// - Order: the address limit (429), then the account's lock-out (423), then the password. An
//   unknown name costs the same scrypt work as a known one and gets the same answers.
// - The attempt is charged to the address and the account before the password is checked, and
//   refunded when it was right (lockout.ts); a wrong one is audited ('login.failed').
// - The right password of a disabled account is refused (403) only after it was checked, so a
//   guess never learns that an account is disabled.
// - A lock's end is shown as the time of day in China, where the atlas's users are.
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors';
import type { RouteContext } from '../types';
import { USER_COLUMNS, type UserRow } from './accounts';
import { appendAudit } from './audit';
import { chargeLoginAttempt, clearFailedLogins, loginGuardFor } from './lockout';
import { UNKNOWN_USER_HASH, verifyPassword } from './password';

/** When a lock ends, as the message shows it: the time of day in China. */
function lockEnd(until: Date, locale: RouteContext['locale']): string {
  const time = until.toLocaleTimeString(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
  });
  return locale === 'en' ? `${time} (China time)` : `北京时间 ${time}`;
}

export interface LoginRow extends UserRow {
  password_hash: string;
  locked_until: Date | string | null;
  locked_now: boolean;
}

/**
 * Checks a name and password against the brakes and the account; returns the user's row or throws
 * the answer (429, 423, 401, 403). `during` names what the check is for in the audit log.
 */
export async function checkCredentials(
  request: FastifyRequest,
  context: RouteContext,
  username: string,
  password: string,
  during: 'login' | 'password-change',
): Promise<LoginRow> {
  const guard = loginGuardFor(context.db);
  const locked = (until: Date | string | number) =>
    new ApiError(423, 'account-locked', { until: lockEnd(new Date(until), context.locale) });
  if (guard.addressBlocked(request.ip)) throw new ApiError(429, 'too-many-requests');
  const { rows } = await context.db.query<LoginRow>(
    `select ${USER_COLUMNS}, password_hash, locked_until,
            coalesce(locked_until > now(), false) as locked_now
       from users where username = $1`,
    [username],
  );
  const row = rows[0];
  if (row?.locked_now && row.locked_until) throw locked(row.locked_until);
  const unknownLockedUntil = row ? null : guard.unknownNameLockedUntil(username);
  if (unknownLockedUntil !== null) throw locked(unknownLockedUntil);

  const addressStamp = guard.noteAddressFailure(request.ip);
  let lockedByThis: boolean;
  if (row) {
    const charge = await chargeLoginAttempt(context.db, row.id);
    if ('refused' in charge) {
      guard.refundAddressFailure(request.ip, addressStamp);
      throw locked(charge.refused);
    }
    lockedByThis = charge.lockedByThis;
  } else {
    lockedByThis = guard.noteUnknownNameFailure(username) !== null;
  }
  const matches = await verifyPassword(password, row?.password_hash ?? UNKNOWN_USER_HASH);
  if (!matches || !row) {
    await appendAudit(context.db, {
      userId: row?.id ?? null,
      username: username.slice(0, 64),
      action: 'login.failed',
      detail: {
        reason: row ? 'wrong-password' : 'unknown-user',
        during,
        address: request.ip,
        locked: lockedByThis,
      },
    });
    throw new ApiError(during === 'login' ? 401 : 403, 'bad-credentials');
  }
  guard.refundAddressFailure(request.ip, addressStamp);
  await clearFailedLogins(context.db, row.id);
  if (row.disabled) {
    await appendAudit(context.db, {
      userId: row.id,
      username: row.username,
      action: 'login.failed',
      detail: { reason: 'disabled', during, address: request.ip },
    });
    throw new ApiError(403, 'account-disabled');
  }
  return row;
}
