// Fetching the app's own files from a worker: a failed response is an error, never parsed as data.
async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

export const fetchText = async (url: string): Promise<string> => (await fetchOk(url)).text();
export const fetchJson = async <T>(url: string): Promise<T> => (await fetchOk(url)).json() as Promise<T>;
