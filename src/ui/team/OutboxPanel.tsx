// Team mode's outbox, where a field crew sees what became of their edits: how many wait to sync,
// which the server sent to review (conflict) or refused, each with the server's reason, a 立即同步
// button and the whole record as CSV. Nothing is dropped here: refused edits stay until exported
// and beyond. Shown only while the edit sync runs (team mode).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core/format';
import { useAtlas } from '../../state/store';
import { syncNow, useSync } from '../../state/sync';
import { openTeamDialog } from '../../state/team';
import { listOutbox } from '../../storage/outbox';
import type { OutboxEntry } from '../../storage/types';
import { downloadTable } from '../downloadTable';
import { outboxTable, rowId, rowNamesOf, valueWord } from './outboxRecord';
import './sync.css';

/** The mark beside an edit the server has not confirmed yet (`pending` from editHistory). */
export function PendingMark({ edit }: { edit: { pending?: boolean } }) {
  const { t } = useTranslation();
  if (!edit.pending) return null;
  return (
    <span className="sync-pending-mark" title={t('sync.pendingTitle')} data-testid="pending-mark">
      {t('sync.pending')}
    </span>
  );
}

function useRowNames(entries: readonly OutboxEntry[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const datasets = [...new Set(entries.map((entry) => entry.datasetId))].sort().join('\n');
  useEffect(() => {
    let current = true;
    void rowNamesOf(entries).then((found) => current && setNames(found));
    return () => {
      current = false;
    };
  }, [datasets]);
  return names;
}

function ProblemList({
  kind,
  entries,
  nameOf,
}: {
  kind: 'conflict' | 'rejected';
  entries: OutboxEntry[];
  nameOf: (e: OutboxEntry) => string;
}) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <details className={`sync-problems sync-${kind}`} open data-testid={`outbox-${kind}`}>
      <summary>
        {t(kind === 'conflict' ? 'sync.conflicted' : 'sync.rejected', { count: entries.length })}
      </summary>
      <p className="muted small">{t(kind === 'conflict' ? 'sync.conflictHelp' : 'sync.rejectedHelp')}</p>
      <ul>
        {entries.map((entry) => (
          <li key={entry.mutationId}>
            <strong>{nameOf(entry) || entry.rowKey}</strong> <span className="muted">{entry.rowKey}</span> ·{' '}
            {t(`status.${entry.field}`)} · {t(`tracking.kind.${entry.kind}`)}：{valueWord(t, entry.value)} ·{' '}
            {entry.date}
            <div className="sync-reason">{entry.reason}</div>
            {entry.current && (
              <div className="muted small">
                {t('sync.serverValue', {
                  value: valueWord(t, entry.current.value),
                  author: entry.current.author,
                  date: entry.current.date,
                })}
              </div>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function OutboxPanel() {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const started = useSync((s) => s.started);
  const waiting = useSync((s) => s.waiting);
  const conflicted = useSync((s) => s.conflicted);
  const rejected = useSync((s) => s.rejected);
  const syncing = useSync((s) => s.syncing);
  const offline = useSync((s) => s.offline);
  const needsSignIn = useSync((s) => s.needsSignIn);
  const nextRetryAt = useSync((s) => s.nextRetryAt);
  const lastSyncAt = useSync((s) => s.lastSyncAt);
  const names = useRowNames([...conflicted, ...rejected]);
  if (!started) return null;
  const dateTime = (iso: string) => formatDateTime(iso, locale);
  const nameOf = (entry: OutboxEntry) => names.get(rowId(entry)) ?? '';

  const exportCsv = async () => {
    const entries = await listOutbox();
    const allNames = await rowNamesOf(entries);
    const now = new Date().toISOString();
    await downloadTable(
      outboxTable(t, entries, (entry) => allNames.get(rowId(entry)) ?? '', dateTime),
      [t('sync.exportNote', { time: dateTime(now) })],
      `${t('sync.exportFile')}-${now.slice(0, 10)}`,
      'csv',
    );
  };

  return (
    <section className="sync-panel" aria-labelledby="sync-title" data-testid="outbox-panel">
      <h3 id="sync-title">{t('sync.title')}</h3>
      <p role="status" data-testid="sync-status">
        {syncing
          ? waiting > 0
            ? t('sync.syncingWaiting', { count: waiting })
            : t('sync.syncing')
          : waiting > 0
            ? t('sync.waiting', { count: waiting })
            : t('sync.allSynced')}
      </p>
      {needsSignIn && (
        <p className="error small">
          {t('sync.needsSignIn')} <button onClick={() => openTeamDialog('login')}>{t('sync.signIn')}</button>
        </p>
      )}
      {offline && !needsSignIn && (
        <p className="muted small" data-testid="sync-offline">
          {t('sync.offline')}
          {nextRetryAt !== null &&
            ` ${t('sync.nextRetry', { time: dateTime(new Date(nextRetryAt).toISOString()) })}`}
        </p>
      )}
      <p className="muted small">
        {lastSyncAt ? t('sync.lastSync', { time: dateTime(lastSyncAt) }) : t('sync.never')}
      </p>
      <div className="row">
        <button className="primary" onClick={() => void syncNow()} disabled={syncing} data-testid="sync-now">
          {t('sync.now')}
        </button>
        <button onClick={() => void exportCsv()}>{t('sync.export')}</button>
      </div>
      <ProblemList kind="conflict" entries={conflicted} nameOf={nameOf} />
      <ProblemList kind="rejected" entries={rejected} nameOf={nameOf} />
    </section>
  );
}
