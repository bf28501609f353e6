// The review queue for county editors and administrators: each change that arrived on a field
// someone else had changed since, with the proposed and the current value, who and when, and a
// decision (accept: applied on top of the current value; reject) with a note. The server keeps an
// editor to their own counties; after a decision the team's edits are pulled so every figure
// counts it.
import { useSync } from '../../state/sync';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core/format';
import { syncNow } from '../../state/sync';
import { useTeam } from '../../state/team';
import { useAtlas } from '../../state/store';
import {
  listOpenConflicts,
  resolveConflict,
  type ConflictDecision,
  type ReviewConflict,
} from '../../team/conflicts';
import { valueWord } from './outboxRecord';
import './sync.css';

function ConflictItem({ conflict, onDone }: { conflict: ReviewConflict; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { proposed, current } = conflict;
  const name = conflict.rowName || conflict.rowKey;
  const decide = async (decision: ConflictDecision) => {
    setBusy(true);
    setError(null);
    try {
      await resolveConflict(conflict.id, decision, note);
      onDone(t(`sync.queue.done.${decision}`, { name }));
      void syncNow();
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };
  return (
    <li className="conflict-item" data-testid="conflict-item">
      <div>
        <strong>{name}</strong> <span className="muted">{conflict.rowKey}</span> ·{' '}
        {t(`status.${conflict.field}`)}
      </div>
      <dl className="conflict-values small">
        <dt>{t('sync.queue.proposed')}</dt>
        <dd>
          {t(`tracking.kind.${proposed.kind}`)}：<strong>{valueWord(t, proposed.value)}</strong> ·{' '}
          {proposed.date}
          {proposed.note ? ` · ${proposed.note}` : ''}
          <div className="muted">
            {t('sync.queue.by', {
              name: conflict.createdByName,
              time: formatDateTime(conflict.createdAt, locale),
            })}
          </div>
        </dd>
        <dt>{t('sync.queue.current')}</dt>
        <dd>
          {current ? (
            <>
              {t(`tracking.kind.${current.kind}`)}：<strong>{valueWord(t, current.value)}</strong> ·{' '}
              {current.date}
              {current.note ? ` · ${current.note}` : ''}
              <div className="muted">
                {t('sync.queue.by', { name: current.author, time: formatDateTime(current.editedAt, locale) })}
              </div>
            </>
          ) : (
            t('sync.queue.noCurrent')
          )}
        </dd>
      </dl>
      <p className="muted small">
        {t('sync.queue.versions', { base: conflict.baseVersion, current: conflict.currentVersion })}
      </p>
      <label className="small">
        {t('sync.queue.note')}{' '}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </label>
      <div className="row">
        <button className="primary" disabled={busy} onClick={() => void decide('accept')}>
          {t('sync.queue.accept')}
        </button>
        <button disabled={busy} onClick={() => void decide('reject')}>
          {t('sync.queue.reject')}
        </button>
      </div>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

export function ConflictQueue() {
  const { t } = useTranslation();
  const user = useTeam((s) => s.user);
  const mayReview = user?.role === 'admin' || user?.role === 'editor';
  const [conflicts, setConflicts] = useState<ReviewConflict[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = async () => {
    setMessage(null);
    try {
      setConflicts(await listOpenConflicts());
    } catch (failure) {
      setMessage((failure as Error).message);
      setConflicts([]);
    }
  };
  // Read again after every sync (a push that met a conflict, the minute's pull), so a new conflict
  // shows without a reload.
  const lastSyncAt = useSync((s) => s.lastSyncAt);
  useEffect(() => {
    if (mayReview) void load();
  }, [mayReview, user?.id, lastSyncAt]);
  if (!mayReview) return null;
  return (
    <section className="conflict-queue" aria-labelledby="conflict-queue-title" data-testid="conflict-queue">
      <h3 id="conflict-queue-title">{t('sync.queue.title')}</h3>
      <p className="muted small">{t('sync.queue.help')}</p>
      <button onClick={() => void load()}>{t('sync.queue.reload')}</button>
      {message && (
        <p className="small" role="status">
          {message}
        </p>
      )}
      {conflicts === null ? (
        <p className="muted small">{t('sync.queue.loading')}</p>
      ) : conflicts.length === 0 ? (
        <p className="muted small">{t('sync.queue.empty')}</p>
      ) : (
        <ol className="conflict-list">
          {conflicts.map((conflict) => (
            <ConflictItem
              key={conflict.id}
              conflict={conflict}
              onDone={(done) => {
                setConflicts((list) => list?.filter((other) => other.id !== conflict.id) ?? null);
                setMessage(done);
              }}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
