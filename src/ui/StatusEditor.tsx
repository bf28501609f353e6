// The status editor: a rural-connectivity team member changes a village's or site's fiber /
// gigabit / 4G / 5G / coverage status, records a field check that verified it, or disputes it,
// with a day, a note and their name. A real modal (<dialog> shown with showModal: in the top
// layer, focus kept inside, Esc closes), so it shows whole on any screen wherever it was opened.
// "已保存" appears only once the engine has the edit on disk and the figures count it.
import type { ListedEdit } from '../storage/edits';
import { PendingMark } from './team/OutboxPanel';
import { useTeamEditRefusal } from './team/useTeamEditRefusal';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editHistoryTable } from '../core/export/editHistory';
import { formatDateTime } from '../core/format';
import { EDITABLE_FIELDS, rowKeysOf } from '../core/layers/tracking';
import type { TrackedRow } from '../core/tracking/trackedRow';
import {
  EDIT_KINDS,
  EDIT_SOURCES,
  kindOf,
  type EditKind,
  type EditSource,
  type StatusField,
} from '../core/tracking/edits';
import { getEngine } from '../state/engine';
import { useAtlas } from '../state/store';
import {
  closeStatusEditor,
  saveStatusEdit,
  setEditAuthor,
  useTracking,
  type EditorTarget,
} from '../state/tracking';
import { loadDataset } from '../storage/datasets';
import { StorageError } from '../storage/errors';
import { downloadTable } from './downloadTable';
import { FlagText, statusWord } from './trackingWords';
import './tracking.css';

interface RowChoice {
  key: string;
  label: string;
  name: string;
}

/** Today in the user's own time zone (toISOString would give yesterday before 08:00 in China). */
const today = () => {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
};

/** The one status editor of the app, shown while a target is set (state/tracking.ts). */
export function StatusEditorHost() {
  const target = useTracking((s) => s.editor);
  return target ? <StatusEditor key={`${target.datasetId}:${target.rowKey ?? ''}`} target={target} /> : null;
}

function useRowChoices(datasetId: string): RowChoice[] {
  const [rows, setRows] = useState<RowChoice[]>([]);
  useEffect(() => {
    let current = true;
    void loadDataset(datasetId).then((stored) => {
      const texts = (name: string) => stored.columns[name] as string[] | undefined;
      const names = texts('name') ?? [];
      const given = texts('villageCode') ?? texts('id');
      const keys = rowKeysOf(Array.from({ length: stored.rowCount }, (_, i) => given?.[i] || names[i] || ''));
      if (current)
        setRows(
          keys.map((key, i) => ({
            key,
            name: names[i] ?? '',
            label: names[i] && names[i] !== key ? `${key} ${names[i]}` : key,
          })),
        );
    });
    return () => {
      current = false;
    };
  }, [datasetId]);
  return rows;
}

function StatusEditor({ target }: { target: EditorTarget }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const asOfYear = useAtlas((s) => s.asOfYear);
  const author = useTracking((s) => s.author);
  const dialog = useRef<HTMLDialogElement>(null);
  const rows = useRowChoices(target.datasetId);
  const fields = EDITABLE_FIELDS[target.layer];
  const [query, setQuery] = useState('');
  const [rowKey, setRowKey] = useState<string | null>(target.rowKey ?? null);
  const [field, setField] = useState<StatusField>(fields[fields.length - 1]);
  const [kind, setKind] = useState<EditKind>('set');
  const [value, setValue] = useState<'true' | 'false' | 'null'>('true');
  const [date, setDate] = useState(today());
  const [note, setNote] = useState('');
  const [source, setSource] = useState<EditSource>(window.innerWidth < 600 ? 'field' : 'desk');
  const [history, setHistory] = useState<ListedEdit[]>([]);
  const [status, setStatus] = useState<TrackedRow | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const readRow = async (key: string) => {
    const [edits, tracked] = await Promise.all([
      getEngine().editHistory(target.datasetId, key),
      getEngine().trackedRow(target.layer, key, asOfYear),
    ]);
    setHistory(edits);
    // The layer may show another source than this dataset: its statuses are then not this row's.
    setStatus(tracked?.datasetId === target.datasetId ? tracked : null);
  };
  useEffect(() => {
    if (rowKey) void readRow(rowKey);
  }, [rowKey, asOfYear]);

  const matches = useMemo(() => {
    const text = query.trim();
    return text ? rows.filter((r) => r.label.includes(text)).slice(0, 50) : [];
  }, [rows, query]);
  const rowName = rows.find((r) => r.key === rowKey)?.name ?? status?.name ?? '';
  const refusal = useTeamEditRefusal(target.datasetId, status);

  const save = async () => {
    if (!rowKey) return;
    setSaving(true);
    setMessage(null);
    try {
      const stored = await saveStatusEdit({
        datasetId: target.datasetId,
        rowKey,
        field,
        kind,
        value: value === 'null' ? null : value === 'true',
        date,
        note,
        author,
        source,
      });
      setMessage({ kind: 'saved', text: t(stored.pending ? 'team.savedPending' : 'tracking.saved') });
      setNote('');
      await readRow(rowKey);
    } catch (error) {
      setMessage({
        kind: 'error',
        text: t(`storageError.${error instanceof StorageError ? error.code : 'write-failed'}`),
      });
    } finally {
      setSaving(false);
    }
  };

  const exportHistory = async (format: 'csv' | 'xlsx') => {
    const edits = await getEngine().editHistory(target.datasetId);
    const nameOf = new Map(rows.map((r) => [r.key, r.name]));
    const table = editHistoryTable(edits, (key) => nameOf.get(key) ?? '', {
      headings: {
        date: t('tracking.col.date'),
        code: t('tracking.col.code'),
        name: t('tracking.col.name'),
        field: t('tracking.col.field'),
        kind: t('tracking.col.kind'),
        value: t('tracking.col.value'),
        note: t('tracking.col.note'),
        author: t('tracking.col.author'),
        source: t('tracking.col.source'),
        recordedAt: t('tracking.col.recordedAt'),
      },
      fields: Object.fromEntries(
        (['fiber', 'gigabit', '4g', '5g', 'covered'] as const).map((f) => [f, t(`status.${f}`)]),
      ) as Record<StatusField, string>,
      kinds: Object.fromEntries(EDIT_KINDS.map((k) => [k, t(`tracking.kind.${k}`)])) as Record<
        EditKind,
        string
      >,
      sources: Object.fromEntries(EDIT_SOURCES.map((s) => [s, t(`tracking.source.${s}`)])) as Record<
        EditSource,
        string
      >,
      yes: t('yes'),
      no: t('no'),
      unknown: t('unknown'),
      dateTime: (iso) => formatDateTime(iso, locale),
    });
    await downloadTable(
      table,
      [t('tracking.historyNote', { name: target.datasetName })],
      `${target.datasetName}-${t('tracking.historyFile')}`,
      format,
    );
  };

  return (
    <dialog
      ref={dialog}
      className="status-editor"
      aria-labelledby="status-title"
      data-testid="status-editor"
      onCancel={(e) => {
        e.preventDefault();
        closeStatusEditor();
      }}
    >
      <header className="status-editor-head">
        <h2 id="status-title">
          {t('editStatus')}
          {rowKey ? `：${rowName || rowKey}` : ''}
        </h2>
        <p className="muted small">
          {t('tracking.dataset', { name: target.datasetName })}
          {rowKey && rowName ? ` · ${rowKey}` : ''}
        </p>
      </header>
      {!target.rowKey && (
        <div className="form-grid">
          <label htmlFor="status-search">{t('findRow')}</label>
          <input
            id="status-search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('findRowHint')}
          />
          <label htmlFor="status-row">{t('rowToEdit')}</label>
          <select id="status-row" value={rowKey ?? ''} onChange={(e) => setRowKey(e.target.value || null)}>
            <option value="">{t('chooseRow', { count: matches.length })}</option>
            {matches.map((r) => (
              <option key={r.key} value={r.key}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {status && (
        <table className="status-now small" data-testid="status-now">
          <caption>{t('tracking.nowCaption', { year: asOfYear })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statusField')}</th>
              <th scope="col">{t('tracking.reported')}</th>
              <th scope="col">{t('tracking.current')}</th>
              <th scope="col">{t('tracking.verification')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => {
              const cell = status.fields[f]!;
              return (
                <tr key={f}>
                  <th scope="row">{t(`status.${f}`)}</th>
                  <td>{statusWord(t, cell.reported)}</td>
                  <td>
                    <FlagText cell={cell} />
                  </td>
                  <td>{cell.verification ? t(`tracking.verificationState.${cell.verification}`) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="form-grid">
        <label htmlFor="status-field">{t('statusField')}</label>
        <select id="status-field" value={field} onChange={(e) => setField(e.target.value as StatusField)}>
          {fields.map((f) => (
            <option key={f} value={f}>
              {t(`status.${f}`)}
            </option>
          ))}
        </select>
        <label htmlFor="status-kind">{t('tracking.action')}</label>
        <select id="status-kind" value={kind} onChange={(e) => setKind(e.target.value as EditKind)}>
          {EDIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`tracking.kind.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor="status-value">
          {kind === 'dispute' ? t('tracking.seenValue') : t('statusValue')}
        </label>
        <select id="status-value" value={value} onChange={(e) => setValue(e.target.value as typeof value)}>
          <option value="true">{t('yes')}</option>
          <option value="false">{t('no')}</option>
          <option value="null">{t('unknown')}</option>
        </select>
        <label htmlFor="status-date">{t('statusDate')}</label>
        <input
          id="status-date"
          type="date"
          value={date}
          max={today()}
          onChange={(e) => setDate(e.target.value)}
        />
        <label htmlFor="status-note">{t('statusNote')}</label>
        <input id="status-note" value={note} onChange={(e) => setNote(e.target.value)} />
        <label htmlFor="status-author">{t('tracking.author')}</label>
        <input
          id="status-author"
          value={author}
          placeholder={t('tracking.authorHint')}
          onChange={(e) => setEditAuthor(e.target.value)}
        />
        <label htmlFor="status-source">{t('tracking.col.source')}</label>
        <select id="status-source" value={source} onChange={(e) => setSource(e.target.value as EditSource)}>
          {EDIT_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`tracking.source.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="muted small">{t(`tracking.kindHelp.${kind}`)}</p>
      {refusal && (
        <p className="error" role="alert" data-testid="edit-refusal">
          {refusal}
        </p>
      )}
      {message && (
        <p
          className={message.kind === 'error' ? 'error' : 'saved'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      <div className="row">
        <button
          className="primary"
          onClick={() => void save()}
          disabled={!rowKey || saving || !date || refusal !== null}
        >
          {saving ? t('saving') : t('save')}
        </button>
        <button onClick={() => void exportHistory('csv')}>{t('tracking.exportCsv')}</button>
        <button onClick={() => void exportHistory('xlsx')}>{t('tracking.exportXlsx')}</button>
        <button onClick={closeStatusEditor}>{t('close')}</button>
      </div>
      {rowKey && (
        <section aria-label={t('history')}>
          <h3 className="small">{t('history')}</h3>
          {history.length === 0 ? (
            <p className="muted small">{t('tracking.noHistory')}</p>
          ) : (
            <ol className="history small" data-testid="status-history">
              {history.map((edit) => (
                <li key={edit.key}>
                  <strong>{edit.date}</strong> · {t(`status.${edit.field}`)} ·{' '}
                  {t(`tracking.kind.${kindOf(edit)}`)}：
                  {edit.value === null ? t('unknown') : edit.value ? t('yes') : t('no')}
                  {edit.note ? ` · ${edit.note}` : ''}
                  <span className="muted">
                    {' '}
                    · {edit.author || t('tracking.anonymous')} ·{' '}
                    {t(`tracking.source.${edit.source ?? 'desk'}`)} · {formatDateTime(edit.editedAt, locale)}
                  </span>
                  <PendingMark edit={edit} />
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </dialog>
  );
}
