// The datum of the file's coordinates, in the mapping step's grid. Preselected only when the file
// states it (and then the row says where); otherwise an empty choice the user must make, because
// coordinates alone cannot tell WGS84 from GCJ-02 and the wrong one shifts every point ~500 m.
import { useTranslation } from 'react-i18next';
import { DATUMS, statedDatum, type Datum } from '../../core/import/datums';
import { chooseDatum, hasCoordinateColumns, type ImportStep } from '../../state/imports';

export const DATUM_NOTE_ID = 'import-datum-note';

export function DatumRow({ state }: { state: Extract<ImportStep, { step: 'mapping' }> }) {
  const { t } = useTranslation();
  const { datum, datumGuess, datumPicked, mapping } = state;
  const needed = hasCoordinateColumns(mapping);
  const stated = statedDatum(datumGuess);
  const missing = needed && datum === null;
  const name = (d: Datum) => t(`datum.${d}`);
  const note = !needed
    ? t('importFlow.datumNotNeeded')
    : datum === null
      ? t('importFlow.datumRequired')
      : datumPicked && stated !== null && stated !== datum
        ? t('importFlow.datumOverridden', { stated: name(stated), datum: name(datum) })
        : datumPicked || stated === null
          ? t('importFlow.datumPicked')
          : t(`importFlow.datumStated.${datumGuess.basis}`, {
              evidence: datumGuess.evidence ?? '',
              datum: name(datum),
            });
  return (
    <>
      <label htmlFor="import-datum">{t('importDatum')}</label>
      <div className="import-datum">
        <select
          id="import-datum"
          value={datum ?? ''}
          onChange={(e) => chooseDatum(e.target.value as Datum)}
          disabled={!needed}
          required={needed}
          aria-invalid={missing}
          aria-describedby={DATUM_NOTE_ID}
        >
          {datum === null && (
            <option value="" disabled>
              {t('importFlow.datumChoose')}
            </option>
          )}
          {DATUMS.map((d) => (
            <option key={d} value={d}>
              {name(d)}
            </option>
          ))}
        </select>
        <p
          id={DATUM_NOTE_ID}
          className={missing ? 'datum-note datum-missing small' : 'datum-note small muted'}
          data-testid="import-datum-note"
        >
          {note}
        </p>
      </div>
    </>
  );
}
