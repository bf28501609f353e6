// Tells our server the configured basemap's origin (a cookie), so that it can narrow the page's
// Content-Security-Policy to that origin (core/securityPolicy.ts). A new basemap can be reached
// from the next page load on; the settings dialog reloads the page when one is set.
import { basemapOrigin } from '../core/basemap';
import { BASEMAP_ORIGIN_COOKIE, validBasemapOrigin } from '../core/securityPolicy';
import { useAtlas } from '../state/store';

function writeCookie(template: string): void {
  const origin = template ? validBasemapOrigin(basemapOrigin(template)) : null;
  document.cookie = origin
    ? `${BASEMAP_ORIGIN_COOKIE}=${encodeURIComponent(origin)}; path=/; SameSite=Strict; max-age=31536000`
    : `${BASEMAP_ORIGIN_COOKIE}=; path=/; SameSite=Strict; max-age=0`;
}

/** Writes the cookie now and whenever the basemap changes; returns the unsubscribe. */
export function followBasemapOrigin(): () => void {
  writeCookie(useAtlas.getState().basemapUrlTemplate);
  return useAtlas.subscribe((s, p) => {
    if (s.basemapUrlTemplate !== p.basemapUrlTemplate) writeCookie(s.basemapUrlTemplate);
  });
}
