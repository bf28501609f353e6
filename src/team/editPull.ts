// Brings the team's status edits of the server datasets kept here, and says which answers of the
// server mean "try again later": the half of the edit sync (editSync.ts) that only reads.
//
// Rules relied on:
// - GET /api/datasets/:id/edits?after=<id> answers the edits with a higher id, ascending; the
//   start is the highest id a pull brought (storage/teamEdits.ts teamEditCursor).
// - A dataset the server no longer has (or no longer lets this user read) keeps its copy here as
//   it is; the others are still pulled.
import { ApiRequestError, apiJson } from './api';
import { listDatasets } from '../storage/datasets';
import { storeTeamEdits, teamEditCursor } from '../storage/teamEdits';
import type { ServerEdit } from '../storage/types';

/** done: the server answered; retry: it could not be reached (back off); sign-in: the session is gone. */
export type Outcome = 'done' | 'retry' | 'sign-in';

/** A request that has not answered by then is treated as a network failure (and retried). */
export const REQUEST_TIMEOUT_MS = 30_000;
/** At most this many pages of edits per dataset and pull (the rest come with the next pull). */
const PULL_PAGES = 20;

/** A network failure, a timeout, 408, 429, a 5xx, or anything that is no answer of the API. */
export const retryable = (error: unknown): boolean =>
  !(error instanceof ApiRequestError) ||
  error.status === 0 ||
  error.status === 408 ||
  error.status === 429 ||
  error.status >= 500;

/** Pulls every server dataset's new edits into `teamEdits`; adds the ids of those that got some to `changed`. */
export async function pullTeamEdits(databaseName: string, changed: Set<string>): Promise<Outcome> {
  const datasets = (await listDatasets(databaseName)).filter((d) => d.origin?.kind === 'server');
  for (const { id } of datasets) {
    let after = await teamEditCursor(id, databaseName);
    for (let page = 0; page < PULL_PAGES; page++) {
      let edits: ServerEdit[];
      try {
        const path = `/api/datasets/${encodeURIComponent(id)}/edits?after=${after}`;
        ({ edits } = await apiJson<{ edits: ServerEdit[] }>('GET', path, {
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        }));
      } catch (error) {
        if (retryable(error)) return 'retry';
        if ((error as ApiRequestError).status === 401) return 'sign-in';
        break;
      }
      if (edits.length === 0) break;
      if ((await storeTeamEdits(edits, databaseName)) > 0) changed.add(id);
      after = Math.max(after, ...edits.map((edit) => Number(edit.id)));
    }
  }
  return 'done';
}
