// Step 2: which layer the file feeds, which column holds each field, which datum; the first rows.
// The check (and so the import) waits for a datum when the file has coordinates and states none.
//
// Rules relied on: a wide file must not freeze the page, so each field's menu lists at most
// MENU_COLUMNS columns (those matching the column search, and always the chosen one), the preview
// shows the chosen columns and then the first few, and a preview cell shows at most PREVIEW_CHARS.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATASET_FIELDS, DATASET_KINDS, type DatasetKind } from '../../core/import/mapping';
import { datumForImport } from '../../core/import/datums';
import {
  cancelImport,
  chooseColumn,
  chooseDatasetKind,
  hasCoordinateColumns,
  validateImport,
  type ImportStep,
} from '../../state/imports';
import { DatumRow } from './DatumRow';
import { EncodingRow } from './EncodingRow';
import '../importFlow.css';

export function MappingStep({ state }: { state: Extract<ImportStep, { step: 'mapping' }> }) {
  const { t } = useTranslation();
  const { inspection, layer, mapping, busy } = state;
  const datumMissing = datumForImport(state.datum, hasCoordinateColumns(mapping)) === null;
  const [search, setSearch] = useState('');
  const header = inspection.header;
  const chosen = Object.values(mapping).filter((index): index is number => index !== undefined);
  const matching = useMemo(() => matchingColumns(header, search), [header, search]);
  const previewColumns = useMemo(
    () => previewColumnsOf(header.length, chosen),
    [header.length, chosen.join()],
  );
  const columnName = (index: number) => header[index] || t('columnNumber', { n: index + 1 });
  const optionsFor = (current: number | undefined) =>
    (current === undefined || matching.includes(current) ? matching : [current, ...matching]).map((index) => (
      <option key={index} value={index}>
        {clip(columnName(index), 80)}
      </option>
    ));
  return (
    <>
      <p className="small muted">
        {t('importFileInfo', {
          file: inspection.fileName,
          format: inspection.format.toUpperCase(),
          rows: inspection.rowCount,
        })}
      </p>
      <EncodingRow inspection={inspection} />
      <div className="form-grid">
        <label htmlFor="import-dataset-kind">{t('importDatasetKind')}</label>
        <select
          id="import-dataset-kind"
          value={layer}
          onChange={(e) => chooseDatasetKind(e.target.value as DatasetKind)}
        >
          {DATASET_KINDS.map((l) => (
            <option key={l} value={l}>
              {t(`datasetKind.${l}`)}
            </option>
          ))}
        </select>
        {header.length > MENU_COLUMNS && (
          <>
            <label htmlFor="column-search">{t('importColumnSearch')}</label>
            <div>
              <input
                id="column-search"
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
              <span className="small muted">
                {' '}
                {t('importColumnsShown', {
                  shown: Math.min(matching.length, MENU_COLUMNS),
                  total: header.length,
                })}
              </span>
            </div>
          </>
        )}
        {DATASET_FIELDS[layer].map((spec) => (
          <FieldRow
            key={spec.field}
            label={t(`field.${spec.field}`) + (spec.required ? ' *' : '')}
            id={`field-${spec.field}`}
          >
            <select
              id={`field-${spec.field}`}
              value={mapping[spec.field] ?? ''}
              onChange={(e) =>
                chooseColumn(spec.field, e.target.value === '' ? undefined : Number(e.target.value))
              }
            >
              <option value="">{t('notInFile')}</option>
              {optionsFor(mapping[spec.field])}
            </select>
          </FieldRow>
        ))}
        <DatumRow state={state} />
      </div>
      <div className="preview-table" role="region" aria-label={t('importPreview')} tabIndex={0}>
        <table>
          <thead>
            <tr>
              {previewColumns.map((i) => (
                <th key={i} scope="col">
                  {clip(columnName(i), PREVIEW_CHARS)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {inspection.previewRows.map((row, r) => (
              <tr key={r}>
                {previewColumns.map((c) => (
                  <td key={c}>{clip(row[c] ?? '', PREVIEW_CHARS)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {previewColumns.length < header.length && (
        <p className="small muted">
          {t('importPreviewColumns', { shown: previewColumns.length, total: header.length })}
        </p>
      )}
      {busy && <progress aria-label={t('importChecking')} max={1} value={state.fraction ?? 0} />}
      <div className="row">
        <button
          onClick={() => void validateImport()}
          disabled={busy || datumMissing}
          aria-describedby={datumMissing ? 'import-datum-blocked' : undefined}
        >
          {busy ? t('importChecking') : t('importCheck')}
        </button>
        <button onClick={cancelImport}>{t('cancel')}</button>
        {datumMissing && (
          <span id="import-datum-blocked" className="datum-blocked small" data-testid="import-datum-blocked">
            {t('importFlow.datumBlocked')}
          </span>
        )}
      </div>
    </>
  );
}

function FieldRow({ label, id, children }: { label: string; id: string; children: React.ReactNode }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {children}
    </>
  );
}

const MENU_COLUMNS = 100;
const PREVIEW_COLUMNS = 20;
const PREVIEW_CHARS = 120;

const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

/** Indices of the columns whose name contains the search (all when empty), at most MENU_COLUMNS. */
function matchingColumns(header: readonly string[], search: string): number[] {
  const needle = search.trim().toLowerCase();
  const found: number[] = [];
  for (let i = 0; i < header.length && found.length < MENU_COLUMNS; i++)
    if (!needle || header[i].toLowerCase().includes(needle)) found.push(i);
  return found;
}

/** The chosen columns first, then the first others, PREVIEW_COLUMNS in all (or every chosen one). */
function previewColumnsOf(columnCount: number, chosen: readonly number[]): number[] {
  const shown = [...new Set(chosen)].sort((a, b) => a - b);
  for (let i = 0; i < columnCount && shown.length < PREVIEW_COLUMNS; i++)
    if (!shown.includes(i)) shown.push(i);
  return shown.sort((a, b) => a - b);
}
