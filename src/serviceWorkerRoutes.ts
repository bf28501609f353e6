// Which requests the team mode's service worker (serviceWorker.ts) answers, and how. Pure, so it
// is tested without a worker; bundled into sw.js only (the page never imports it).
//
// Rules relied on:
// - The API is never answered from a cache, nor given the page as a fallback: a request the network
//   cannot carry fails as it would without a service worker, so the app still tells "offline" from
//   "no team server" (team/session.ts) and never shows stale data as the server's.
// - Files under assets/ carry a content hash in their name: a cached copy is always the right one.
// - Every page address is the single-page app: offline, the cached index.html answers it.

export type Route = 'network' | 'app-shell' | 'cache-first';

export interface RouteRequest {
  url: string;
  method: string;
  /** RequestMode: 'navigate' for a page load. */
  mode: string;
}

/** How to answer a request; `scope` is the worker's scope URL (the app's base, ending in '/'). */
export function routeOf(request: RouteRequest, scope: string): Route {
  if (request.method !== 'GET') return 'network';
  const url = new URL(request.url);
  const base = new URL(scope);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return 'network';
  const path = url.pathname.slice(base.pathname.length);
  if (path === 'api' || path.startsWith('api/')) return 'network';
  if (request.mode === 'navigate') return 'app-shell';
  if (path.startsWith('assets/') || path === 'favicon.svg') return 'cache-first';
  return 'network';
}
