// The team's saved slide decks and share links in the page: the list of decks, saving the slides
// shown in the panel as a deck (or over one), opening a deck into the panel (replacing or appending,
// as the user chooses), saving the address as a short team link, and opening `?view=<id>` links.
//
// Rules relied on:
// - Team mode only: in local mode nothing here runs (the components render nothing, a `?view=` link
//   is left alone).
// - A deck from the server is checked whole like an imported slides file (team/views.ts) before
//   anything is written; a bad one changes nothing and its first problem is named.
// - A `?view=` link is applied with the link-restoring code (urlState.applyView) once the user is
//   signed in and the team's datasets have been brought here, so a dataset the colleague holds is
//   never reported missing; one they lack gets the usual missing-dataset notice.
import { create } from 'zustand';
import type { SlideRecord, SlidesFileProblem } from '../core/slidesFile';
import { deleteSlide, importSlides, saveSlides } from '../storage/slides';
import {
  deckBody,
  deleteView,
  getView,
  linkBody,
  listViews,
  queryOfBody,
  saveView,
  shortLink,
  slidesOfBody,
  updateView,
  type SharedView,
} from '../team/views';
import { refreshDatasets } from './datasets';
import { loadSlides, useSlides } from './slides';
import { teamErrorOf, useTeam } from './team';
import { applyView, decodeViewQuery, encodeCurrentView } from './urlState';

/** A message for the team components: an i18n key with values, or the server's own words. */
export interface TeamViewsMessage {
  key: string;
  values?: Record<string, string | number>;
  error: boolean;
}

interface TeamViewsSlice {
  decks: SharedView[];
  loading: boolean;
  message: TeamViewsMessage | null;
  /** A deck opened and checked, waiting for the user to choose replace or append. */
  opening: { view: SharedView; slides: SlideRecord[] } | null;
  /** A `?view=` link that could not be opened. */
  linkMessage: TeamViewsMessage | null;
}

export const useTeamViews = create<TeamViewsSlice>()(() => ({
  decks: [],
  loading: false,
  message: null,
  opening: null,
  linkMessage: null,
}));

/** The message of a refusal: the server's words, or ours for a lost connection. */
function failure(error: unknown): TeamViewsMessage {
  const { code, message } = teamErrorOf(error);
  if (code === 'offline') useTeam.setState({ online: false });
  return code === 'offline'
    ? { key: 'teamViews.offline', error: true }
    : { key: 'teamViews.serverSaid', values: { message }, error: true };
}

export function problemMessage(problem: SlidesFileProblem): TeamViewsMessage {
  return {
    key: `slides.error.${problem.code}`,
    values:
      problem.code === 'bad-slide'
        ? { slide: problem.slide, field: problem.field }
        : problem.code === 'too-many'
          ? { count: problem.count }
          : undefined,
    error: true,
  };
}

async function guarded(action: () => Promise<TeamViewsMessage | null>): Promise<boolean> {
  useTeamViews.setState({ loading: true, message: null });
  try {
    const message = await action();
    useTeamViews.setState({ message });
    return message === null || !message.error;
  } catch (error) {
    useTeamViews.setState({ message: failure(error) });
    return false;
  } finally {
    useTeamViews.setState({ loading: false });
  }
}

async function readDecks(): Promise<void> {
  useTeamViews.setState({ decks: await listViews('slides') });
}

export const refreshTeamDecks = () => guarded(async () => (await readDecks(), null));

/** The slides of the panel as a deck body. */
const currentDeck = () => deckBody(useSlides.getState().slides, new Date().toISOString());

/** Saves the panel's slides as a new team deck. */
export const saveDeckToTeam = (title: string) =>
  guarded(async () => {
    const view = await saveView({ kind: 'slides', title, body: currentDeck() });
    await readDecks();
    return { key: 'teamViews.deckSaved', values: { title: view.title }, error: false };
  });

/** Replaces a team deck's slides with the panel's (its owner or an administrator). */
export const updateTeamDeck = (deck: SharedView) =>
  guarded(async () => {
    await updateView(deck.id, { kind: 'slides', title: deck.title, body: currentDeck() });
    await readDecks();
    return { key: 'teamViews.deckUpdated', values: { title: deck.title }, error: false };
  });

export const deleteTeamDeck = (deck: SharedView) =>
  guarded(async () => {
    await deleteView(deck.id);
    await readDecks();
    return { key: 'teamViews.deckDeleted', values: { title: deck.title }, error: false };
  });

/** Fetches a deck and checks it; the user then chooses how it joins the panel (applyOpenedDeck). */
export const openTeamDeck = (id: string) =>
  guarded(async () => {
    const view = await getView(id);
    if (view.kind !== 'slides') return problemMessage({ code: 'wrong-format' });
    const parsed = slidesOfBody(view.body);
    if ('problem' in parsed) return problemMessage(parsed.problem);
    useTeamViews.setState({ opening: { view, slides: parsed.slides } });
    return null;
  });

export const cancelOpenedDeck = () => useTeamViews.setState({ opening: null });

/**
 * Puts the opened deck into the panel: 'replace' leaves only its slides, in its order; 'append'
 * adds them after the panel's (a slide with an id already here replaces it in place, as an import).
 */
export async function applyOpenedDeck(how: 'replace' | 'append'): Promise<boolean> {
  const opening = useTeamViews.getState().opening;
  if (!opening) return false;
  const ok = await guarded(async () => {
    if (how === 'append') await importSlides(opening.slides);
    else {
      await saveSlides(opening.slides.map((slide, position) => ({ ...slide, position })));
      const kept = new Set(opening.slides.map((slide) => slide.id));
      for (const slide of useSlides.getState().slides) if (!kept.has(slide.id)) await deleteSlide(slide.id);
    }
    return {
      key: how === 'append' ? 'teamViews.deckAppended' : 'teamViews.deckReplaced',
      values: { title: opening.view.title, count: opening.slides.length },
      error: false,
    };
  });
  useTeamViews.setState({ opening: null });
  await loadSlides();
  return ok;
}

/** Saves the address shown now as a team link; resolves with its short address. */
export async function saveTeamLink(title: string): Promise<{ link: string } | { message: TeamViewsMessage }> {
  try {
    const view = await saveView({ kind: 'link', title, body: linkBody(encodeCurrentView()) });
    return { link: shortLink(location.origin, view.id) };
  } catch (error) {
    return { message: failure(error) };
  }
}

/** Resolves once `ready` holds for the team slice (checked now and after every change). */
function teamReady(ready: (state: ReturnType<typeof useTeam.getState>) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ready(useTeam.getState())) return resolve();
    const stop = useTeam.subscribe((state) => {
      if (!ready(state)) return;
      stop();
      resolve();
    });
  });
}

/**
 * Opens the saved link `id` (an address `?view=<id>`) in team mode: after the sign-in and the
 * dataset sync that follows it, the stored view is applied as a link opened here would be.
 */
export async function openTeamViewLink(id: string | null): Promise<void> {
  if (!id) return;
  // The address shows the view at once, not the link: a reload before the sign-in must not lose it.
  rememberPendingView(id);
  await teamReady((s) => s.mode !== 'checking');
  if (useTeam.getState().mode !== 'team') return rememberPendingView(null);
  await teamReady((s) => s.user !== null && s.online);
  // A sign-in starts the dataset sync right after naming the user: let it begin, then wait for it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await teamReady((s) => !s.syncing);
  try {
    const view = await getView(id);
    const query = view.kind === 'link' ? queryOfBody(view.body) : null;
    const state = query === null ? null : decodeViewQuery(query);
    if (!state) {
      useTeamViews.setState({ linkMessage: { key: 'teamViews.linkInvalid', error: true } });
      return;
    }
    await refreshDatasets();
    await applyView(state, { animate: false });
  } catch (error) {
    useTeamViews.setState({ linkMessage: failure(error) });
  } finally {
    rememberPendingView(null);
  }
}

/** This tab's team link not yet opened (kept in sessionStorage: this tab only, gone when it closes). */
const PENDING_VIEW_KEY = 'gca.pendingTeamView';

function rememberPendingView(id: string | null): void {
  try {
    if (id) sessionStorage.setItem(PENDING_VIEW_KEY, id);
    else sessionStorage.removeItem(PENDING_VIEW_KEY);
  } catch {
    /* storage refused (privacy mode): the link then works only without a reload */
  }
}

/** The team link this tab was opened with and has not opened yet (a reload came first), if any. */
export function pendingTeamViewId(): string | null {
  try {
    return sessionStorage.getItem(PENDING_VIEW_KEY);
  } catch {
    return null;
  }
}
