// A rural-connectivity team marks a village's or resettlement site's fiber / gigabit / 4G / 5G
// status with a date and a note; every change is kept and the history can be exported.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBytes } from '../state/datasets';
import { loadDataset } from '../storage/datasets';
import { editsFor, editsToCsv, recordEdit } from '../storage/edits';
import { StorageError } from '../storage/errors';
import { STATUS_FIELDS, type DatasetMetadata, type StatusField, type StoredEdit } from '../storage/types';

interface RowChoice {
  key: string;
  label: string;
}

export function StatusEditor({ dataset, onClose }: { dataset: DatasetMetadata; onClose: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<RowChoice[]>([]);
  const [query, setQuery] = useState('');
  const [rowKey, setRowKey] = useState<string | null>(null);
  const [field, setField] = useState<StatusField>(dataset.layer === 'villages' ? '5g' : 'covered');
  const [value, setValue] = useState<'true' | 'false' | 'null'>('true');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const [history, setHistory] = useState<StoredEdit[]>([]);
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void loadDataset(dataset.id).then((stored) => {
      const keys = (stored.columns.villageCode ?? stored.columns.id ?? stored.columns.name) as
        string[] | undefined;
      const names = stored.columns.name as string[] | undefined;
      setRows(
        Array.from({ length: stored.rowCount }, (_, i) => {
          const key = keys?.[i] || `#${i + 1}`;
          return { key, label: names?.[i] && names[i] !== key ? `${key} ${names[i]}` : key };
        }),
      );
    });
  }, [dataset.id]);
  useEffect(() => {
    if (rowKey) void editsFor(dataset.id, rowKey).then(setHistory);
  }, [dataset.id, rowKey]);

  const matches = useMemo(
    () => (query.trim() ? rows.filter((r) => r.label.includes(query.trim())).slice(0, 50) : []),
    [rows, query],
  );
  const save = async () => {
    if (!rowKey) return;
    try {
      await recordEdit({
        datasetId: dataset.id,
        rowKey,
        field,
        value: value === 'null' ? null : value === 'true',
        date,
        note,
      });
      setMessage({ kind: 'saved', text: t('editSaved') });
      setNote('');
      setHistory(await editsFor(dataset.id, rowKey));
    } catch (error) {
      setMessage({
        kind: 'error',
        text: t(`storageError.${error instanceof StorageError ? error.code : 'write-failed'}`),
      });
    }
  };
  const exportHistory = async () =>
    downloadBytes(
      editsToCsv(await editsFor(dataset.id), { byteOrderMark: true }),
      `${dataset.name}-status-history.csv`,
      'text/csv;charset=utf-8',
    );

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div
        className="dialog wide"
        role="dialog"
        aria-modal="true"
        aria-labelledby="status-title"
        data-testid="status-editor"
      >
        <h2 id="status-title">
          {t('editStatus')}：{dataset.name}
        </h2>
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
          <label htmlFor="status-field">{t('statusField')}</label>
          <select id="status-field" value={field} onChange={(e) => setField(e.target.value as StatusField)}>
            {STATUS_FIELDS.map((f) => (
              <option key={f} value={f}>
                {t(`status.${f}`)}
              </option>
            ))}
          </select>
          <label htmlFor="status-value">{t('statusValue')}</label>
          <select id="status-value" value={value} onChange={(e) => setValue(e.target.value as typeof value)}>
            <option value="true">{t('yes')}</option>
            <option value="false">{t('no')}</option>
            <option value="null">{t('unknown')}</option>
          </select>
          <label htmlFor="status-date">{t('statusDate')}</label>
          <input id="status-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          <label htmlFor="status-note">{t('statusNote')}</label>
          <input id="status-note" value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {message && (
          <p
            className={message.kind === 'error' ? 'error' : 'saved'}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
        <div className="row">
          <button onClick={() => void save()} disabled={!rowKey}>
            {t('save')}
          </button>
          <button onClick={() => void exportHistory()}>{t('exportHistory')}</button>
          <button onClick={onClose}>{t('close')}</button>
        </div>
        {rowKey && (
          <ol className="history small" data-testid="status-history" aria-label={t('history')}>
            {history.map((edit) => (
              <li key={edit.key}>
                {edit.date} · {t(`status.${edit.field}`)}：
                {edit.value === null ? t('unknown') : edit.value ? t('yes') : t('no')}
                {edit.note ? ` · ${edit.note}` : ''}
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
