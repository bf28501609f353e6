// Registers the service worker that keeps the app shell for offline use (src/serviceWorker.ts,
// built to sw.js at the site root). Called by start-up in team mode only: local mode (static hosting,
// one browser) runs exactly as it always has, with no worker.
//
// Rules relied on: the built app only (the dev server has no sw.js); a refusal (private mode, an
// old browser, a policy) leaves the app working online, so it is reported and nothing more.

/** Registers sw.js for the app's base; resolves with the registration, or null when there is none. */
export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator))
    return null;
  const base = import.meta.env.BASE_URL;
  try {
    return await navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
  } catch (error) {
    console.warn('the offline copy of the app could not be set up', error);
    return null;
  }
}
