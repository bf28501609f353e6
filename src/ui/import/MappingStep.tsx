// Step 2: which layer the file feeds, which column holds each field, which datum; the first rows.
import { useTranslation } from 'react-i18next';
import { LAYER_FIELDS, LAYERS, type Layer } from '../../core/import/mapping';
import { DATUMS, type Datum } from '../../core/io/points';
import {
  cancelImport,
  chooseColumn,
  chooseDatum,
  chooseLayer,
  validateImport,
  type ImportStep,
} from '../../state/imports';

export function MappingStep({ state }: { state: Extract<ImportStep, { step: 'mapping' }> }) {
  const { t } = useTranslation();
  const { inspection, layer, mapping, datum, datumGuess, busy } = state;
  const columnOptions = inspection.header.map((name, index) => (
    <option key={index} value={index}>
      {name || t('columnNumber', { n: index + 1 })}
    </option>
  ));
  return (
    <>
      <p className="small muted">
        {t('importFileInfo', {
          file: inspection.fileName,
          format: inspection.format.toUpperCase(),
          rows: inspection.rowCount,
          encoding: inspection.encoding ?? '',
        })}
      </p>
      <div className="form-grid">
        <label htmlFor="import-layer">{t('importLayer')}</label>
        <select id="import-layer" value={layer} onChange={(e) => chooseLayer(e.target.value as Layer)}>
          {LAYERS.map((l) => (
            <option key={l} value={l}>
              {t(`layer.${l}`)}
            </option>
          ))}
        </select>
        {LAYER_FIELDS[layer].map((spec) => (
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
              {columnOptions}
            </select>
          </FieldRow>
        ))}
        <label htmlFor="import-datum">{t('importDatum')}</label>
        <div>
          <select id="import-datum" value={datum} onChange={(e) => chooseDatum(e.target.value as Datum)}>
            {DATUMS.map((d) => (
              <option key={d} value={d}>
                {t(`datum.${d}`)}
              </option>
            ))}
          </select>
          <span className="small muted">
            {' '}
            {t(`datumBasis.${datumGuess.basis}`, { evidence: datumGuess.evidence ?? '' })}
          </span>
        </div>
      </div>
      <div className="preview-table" role="region" aria-label={t('importPreview')} tabIndex={0}>
        <table>
          <thead>
            <tr>
              {inspection.header.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {inspection.previewRows.map((row, r) => (
              <tr key={r}>
                {inspection.header.map((_, c) => (
                  <td key={c}>{row[c]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {busy && <progress aria-label={t('importChecking')} max={1} value={state.fraction ?? 0} />}
      <div className="row">
        <button onClick={() => void validateImport()} disabled={busy}>
          {busy ? t('importChecking') : t('importCheck')}
        </button>
        <button onClick={cancelImport}>{t('cancel')}</button>
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
