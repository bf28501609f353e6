// For unit tests of the team client: a stand-in for the team server behind `fetch`. Each route is
// "METHOD /path" (the path without its query) → an answer; every request is recorded with its
// headers and body, and an unknown route fails the way the network does.
//
// Rules relied on: answers are built per request (a Response body can be read once).

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: BodyInit | null | undefined;
}

export type FakeAnswer = (request: RecordedRequest) => Response | Promise<Response>;

export const jsonAnswer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

/** A fetch that answers from `routes` and records what it was asked. */
export function fakeServer(routes: Record<string, FakeAnswer>) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://127.0.0.1/');
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: init.body,
    };
    requests.push(request);
    const answer = routes[`${request.method} ${request.path}`];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer(request);
  };
  return { fetch, requests, routes };
}

/** A fetch that fails like a device without a connection. */
export const offlineFetch = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch');
};

/** localStorage as an in-memory map (Node has none). */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}
