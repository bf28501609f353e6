// Asks the browser to keep our data, and reports how much room is left. Without persistence a
// browser may evict an origin's IndexedDB under storage pressure; users' own imports and edit
// history live nowhere else, so the app asks once and the UI can say when the answer was no.
//
// Rules relied on: both APIs may be absent (older browsers, Node); absent means null, not an error.
// A failed persist() request is reported as false: to the user it means the same as a refusal.
import { toStorageError } from './errors';

export interface StorageEstimate {
  usageBytes: number;
  quotaBytes: number;
}

const storageManager = (): StorageManager | undefined =>
  (typeof navigator === 'undefined' ? undefined : navigator.storage) ?? undefined;

let persistenceRequest: Promise<boolean | null> | null = null;

/**
 * Asks for persistent storage the first time it is called and returns that same answer after:
 * true when granted, false when refused, null when the browser has no such API.
 */
export function requestPersistentStorage(): Promise<boolean | null> {
  persistenceRequest ??= (async () => {
    const storage = storageManager();
    if (typeof storage?.persist !== 'function') return null;
    try {
      if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
      return await storage.persist();
    } catch {
      return false;
    }
  })();
  return persistenceRequest;
}

/** Bytes used by this origin and the most it may use, or null when the browser cannot tell. */
export async function storageEstimate(): Promise<StorageEstimate | null> {
  const storage = storageManager();
  if (typeof storage?.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    if (usage === undefined || quota === undefined) return null;
    return { usageBytes: usage, quotaBytes: quota };
  } catch (error) {
    throw toStorageError(error, 'read-failed', 'estimating storage');
  }
}
