// A team dataset's line in the dataset list: its version, who uploaded it and when, and the button
// that asks the server again for it (同步). The server owns it, so it is not renamed or deleted here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core/format';
import type { DatasetMetadata } from '../../storage/types';
import { syncOneDataset, useTeam } from '../../state/team';
import { useAtlas } from '../../state/store';

export function ServerDatasetLine({ origin }: { origin: NonNullable<DatasetMetadata['origin']> }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  return (
    <span className="small team-origin" data-testid="dataset-origin">
      {t('team.serverDataset', {
        version: origin.version,
        uploader: origin.uploadedBy,
        date: formatDateTime(origin.uploadedAt, locale),
      })}
    </span>
  );
}

export function SyncButton({ datasetId }: { datasetId: string }) {
  const { t } = useTranslation();
  const online = useTeam((s) => s.online);
  const [busy, setBusy] = useState(false);
  return (
    <button
      disabled={busy || !online}
      onClick={() => {
        setBusy(true);
        void syncOneDataset(datasetId).finally(() => setBusy(false));
      }}
    >
      {busy ? t('team.syncing') : t('team.sync')}
    </button>
  );
}

/** Above the dataset list in team mode: a sync under way, and what the last one could not bring. */
export function TeamSyncStatus() {
  const { t } = useTranslation();
  const team = useTeam((s) => s.mode === 'team');
  const syncing = useTeam((s) => s.syncing);
  const failures = useTeam((s) => s.syncFailures);
  const error = useTeam((s) => s.lastError);
  if (!team) return null;
  return (
    <div data-testid="team-sync-status">
      {syncing && <p className="small muted">{t('team.syncing')}</p>}
      {failures.map((failure) => (
        <p key={failure.id} className="error small" role="alert">
          {t('team.syncFailed', { name: failure.name, message: failure.message })}
        </p>
      ))}
      {error && (
        <p className="error small" role="alert">
          {error.code === 'offline' ? t('team.offlineError') : error.message}
        </p>
      )}
    </div>
  );
}
