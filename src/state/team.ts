// Team mode in the page: which mode the app runs in, who is signed in, whether the server can be
// reached, and the account and dataset actions the team components call (src/team does the talking).
//
// Rules relied on:
// - Local mode is the app as it always was: one health check at start-up, nothing else asked of
//   /api, no listener added. Only the answer {mode:'team'} (or a remembered user while offline)
//   turns team mode on.
// - Errors keep the server's message (already in the user's language); a network failure is code
//   'offline', which the UI words itself.
// - Datasets are synced after every sign-in and whenever the connection returns; the dataset list is
//   then read again, so the new copies show at once.
import { create } from 'zustand';
import { canImportDatasets } from '../core/team/roles';
import { ApiRequestError } from '../team/api';
import {
  fetchServerDataset,
  syncServerDataset,
  syncServerDatasets,
  uploadDataset,
  type SyncReport,
  type UploadChoices,
  type UploadResult,
} from '../team/datasetSync';
import {
  changePassword,
  currentUser,
  detectMode,
  login,
  logout,
  rememberedUser,
  setupAdministrator,
  setupTokenOf,
  type TeamUser,
} from '../team/session';
import type { DatasetMetadata } from '../storage/types';
import { refreshDatasets } from './datasets';

export type TeamMode = 'checking' | 'local' | 'team';
export type TeamDialog = 'login' | 'password' | 'users' | null;

export interface TeamError {
  code: string;
  message: string;
}

interface TeamSlice {
  mode: TeamMode;
  /** Whether the server answers (always true in local mode, where there is none). */
  online: boolean;
  user: TeamUser | null;
  /** No account exists yet: the first start's one-time link creates the administrator. */
  setupNeeded: boolean;
  /** The token of a `#setup=` link this page was opened with. */
  setupToken: string | null;
  lastError: TeamError | null;
  dialog: TeamDialog;
  syncing: boolean;
  /** Datasets the last sync could not bring (each with the reason). */
  syncFailures: SyncReport['failed'];
}

export const useTeam = create<TeamSlice>()(() => ({
  mode: 'checking',
  online: true,
  user: null,
  setupNeeded: false,
  setupToken: null,
  lastError: null,
  dialog: null,
  syncing: false,
  syncFailures: [],
}));

export const teamErrorOf = (error: unknown): TeamError =>
  error instanceof ApiRequestError
    ? { code: error.code, message: error.message }
    : { code: 'error', message: error instanceof Error ? error.message : String(error) };

/** Notes a failure: a network one means the server is out of reach. */
function noteError(error: unknown): TeamError {
  const teamError = refusal(error);
  useTeam.setState({ lastError: teamError });
  return teamError;
}

const SESSION_ENDED = new Set(['not-signed-in', 'session-expired']);

/** A failure a dialog shows itself: only a lost connection or an ended session is noted here. */
function refusal(error: unknown): TeamError {
  const teamError = teamErrorOf(error);
  if (teamError.code === 'offline') useTeam.setState({ online: false });
  // The session ended on the server (expired, or revoked): sign in again.
  if (SESSION_ENDED.has(teamError.code) && useTeam.getState().user)
    useTeam.setState({ user: null, dialog: 'login' });
  return teamError;
}

export const openTeamDialog = (dialog: TeamDialog) => useTeam.setState({ dialog, lastError: null });
export const closeTeamDialog = () => useTeam.setState({ dialog: null });

let started = false;

/** Decides the mode, once per page. Local mode stops here. */
export async function startTeamMode(): Promise<void> {
  if (started) return;
  started = true;
  const check = await detectMode();
  if (check.mode === 'local') {
    useTeam.setState({ mode: 'local' });
    return;
  }
  const setupToken = setupTokenOf(location.hash);
  if (check.online) {
    useTeam.setState({ mode: 'team', online: true, setupNeeded: check.health.setupNeeded, setupToken });
    await resume();
  } else {
    useTeam.setState({ mode: 'team', online: false, user: check.rememberedUser, setupToken });
  }
  addEventListener('online', () => void reconnect());
  addEventListener('offline', () => useTeam.setState({ online: false }));
  // Out of reach, the server is asked again with growing pauses (the browser's 'online' event only
  // tells of this device's network, not of a server that restarts).
  useTeam.subscribe(({ online }, previous) => {
    if (!online && previous.online) retryLater();
  });
  if (!useTeam.getState().online) retryLater();
}

const RETRY_FIRST_MS = 5_000;
const RETRY_LONGEST_MS = 120_000;
let retryDelayMs = RETRY_FIRST_MS;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

function retryLater(): void {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void reconnect(), retryDelayMs);
  retryDelayMs = Math.min(retryDelayMs * 2, RETRY_LONGEST_MS);
}

/**
 * Asks who is signed in; signed in, brings the datasets; nobody, asks for a sign-in. Without a
 * remembered user nobody signed in from this browser: the sign-in is asked for without asking the
 * server (whose 401 Chromium would log as a failed load).
 */
async function resume(): Promise<void> {
  try {
    const user = rememberedUser() ? await currentUser() : null;
    useTeam.setState({ user, online: true });
    if (user) await syncDatasets();
    else if (!useTeam.getState().setupNeeded) openTeamDialog('login');
  } catch (error) {
    // Out of reach: whoever signed in last keeps working from the copies kept here.
    if (noteError(error).code === 'offline')
      useTeam.setState({ user: useTeam.getState().user ?? rememberedUser() });
  }
}

/**
 * Checks the session again and brings the datasets up to date: when the connection returns, and
 * for anyone who saw the server answer again (the outbox sender).
 */
export async function reconnect(): Promise<void> {
  if (useTeam.getState().mode !== 'team') return;
  clearTimeout(retryTimer);
  await resume();
  if (useTeam.getState().online) retryDelayMs = RETRY_FIRST_MS;
  else retryLater();
}

function signedIn(user: TeamUser): void {
  useTeam.setState({
    user,
    online: true,
    setupNeeded: false,
    lastError: null,
    dialog: user.mustChangePassword ? 'password' : null,
  });
  void syncDatasets();
}

/** Signs in; resolves with the refusal (wrong password, locked account) for the dialog, or null. */
export async function signIn(username: string, password: string): Promise<TeamError | null> {
  try {
    signedIn(await login(username, password));
    return null;
  } catch (error) {
    return refusal(error);
  }
}

export async function signOut(): Promise<void> {
  try {
    await logout();
    useTeam.setState({ user: null, dialog: null, lastError: null });
  } catch (error) {
    noteError(error);
  }
}

/** Creates the first administrator with the link's token; the link is then taken off the address. */
export async function completeSetup(fields: {
  username: string;
  displayName: string;
  password: string;
}): Promise<TeamError | null> {
  const token = useTeam.getState().setupToken ?? '';
  try {
    signedIn(await setupAdministrator({ token, ...fields }));
    dismissSetup();
    return null;
  } catch (error) {
    return refusal(error);
  }
}

/** Takes the one-time link off the address (used, or no longer valid). */
export function dismissSetup(): void {
  useTeam.setState({ setupToken: null });
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

export async function changeOwnPassword(
  currentPassword: string,
  newPassword: string,
): Promise<TeamError | null> {
  try {
    await changePassword(currentPassword, newPassword);
    const { user } = useTeam.getState();
    useTeam.setState({ user: user && { ...user, mustChangePassword: false }, dialog: null });
    return null;
  } catch (error) {
    return refusal(error);
  }
}

/** Brings every server dataset that is missing or changed into this browser. */
export async function syncDatasets(): Promise<void> {
  if (useTeam.getState().syncing) return;
  useTeam.setState({ syncing: true });
  try {
    const report = await syncServerDatasets();
    useTeam.setState({ syncFailures: report.failed, lastError: null, online: true });
    if (report.fetched.length > 0) await refreshDatasets();
  } catch (error) {
    noteError(error);
  } finally {
    useTeam.setState({ syncing: false });
  }
}

/** The 同步 button of one server dataset. */
export async function syncOneDataset(id: string): Promise<void> {
  try {
    if (await syncServerDataset(id)) await refreshDatasets();
    useTeam.setState({ online: true, lastError: null });
  } catch (error) {
    noteError(error);
  }
}

/** Whether an import goes to the server: team mode, signed in as a planner or administrator. */
export function uploadsToTeam(): boolean {
  const { mode, user } = useTeam.getState();
  return mode === 'team' && user !== null && canImportDatasets(user);
}

/**
 * Uploads an import's original file with its choices; the server's copy is then fetched (so the
 * dataset here is exactly what the team has) and listed. Refusals are thrown with their message.
 */
export async function uploadImport(
  file: Blob,
  choices: UploadChoices,
): Promise<{ metadata: DatasetMetadata; result: UploadResult }> {
  try {
    const result = await uploadDataset(file, choices);
    const metadata = await fetchServerDataset(result.dataset, undefined);
    if (!metadata) throw new Error(`dataset ${result.dataset.id} could not be fetched`);
    await refreshDatasets();
    return { metadata, result };
  } catch (error) {
    refusal(error);
    throw error;
  }
}
