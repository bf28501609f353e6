// The session cookie `gca_session`: the Set-Cookie text that issues and clears it (caller.ts reads
// it back).
//
// Rules relied on:
// - HttpOnly (page scripts never see it), SameSite=Strict (no other site's page sends it), Path=/,
//   Secure when the server is reached over HTTPS (config.secureCookies).
// - The value is base64url, so it needs no escaping.
import type { ServerConfig } from '../types';
import { SESSION_COOKIE } from './caller';

function cookieAttributes(config: Pick<ServerConfig, 'secureCookies'>, maxAgeSeconds: number): string[] {
  return [
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(config.secureCookies ? ['Secure'] : []),
  ];
}

/** Set-Cookie for a new session, kept by the browser as long as the session can live at most. */
export function sessionCookie(
  value: string,
  config: Pick<ServerConfig, 'secureCookies' | 'sessionMaxMs'>,
): string {
  const maxAgeSeconds = Math.max(0, Math.floor(config.sessionMaxMs / 1000));
  return [`${SESSION_COOKIE}=${value}`, ...cookieAttributes(config, maxAgeSeconds)].join('; ');
}

/** Set-Cookie that makes the browser forget the session cookie (at logout). */
export function clearedSessionCookie(config: Pick<ServerConfig, 'secureCookies'>): string {
  return [`${SESSION_COOKIE}=`, ...cookieAttributes(config, 0)].join('; ');
}
