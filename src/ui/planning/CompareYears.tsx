// Compare two years: the villages, relocation sites and scenic areas newly covered by 5G between
// a chosen year and the slider's year (reported and modelled told apart), exportable, and the
// choropleth switched to the change of its metric between the two years.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeRow } from '../../core/planning/changes';
import { formatInteger } from '../../core/format';
import { useEngineQuery } from '../useEngineQuery';
import { useLayers } from '../../state/layers';
import { useAtlas } from '../../state/store';
import { PLAN_FIRST_YEAR as FIRST_YEAR } from '../../core/planYears';
import { downloadTable, SAMPLE_NOTE } from '../downloadTable';
import { ChangeList } from './ChangeList';

export function CompareYears() {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const toYear = useAtlas((s) => s.asOfYear);
  const figures = useAtlas((s) => s.figures);
  const sample = useAtlas((s) => s.layerInfo?.sources.villages?.kind === 'sample');
  const compareFromYear = useLayers((s) => s.compareFromYear);
  const update = useLayers((s) => s.update);
  const [fromYear, setFromYear] = useState(Math.max(FIRST_YEAR, toYear - 1));
  // The chosen year unless the slider has moved to or before it: then the year before the slider's.
  const from = fromYear < toYear ? fromYear : Math.max(FIRST_YEAR, toYear - 1);

  const { data: summary } = useEngineQuery(
    figures.size > 0 ? (engine) => engine.changes(from, toYear) : null,
    [from, toYear, figures],
  );
  // The change map follows the chosen year while it is on.
  useEffect(() => {
    if (compareFromYear !== null && compareFromYear !== from) update({ compareFromYear: from });
  }, [from, compareFromYear, update]);

  const rows = summary?.rows ?? [];
  if (figures.size === 0) return null;
  const kindName = (row: ChangeRow) => t(`compare.kind.${row.kind}`);
  const table = () => ({
    header: [
      t('compare.kind'),
      t('code'),
      t('rankingName'),
      t('counties'),
      t('compare.basis'),
      'lon_wgs84',
      'lat_wgs84',
    ],
    rows: rows.map((row) => [
      kindName(row),
      row.id,
      row.name,
      row.countyName,
      t(`compare.basis.${row.basis}`),
      Number.isFinite(row.lon) ? row.lon.toFixed(5) : '',
      Number.isFinite(row.lat) ? row.lat.toFixed(5) : '',
    ]),
  });
  const notes = [t('compare.title', { from, to: toYear }), ...(sample ? [SAMPLE_NOTE] : [])];
  const exportAs = (format: 'csv' | 'xlsx') =>
    void downloadTable(table(), notes, `${t('compare.fileName')}-${from}-${toYear}`, format);
  return (
    <section className="compare" data-testid="compare-years" aria-labelledby="compare-title">
      <h4 id="compare-title">
        {t('compare.heading')}
        {sample && <span className="badge sample">{t('sampleBadge')}</span>}
      </h4>
      <div className="form-grid small">
        <label htmlFor="compare-from">{t('compare.from')}</label>
        <select id="compare-from" value={from} onChange={(e) => setFromYear(Number(e.target.value))}>
          {Array.from({ length: Math.max(1, toYear - FIRST_YEAR) }, (_, k) => FIRST_YEAR + k).map((year) => (
            <option key={year} value={year}>
              {t('asOfYearEnd', { year })}
            </option>
          ))}
        </select>
        <span>{t('compare.to')}</span>
        <strong>{t('asOfYearEnd', { year: toYear })}</strong>
      </div>
      <label className="check small">
        <input
          type="checkbox"
          checked={compareFromYear !== null}
          onChange={(e) => update({ compareFromYear: e.target.checked ? from : null })}
          data-testid="compare-map"
        />
        {t('compare.changeMap')}
      </label>
      {summary && (
        <p className="small" data-testid="compare-counts">
          {(['village', 'relocationSite', 'scenicArea'] as const).map((kind) => {
            const c = summary.counts[kind];
            return (
              <span key={kind} className="count">
                {t(`compare.kind.${kind}`)} {formatInteger(c.reported + c.both, locale)} {t('basis.reported')}{' '}
                · {formatInteger(c.modelled + c.both, locale)} {t('basis.modelled')}
              </span>
            );
          })}
        </p>
      )}
      <p className="muted small">{t('compare.note')}</p>
      <div className="row">
        <button onClick={() => exportAs('csv')} disabled={rows.length === 0}>
          {t('rankingExportCsv')}
        </button>
        <button onClick={() => exportAs('xlsx')} disabled={rows.length === 0}>
          {t('rankingExportXlsx')}
        </button>
      </div>
      <ChangeList rows={rows} describe={(row) => t(`compare.basis.${row.basis}`)} />
    </section>
  );
}
