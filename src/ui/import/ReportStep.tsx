// Step 3: what the check found — every problem by row and column, in the user's language — and the
// choice to import the valid rows, download the rejected ones, or go back.
import { ProblemTable } from './ProblemTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../core/format';
import { englishMessage } from '../../core/import/problems';
import {
  backToMapping,
  cancelImport,
  downloadRejected,
  hasCoordinateColumns,
  saveImport,
  type ImportStep,
} from '../../state/imports';
import { useAtlas } from '../../state/store';
import { problemMessage } from '../../core/import/messages';
import { TeamSaveNote, useUploadsToTeam } from '../team/TeamImport';

export function ReportStep({ state }: { state: Extract<ImportStep, { step: 'report' }> }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const { report, inspection, busy } = state;
  const [name, setName] = useState(inspection.fileName.replace(/\.[^.]+$/, ''));
  const toTeam = useUploadsToTeam();
  return (
    <>
      <p role="status" data-testid="import-counts">
        {t('importCounts', {
          accepted: formatInteger(report.acceptedCount, locale),
          rejected: formatInteger(report.rejectedCount, locale),
        })}
      </p>
      {report.problems.length > 0 && (
        <div className="preview-table" role="region" aria-label={t('importProblems')} tabIndex={0}>
          <ProblemTable
            testId="import-problems"
            problems={report.problems.map((problem) => ({
              row: problem.row,
              column: problem.column,
              message: problemMessage(problem, locale, (x) => englishMessage({ ...x })),
            }))}
          />
          {report.problemCount > report.problems.length && (
            <p className="small muted">
              {t('moreProblems', { count: report.problemCount - report.problems.length })}
            </p>
          )}
        </div>
      )}
      <div className="form-grid">
        <label htmlFor="dataset-name">{t('datasetName')}</label>
        <input id="dataset-name" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      {hasCoordinateColumns(state.mapping) && (
        <p className="small" data-testid="import-datum-summary">
          {t('importFlow.datumSummary', { datum: t(`datum.${state.datum}`) })}
        </p>
      )}
      <TeamSaveNote state={state} name={name} />
      <div className="row">
        <button
          onClick={() => void saveImport(name.trim() || inspection.fileName)}
          disabled={busy || report.acceptedCount === 0 || !name.trim()}
          data-testid="import-save"
        >
          {busy
            ? t(toTeam ? 'team.uploading' : 'saving')
            : toTeam
              ? t('team.uploadAccepted')
              : t('importAccepted', {
                  count: report.acceptedCount,
                  value: formatInteger(report.acceptedCount, locale),
                })}
        </button>
        {report.rejectedCount > 0 && (
          <button onClick={() => void downloadRejected()}>{t('downloadRejected')}</button>
        )}
        <button onClick={backToMapping}>{t('backToMapping')}</button>
        <button onClick={cancelImport}>{t('cancel')}</button>
      </div>
    </>
  );
}
