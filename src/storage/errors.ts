// One error type for everything the persistence layer can fail at, with a code the UI localises
// and the original error as `cause`. Rules: every IndexedDB failure reaches the caller as a
// StorageError (never swallowed, never a bare DOMException); a full disk is always
// 'quota-exceeded', whatever operation hit it, because the UI's advice differs (free space).

export type StorageErrorCode =
  /** The browser refused to store more (disk full or origin quota reached). */
  | 'quota-exceeded'
  /** IndexedDB is missing, disabled, blocked by another tab or holds a newer schema. */
  | 'unavailable'
  /** No dataset with that id. */
  | 'not-found'
  /** A write failed or was aborted; nothing of it was kept. */
  | 'write-failed'
  /** A read failed. */
  | 'read-failed'
  /** The caller passed something that must not be stored (e.g. a detached column, a bad date). */
  | 'invalid';

export class StorageError extends Error {
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    // The code leads the message: across a worker boundary only name and message survive.
    super(`${code}: ${message}`, options);
    this.name = 'StorageError';
    this.code = code;
  }
}

const STORAGE_ERROR_CODES: readonly StorageErrorCode[] = [
  'quota-exceeded',
  'unavailable',
  'not-found',
  'write-failed',
  'read-failed',
  'invalid',
];

/** The code of a storage failure, also when it came from a worker (as name and message only). */
export function storageCodeOf(error: unknown): StorageErrorCode | null {
  if (error instanceof StorageError) return error.code;
  if (!(error instanceof Error) || error.name !== 'StorageError') return null;
  const code = error.message.split(':')[0];
  return STORAGE_ERROR_CODES.find((known) => known === code) ?? null;
}

// Older Firefox named it NS_ERROR_DOM_QUOTA_REACHED; newer specs make QuotaExceededError its own
// DOMException subclass, which keeps the name.
const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

export function isQuotaError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    QUOTA_ERROR_NAMES.has((error as { name?: unknown }).name as string)
  );
}

/** Wraps any failure as a StorageError; one that already is passes through unchanged. */
export function toStorageError(error: unknown, fallbackCode: StorageErrorCode, what: string): StorageError {
  if (error instanceof StorageError) return error;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (isQuotaError(error))
    return new StorageError('quota-exceeded', `${what}: storage quota exceeded (${detail})`, {
      cause: error,
    });
  return new StorageError(fallbackCode, `${what}: ${detail}`, { cause: error });
}
