// The app's Content-Security-Policy and the security headers our own server sends with it.
//
// Rules relied on:
// - Scripts only from the app's origin (no inline script, no eval); MapLibre's worker and the
//   layers' GeoJSON from blobs.
// - Requests to another host only for the online basemap a user configures. The built page's
//   <meta> policy (static hosting, which cannot know the user's choice) allows any https host;
//   our server's header policy narrows that to the configured basemap's origin, which the app
//   states in the BASEMAP_ORIGIN_COOKIE cookie, or to none. Both policies apply: the narrower wins.
// - frame-ancestors works only as a header: the server forbids framing the app.

/** The cookie in which the app tells its server the origin of the configured basemap. */
export const BASEMAP_ORIGIN_COOKIE = 'gca-basemap-origin';

const HTTPS_ORIGIN = /^https:\/\/[a-z0-9.-]{1,253}(:\d{1,5})?$/i;

/** The https origin of a basemap origin as stated by the browser, or null when it is not one. */
export function validBasemapOrigin(value: string | null | undefined): string | null {
  if (!value || !HTTPS_ORIGIN.test(value)) return null;
  try {
    const url = new URL(value);
    return url.origin === value.toLowerCase() && !url.username && !url.password ? url.origin : null;
  } catch {
    return null;
  }
}

/** The basemap origin named by a Cookie request header, if a valid one is. */
export function basemapOriginFromCookies(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === BASEMAP_ORIGIN_COOKIE) return validBasemapOrigin(decodeURIComponent(rest.join('=')));
  }
  return null;
}

/**
 * The policy. `remote` is what img-src and connect-src allow beyond the app itself: 'any-https'
 * for the static page's <meta>, an origin, or null for none.
 */
export function contentSecurityPolicy(
  remote: 'any-https' | string | null,
  options: { header: boolean },
): string {
  const extra = remote === 'any-https' ? ' https:' : remote ? ` ${remote}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "style-src 'self'",
    `img-src 'self' data: blob:${extra}`,
    `connect-src 'self' blob:${extra}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    // Ignored (with a console warning) in a <meta> policy: only the header may carry it.
    ...(options.header ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

/** The headers our server sends with every response of the app. */
export function securityHeaders(basemapOrigin: string | null): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(basemapOrigin, { header: true }),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(self)',
  };
}
