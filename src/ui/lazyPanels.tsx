// The parts of the app that are not on the first screen arrive as their own chunks when first
// wanted, so the page's own script carries only the map, the header and the layers tab: the
// planning, scorecard and slides tabs (loaded when a tab is first shown, or fetched ahead when the
// pointer or the focus reaches it), the presentation, the import flow, the village list, the status
// editor, the point inspector and the team's dialogs and panels; the export dialog
// (ExportMapButton.tsx) and the field checklist (TownshipTable.tsx) use the same `onDemand`.
//
// Rules relied on: each gate reads only what says whether its part may show (cheap store state that
// the first screen holds anyway) and the part still decides for itself what to draw, so a gate may
// open early but never late; a part once loaded stays loaded (the browser keeps the module); while it
// arrives a small note stands in for it (role="status", in the page's language), and a part that
// cannot arrive says so (role="alert") and leaves the rest of the page working.
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageUsers } from '../core/team/roles';
import { useInspect } from '../state/inspect';
import { usePresentation } from '../state/slides';
import { useTeam } from '../state/team';
import { useTracking } from '../state/tracking';
import { useVillageList } from '../state/villageList';
import { useImportStarted } from './import/importOnDemand';

/** Stands in for a part while its code arrives: inline in a panel, or over the map for a dialog. */
export function LoadingNote({ floating = false }: { floating?: boolean }) {
  const { t } = useTranslation();
  return (
    <p
      className={floating ? 'loading-note floating' : 'loading-note'}
      role="status"
      data-testid="loading-note"
    >
      {t('onDemand.loading')}
    </p>
  );
}

type Loader<P> = () => Promise<ComponentType<P>>;

/**
 * Says that a part did not arrive (the server out of reach) and offers to load the page again: the
 * browser remembers a module that failed to load for as long as the page lives, so asking again in
 * the same page would fail at once.
 */
function LoadFailedNote({ floating }: { floating: boolean }) {
  const { t } = useTranslation();
  return (
    <p className={floating ? 'loading-note error floating' : 'loading-note error'} role="alert">
      {t('onDemand.failed')} <button onClick={() => location.reload()}>{t('onDemand.reload')}</button>
    </p>
  );
}

/** Keeps a part that failed to load (or to draw) from taking the whole page down with it. */
class LoadFailure extends Component<{ floating: boolean; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? <LoadFailedNote floating={this.props.floating} /> : this.props.children;
  }
}

/** A component whose module loads on first render (or on `preload`), with the note meanwhile. */
export function onDemand<P extends object>(load: Loader<P>, floating = false) {
  const Lazy = lazy(async () => ({ default: await load() }));
  const Part = (props: P) => (
    <LoadFailure floating={floating}>
      <Suspense fallback={<LoadingNote floating={floating} />}>
        <Lazy {...props} />
      </Suspense>
    </LoadFailure>
  );
  return Object.assign(Part, { preload: () => void load().catch(() => undefined) });
}

// The side panel's tabs.
export const PlanningPanel = onDemand(() => import('./planning/PlanningPanel').then((m) => m.PlanningPanel));
export const ScorecardPanel = onDemand(() =>
  import('./scorecard/ScorecardPanel').then((m) => m.ScorecardPanel),
);
export const SlidesPanel = onDemand(() => import('./slides/SlidesPanel').then((m) => m.SlidesPanel));

// Parts that open over the map: each behind a gate of the store's state.
const Presentation = onDemand(() => import('./slides/Presentation').then((m) => m.Presentation), true);
const ImportDialog = onDemand(() => import('./import/ImportDialog').then((m) => m.ImportDialog), true);
const VillageListHost = onDemand(() => import('./villages/VillageList').then((m) => m.VillageListHost), true);
const StatusEditorHost = onDemand(() => import('./StatusEditor').then((m) => m.StatusEditorHost), true);
const Inspector = onDemand(() => import('./Inspector').then((m) => m.Inspector), true);
const LoginDialog = onDemand(() => import('./team/LoginDialog').then((m) => m.LoginDialog), true);
const SetupPage = onDemand(() => import('./team/SetupPage').then((m) => m.SetupPage), true);
const AdminUsers = onDemand(() => import('./team/AdminUsers').then((m) => m.AdminUsers), true);
const OutboxPanel = onDemand(() => import('./team/OutboxPanel').then((m) => m.OutboxPanel));
const ConflictQueue = onDemand(() => import('./team/ConflictQueue').then((m) => m.ConflictQueue));

const when = (open: boolean, part: ReactNode) => (open ? part : null);

/** The import flow's dialog (and, once closed, its notice of where the import landed). */
export function ImportOnDemand() {
  const started = useImportStarted((s) => s.started);
  return when(started, <ImportDialog />);
}

/** What else may open over the map, each loaded the first time it does. */
export function OnDemandParts() {
  const presenting = usePresentation((s) => s.index !== null);
  const villageList = useVillageList((s) => s.adcode !== null);
  const statusEditor = useTracking((s) => s.editor !== null);
  const inspecting = useInspect((s) => s.target !== null);
  const team = useTeam((s) => s.mode === 'team');
  const signingIn = useTeam((s) => s.dialog === 'login' || s.dialog === 'password');
  const settingUp = useTeam((s) => s.setupToken !== null && s.setupToken !== '');
  const managingUsers = useTeam((s) => s.dialog === 'users' && s.user !== null && canManageUsers(s.user));
  return (
    <>
      {when(presenting, <Presentation />)}
      {when(villageList, <VillageListHost />)}
      {when(statusEditor, <StatusEditorHost />)}
      {when(inspecting, <Inspector />)}
      {when(team && signingIn, <LoginDialog />)}
      {when(team && settingUp, <SetupPage />)}
      {when(managingUsers, <AdminUsers />)}
    </>
  );
}

/** The team's parts of the layers tab (the outbox, the conflict queue): in team mode only. */
export function TeamPanels() {
  const team = useTeam((s) => s.mode === 'team');
  const mayReview = useTeam((s) => s.user?.role === 'admin' || s.user?.role === 'editor');
  return (
    <>
      {when(team, <OutboxPanel />)}
      {when(team && mayReview, <ConflictQueue />)}
    </>
  );
}
