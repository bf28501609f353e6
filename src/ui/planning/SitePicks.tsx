// The site suggester's answer: the totals before and after, the cumulative coverage curve, the
// picks (a click flies the map there) and their CSV / XLSX export. Shaping lives in
// core/export/sitePicks.
import { useTranslation } from 'react-i18next';
import { sitePicksCsv, sitePicksXlsxRows, type PickColumns } from '../../core/export/sitePicks';
import { formatInteger } from '../../core/format';
import { downloadBytes } from '../../state/datasets';
import { useAtlas } from '../../state/store';
import type { SuggestResult } from '../../worker/suggestView';
import { focusPoint } from '../../state/mapIntents';
import { CoverageCurve } from './CoverageCurve';
import { TargetSummary } from './SuggestTargets';

const SAMPLE_NOTE = '示例数据 / sample data';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Close enough to see the disc of a rural site. */
const PICK_ZOOM = 12;

export function SitePicks({ result, scopeName }: { result: SuggestResult; scopeName: string }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const { picks, totals, request } = result;
  const unit = t(request.weighted ? 'suggest.unit.people' : 'suggest.unit.targets');
  const number = (value: number) => formatInteger(value, locale);

  const columns: PickColumns = {
    rank: t('suggest.rank'),
    lon: t('suggest.lon'),
    lat: t('suggest.lat'),
    gain: t('suggest.gainIn', { unit }),
    cumulativeCount: t('suggest.cumulativeIn', { unit: t('suggest.unit.targets') }),
    cumulativeWeight: request.weighted
      ? t('suggest.cumulativeIn', { unit: t('suggest.unit.people') })
      : undefined,
    newlyCoveredCount: t('suggest.newlyCoveredCount'),
    newlyCovered: t('suggest.newlyCovered'),
    standsOn: t('suggest.standsOn'),
    cellCentre: t('suggest.cellCentre'),
  };
  const notes = [
    ...(result.sample ? [SAMPLE_NOTE] : []),
    t('suggestTargets.result', {
      basis: t(`suggestTargets.basis.${request.targetBasis}`),
      count: number(totals.uncoveredBefore),
    }),
    t('suggest.exportNote', {
      scope: scopeName,
      year: request.asOfYear,
      meters: request.radiusMeters,
      k: request.k,
    }),
  ];
  const fileName = (extension: string) =>
    `${t('suggest.fileName')}-${scopeName}-K${request.k}.${extension}`.replace(/[\\/:*?"<>|]/g, '_');
  const exportCsv = () =>
    downloadBytes(sitePicksCsv(picks, columns, notes), fileName('csv'), 'text/csv;charset=utf-8');
  const exportXlsx = async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/universal');
    const blob = await writeXlsxFile(sitePicksXlsxRows(picks, columns, notes)).toBlob();
    downloadBytes(new Uint8Array(await blob.arrayBuffer()), fileName('xlsx'), XLSX_MIME);
  };

  const total = request.weighted ? totals.uncoveredWeight : totals.uncoveredBefore;
  const shares = picks.map((pick) =>
    total > 0 ? (request.weighted ? pick.cumulativeWeight : pick.cumulativeCount) / total : 0,
  );

  return (
    <div className="suggest-result" data-testid="suggest-result">
      <p className="small suggest-caption" data-testid="suggest-result-for">
        {t('suggest.resultFor', {
          scope: scopeName,
          year: request.asOfYear,
          meters: number(request.radiusMeters),
        })}
      </p>
      <TargetSummary result={result} />
      <dl className="suggest-totals small">
        <dt>{t('suggestTargets.places')}</dt>
        <dd data-testid="suggest-targets">{number(totals.targets)}</dd>
        <dt>{t(`suggestTargets.notAimed.${request.targetBasis}`)}</dt>
        <dd data-testid="suggest-covered-before">{number(totals.coveredBefore)}</dd>
        <dt>{t('suggestTargets.aimed')}</dt>
        <dd data-testid="suggest-uncovered-before">{number(totals.uncoveredBefore)}</dd>
        <dt>{t('suggest.coveredAfter', { count: picks.length })}</dt>
        <dd data-testid="suggest-covered-after">{number(totals.coveredAfter)}</dd>
      </dl>
      {totals.withoutPosition > 0 && (
        <p className="muted small">{t('suggest.withoutPosition', { count: totals.withoutPosition })}</p>
      )}
      {picks.length < request.k && (
        <p className="muted small">{t('suggest.fewer', { count: picks.length })}</p>
      )}
      <CoverageCurve
        k={request.k}
        shares={shares}
        label={t(request.weighted ? 'suggest.curveWeighted' : 'suggest.curve')}
      />
      <div className="row small">
        <button type="button" onClick={exportCsv}>
          {t('suggest.exportCsv')}
        </button>
        <button type="button" onClick={() => void exportXlsx()}>
          {t('suggest.exportXlsx')}
        </button>
        <span className="muted">
          {t('suggest.workerMs', { ms: number(result.workerMs), candidates: number(result.candidateCount) })}
        </span>
      </div>
      <div className="suggest-list">
        <table className="small" data-testid="suggest-picks">
          <thead>
            <tr>
              <th scope="col" className="number">
                {columns.rank}
              </th>
              <th scope="col" className="number">
                {columns.gain}
              </th>
              <th scope="col" className="number">
                {t('suggest.cumulativeIn', { unit })}
              </th>
              <th scope="col" className="number">
                {columns.lon}
              </th>
              <th scope="col" className="number">
                {columns.lat}
              </th>
            </tr>
          </thead>
          <tbody>
            {picks.map((pick) => (
              <tr
                key={pick.rank}
                data-rank={pick.rank}
                onClick={() => focusPoint(pick.lon, pick.lat, PICK_ZOOM)}
                title={pick.newlyCovered.map((target) => target.name).join(locale === 'zh-CN' ? '、' : ', ')}
              >
                <td className="number">
                  <button type="button" className="link">
                    {pick.rank}
                  </button>
                </td>
                <td className="number" data-testid="suggest-gain">
                  {number(pick.gain)}
                </td>
                <td className="number">
                  {number(request.weighted ? pick.cumulativeWeight : pick.cumulativeCount)}
                </td>
                <td className="number">{pick.lon.toFixed(5)}</td>
                <td className="number">{pick.lat.toFixed(5)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
