// The import dialog in team mode. A planner's or administrator's import goes to the server, which
// checks the original file again: its counts and problems are shown once saved, and a refusal is
// shown with the choice to keep the rows in this browser only. Anyone else's import stays here,
// and the dialog says so. In local mode none of this shows.
import { ProblemTable } from '../import/ProblemTable';
import { useTranslation } from 'react-i18next';
import { canImportDatasets } from '../../core/team/roles';
import { formatInteger } from '../../core/format';
import { saveImport, type ImportStep } from '../../state/imports';
import { useAtlas } from '../../state/store';
import { useTeam } from '../../state/team';
import { TeamErrorText } from './ModalDialog';

/** Whether saving uploads to the team server. */
export const useUploadsToTeam = () =>
  useTeam((s) => s.mode === 'team' && s.user !== null && canImportDatasets(s.user));

/** Under the report: where the rows will be kept, and why an upload was refused. */
export function TeamSaveNote({
  state,
  name,
}: {
  state: Extract<ImportStep, { step: 'report' }>;
  name: string;
}) {
  const { t } = useTranslation();
  const team = useTeam((s) => s.mode === 'team');
  const toTeam = useUploadsToTeam();
  if (!team) return null;
  if (!toTeam)
    return (
      <p className="note small" data-testid="import-local-only">
        <strong>{t('team.localOnly')}</strong> · {t('team.localOnlyHelp')}
      </p>
    );
  if (!state.uploadError) return null;
  return (
    <div data-testid="import-upload-error">
      <TeamErrorText
        error={{
          ...state.uploadError,
          message: t('team.uploadFailed', { message: state.uploadError.message }),
        }}
      />
      <button
        onClick={() => void saveImport(name.trim() || state.inspection.fileName, true)}
        disabled={state.busy}
      >
        {t('team.saveLocallyInstead')}
      </button>
    </div>
  );
}

/** The server's own check of a saved upload: its counts, version and first problems. */
export function ServerReport({
  server,
}: {
  server: NonNullable<Extract<ImportStep, { step: 'saved' }>['server']>;
}) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  return (
    <>
      <p role="status" data-testid="import-server-counts">
        {t('team.serverCounts', {
          accepted: formatInteger(server.acceptedCount, locale),
          rejected: formatInteger(server.rejectedCount, locale),
          version: server.dataset.version,
        })}
      </p>
      {server.problems.length > 0 && (
        <div className="preview-table" role="region" aria-label={t('team.serverProblems')} tabIndex={0}>
          <ProblemTable testId="import-server-problems" problems={server.problems} />
        </div>
      )}
    </>
  );
}
