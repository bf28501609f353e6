// The encoding a file was read in, shown with a row decoded that way, and the choice to read it
// again as UTF-8 or GB18030 (in a fresh worker): a guess is never silent. Rows with bytes the
// encoding cannot read are counted here and rejected, with their row, by the check.
import { useTranslation } from 'react-i18next';
import { FORCED_ENCODINGS, encodingLabel, type ForcedEncoding } from '../../core/io/decode';
import { rereadImport } from '../../state/imports';
import type { Inspection } from '../../worker/importJob';

const asForced = (encoding: string | undefined): string =>
  encoding === 'utf-8-bom' ? 'utf-8' : (encoding ?? '');

export function EncodingRow({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const { encoding, encodingForced, encodingSwitchable, sample, invalidByteRows, firstInvalidByteRow } =
    inspection;
  const current = encodingForced ?? asForced(encoding);
  const other = !FORCED_ENCODINGS.some((known) => known === current);
  return (
    <div className="import-encoding" data-testid="import-encoding-info">
      <div className="row">
        {encodingSwitchable ? (
          <>
            <label htmlFor="import-encoding">{t('importEncoding')}</label>
            <select
              id="import-encoding"
              value={current}
              onChange={(e) => rereadImport(e.target.value as ForcedEncoding)}
            >
              {other && (
                <option value={current}>
                  {t('importEncodingOther', { encoding: encodingLabel(current) })}
                </option>
              )}
              {FORCED_ENCODINGS.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`importEncodingOption.${choice}`)}
                </option>
              ))}
            </select>
            <span className="small muted">
              {encodingForced ? t('importEncodingForced') : t('importEncodingDetected')}
            </span>
          </>
        ) : (
          inspection.format === 'xlsx' && (
            <>
              <span>{t('importEncoding')}</span>
              <span className="small muted">{t('importEncodingFixed')}</span>
            </>
          )
        )}
      </div>
      {sample && (
        <p className="encoding-sample small">
          {t('importEncodingSample', { row: sample.row })}{' '}
          <code data-testid="import-encoding-sample">{sample.text}</code>
        </p>
      )}
      {invalidByteRows > 0 && firstInvalidByteRow && (
        <p className="warning small" role="status" data-testid="import-invalid-bytes">
          {t('importInvalidBytes', {
            count: invalidByteRows,
            encoding: encodingLabel(encoding ?? current),
            row: firstInvalidByteRow.row,
          })}{' '}
          <code>{firstInvalidByteRow.text}</code>
        </p>
      )}
    </div>
  );
}
