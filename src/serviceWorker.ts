// The team mode's service worker, built to /sw.js (vite.config.ts): it keeps the app shell (the page,
// its hashed scripts and styles, the boundary and village files) so the field mode opens without a
// connection. Datasets and edits live in IndexedDB; the API always goes to the network.
// Hashed files are answered from the cache first; the page itself from the network first (its
// security headers depend on the user's basemap setting), the cached copy when offline.
//
// Rules relied on:
// - The build writes the list of its files and an id of that list into this script (the
//   placeholders below), so every new build is a new worker with a new cache, installed whole
//   before it takes over: a page never mixes files of two builds.
// - A new worker waits until no tab runs the old one (no skipWaiting): an open page may still load
//   a lazy chunk of its own build from the old cache, which is deleted only when the new one starts.
// - Registered only in team mode (team/serviceWorkerRegistration.ts); routes: serviceWorkerRoutes.ts.
import { routeOf } from './serviceWorkerRoutes';

const worker = self as unknown as ServiceWorkerGlobalScope;

// Replaced by the build with the emitted files (paths relative to this script) and their id.
const shellFiles: unknown = '__ATLAS_SHELL_FILES__';
const buildId: unknown = '__ATLAS_BUILD_ID__';
const SHELL_FILES: string[] = Array.isArray(shellFiles) ? shellFiles : [];
const CACHE_PREFIX = 'atlas-shell-';
const CACHE_NAME = `${CACHE_PREFIX}${String(buildId)}`;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      // All or nothing: a worker that could not keep the whole shell does not install.
      await cache.addAll(['./', ...SHELL_FILES]);
      // The public folder's icon is not in the bundle's list; the app runs without it.
      await cache.add('favicon.svg').catch(() => undefined);
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME) await caches.delete(name);
      // The first install: the open page is served from here from now on.
      await worker.clients.claim();
    })(),
  );
});

/** A cached copy, else the network's answer (kept when it is a whole, successful one). */
async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.status === 200) await cache.put(request, response.clone());
  return response;
}

/** How long a page load waits for the network before the cached page answers (a weak signal). */
const PAGE_TIMEOUT_MS = 4_000;

/**
 * Any page address: the server's index.html when it answers in time (it carries the current
 * Content-Security-Policy, narrowed to the basemap the user chose), kept for later; the cached one
 * when offline, slow or answered by a gateway error.
 */
async function appShell(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE_NAME);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('the page took too long')), PAGE_TIMEOUT_MS),
      ),
    ]);
    if (response.status === 200 && (response.headers.get('content-type') ?? '').includes('text/html'))
      await cache.put(worker.registration.scope, response.clone());
    // A proxy's error page in front of a stopped server: the app (offline) is more use than it.
    if (response.status >= 500) return (await cache.match(worker.registration.scope)) ?? response;
    return response;
  } catch (error) {
    const cached = await cache.match(worker.registration.scope);
    if (cached) return cached;
    throw error;
  }
}

worker.addEventListener('fetch', (event) => {
  const route = routeOf(event.request, worker.registration.scope);
  // 'network': not answered here at all, so the browser fetches exactly as without a worker.
  if (route === 'app-shell') event.respondWith(appShell(event.request));
  else if (route === 'cache-first') event.respondWith(cacheFirst(event.request));
});
