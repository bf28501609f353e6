// The browser's one way to talk to the team server: same-origin fetch with the session cookie, the
// CSRF token on every write, and the server's JSON errors turned into ApiRequestError (its message
// is already in the user's language).
//
// Rules relied on:
// - The session cookie is httpOnly: the page never sees it; the CSRF token comes from login or
//   GET /api/me and is kept here in memory (setCsrfToken).
// - A network failure (offline, server down) is ApiRequestError with status 0 and code 'offline',
//   so callers can tell "try again later" from a refusal.

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The parsed JSON body of the answer, when it had one. */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
  get offline(): boolean {
    return this.status === 0;
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface RequestOptions {
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as it is (a file's bytes). */
  body?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Sends a request to the server's API; resolves with the Response when its status is 2xx or 304. */
export async function apiFetch(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (WRITES.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  const language = document.documentElement.lang || 'zh-CN';
  headers['accept-language'] = language.startsWith('en') ? 'en' : 'zh-CN';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'offline', (error as Error).message);
  }
  if (response.ok || response.status === 304) return response;
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    /* not JSON: a proxy's page, or nothing */
  }
  const { error, message } = (parsed ?? {}) as { error?: string; message?: string };
  throw new ApiRequestError(
    response.status,
    error ?? `http-${response.status}`,
    message ?? response.statusText,
    parsed,
  );
}

/** A JSON request and its JSON answer (undefined for 204). */
export async function apiJson<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiFetch(method, path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
