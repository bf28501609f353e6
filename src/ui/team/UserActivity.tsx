// A user's 活动记录 on the administrators' users page: their latest audit entries in words (the
// event, what it touched, old → new value, note) and 导出 CSV, the server's whole log of the user
// as a file for people (byte-order mark, human headers, in the language chosen here).
//
// Rules relied on: the server sends action, field and source codes; each has words in
// messages/teamViews.ts, and a code without words yet is shown as it is rather than dropped.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { downloadBytes } from '../../state/datasets';
import { teamErrorOf, type TeamError } from '../../state/team';
import type { TeamUser } from '../../team/session';
import { auditCsv, latestAuditEntries, type AuditEntry } from '../../team/views';
import { TeamErrorText } from './ModalDialog';
import { dateLabel } from './TeamSlides';
import './teamViews.css';

export const ACTIVITY_COUNT = 20;

const labelOr = (t: TFunction, key: string, text: string) => t(key, { defaultValue: text });

function valueText(t: TFunction, value: unknown): string {
  if (value === true) return t('teamViews.value.yes');
  if (value === false) return t('teamViews.value.no');
  if (value === null) return t('teamViews.value.unknown');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What an entry touched, in words: the row and field with old → new, a view's title, a dataset. */
export function entrySubject(t: TFunction, entry: AuditEntry): string {
  const parts: string[] = [];
  if (entry.datasetId && !entry.rowKey) parts.push(entry.datasetId);
  if (entry.rowKey) parts.push(entry.rowKey);
  if (entry.field) parts.push(labelOr(t, `teamViews.field.${entry.field}`, entry.field));
  if (entry.field && ('oldValue' in entry || 'newValue' in entry))
    parts.push(
      'oldValue' in entry
        ? t('teamViews.change', { old: valueText(t, entry.oldValue), new: valueText(t, entry.newValue) })
        : valueText(t, entry.newValue),
    );
  const title = entry.detail?.title;
  if (typeof title === 'string' && title) parts.push(`“${title}”`);
  if (entry.source) parts.push(labelOr(t, `teamViews.source.${entry.source}`, entry.source));
  if (entry.note) parts.push(entry.note);
  return parts.join(' · ');
}

export function UserActivity({ user }: { user: TeamUser }) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<TeamError | null>(null);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    let current = true;
    latestAuditEntries(user.id, ACTIVITY_COUNT).then(
      (found) => current && setEntries(found),
      (failure) => current && setError(teamErrorOf(failure)),
    );
    return () => {
      current = false;
    };
  }, [user.id]);
  const exportCsv = async () => {
    setExporting(true);
    setError(null);
    try {
      const { bytes, fileName } = await auditCsv(user.id);
      downloadBytes(bytes, fileName, 'text/csv;charset=utf-8');
    } catch (failure) {
      setError(teamErrorOf(failure));
    } finally {
      setExporting(false);
    }
  };
  return (
    <section className="user-activity" aria-label={t('teamViews.activityOf', { name: user.displayName })}>
      <div className="row">
        <strong>{t('teamViews.activityOf', { name: user.displayName })}</strong>
        <button onClick={() => void exportCsv()} disabled={exporting} data-testid="export-activity">
          {t('teamViews.exportCsv')}
        </button>
      </div>
      <TeamErrorText error={error} />
      {entries === null ? (
        !error && <p className="muted small">{t('teamViews.activityLoading')}</p>
      ) : entries.length === 0 ? (
        <p className="muted small">{t('teamViews.activityEmpty')}</p>
      ) : (
        <ol className="user-activity-list small" data-testid="user-activity">
          {entries.map((entry) => (
            <li key={entry.id} data-action={entry.action}>
              <time dateTime={entry.at}>{dateLabel(entry.at, i18n.language)}</time>{' '}
              <strong>
                {labelOr(t, `teamViews.action.${entry.action.replace(/\./g, '-')}`, entry.action)}
              </strong>{' '}
              <span>{entrySubject(t, entry)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
