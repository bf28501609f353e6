import { expect, test } from 'vitest';
import {
  basemapOriginFromCookies,
  contentSecurityPolicy,
  securityHeaders,
  validBasemapOrigin,
} from './securityPolicy';

const directive = (policy: string, name: string) =>
  policy.split('; ').find((part) => part.startsWith(`${name} `)) ?? '';

test('without a basemap the header policy lets the page reach no other host, and forbids framing', () => {
  const policy = securityHeaders(null)['Content-Security-Policy'];
  expect(directive(policy, 'connect-src')).toBe("connect-src 'self' blob:");
  expect(directive(policy, 'img-src')).toBe("img-src 'self' data: blob:");
  expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https:/);
});

test('with a basemap the header policy allows that origin only', () => {
  const policy = securityHeaders('https://tiles.example:8443')['Content-Security-Policy'];
  expect(directive(policy, 'connect-src')).toBe("connect-src 'self' blob: https://tiles.example:8443");
  expect(directive(policy, 'img-src')).toBe("img-src 'self' data: blob: https://tiles.example:8443");
});

test('the static page meta policy allows any https host and carries no frame-ancestors (ignored in meta)', () => {
  const policy = contentSecurityPolicy('any-https', { header: false });
  expect(directive(policy, 'connect-src')).toBe("connect-src 'self' blob: https:");
  expect(policy).not.toContain('frame-ancestors');
});

test('the basemap origin cookie is believed only when it is a plain https origin', () => {
  expect(basemapOriginFromCookies('a=1; gca-basemap-origin=https%3A%2F%2Ftiles.example')).toBe(
    'https://tiles.example',
  );
  for (const hostile of [
    'http://tiles.example',
    "https://tiles.example; script-src 'unsafe-inline'",
    'https://user:pw@tiles.example',
    'https://tiles.example/path',
    'https://*',
    '',
  ])
    expect(validBasemapOrigin(hostile), hostile).toBeNull();
  expect(basemapOriginFromCookies(undefined)).toBeNull();
  expect(
    basemapOriginFromCookies(`gca-basemap-origin=${encodeURIComponent("https://a.example 'unsafe-eval'")}`),
  ).toBeNull();
});
