// The areas ranked by the map's current metric: sortable columns, the plan target's verdict, a
// click selects and zooms to the area, and CSV / XLSX exports of exactly the rows as sorted.
// Props-driven (RankingInput); ranking, sorting and export shaping live in core/export/ranking.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  rankingCsv,
  rankingXlsxRows,
  rankRows,
  sortRankingRows,
  type RankingColumns,
  type RankingInput,
  type RankingRow,
  type RankingSort,
  type RankingSortKey,
} from '../core/export/ranking';
import { formatDecimal, formatInteger } from '../core/format';
import { downloadBytes } from '../state/datasets';
import { useAtlas } from '../state/store';
import { selectArea } from '../state/mapIntents';
import { useRowWindow } from './useRowWindow';

/** Must match `.ranking-table tbody tr` in styles.css. */
const ROW_HEIGHT_PX = 28;
const SAMPLE_NOTE = '示例数据 / sample data';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function RankingTable(input: RankingInput) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const areas = useAtlas((s) => s.areas);
  const selectedAdcode = useAtlas((s) => s.selectedAdcode);
  const {
    level,
    adcodes,
    values,
    target,
    higherIsBetter = true,
    digits,
    metricLabel,
    unit,
    sample = false,
  } = input;
  const [sort, setSort] = useState<RankingSort>({ key: 'rank', descending: false });

  const ranked = useMemo(
    () => rankRows({ adcodes, values, target, higherIsBetter }, areas),
    [adcodes, values, target, higherIsBetter, areas],
  );
  const rows = useMemo(() => sortRankingRows(ranked, sort), [ranked, sort]);
  const rowWindow = useRowWindow(rows.length, ROW_HEIGHT_PX);

  const county = level === 'county';
  const hasTarget = target !== undefined;
  const valueHeading = unit ? t('rankingWithUnit', { label: metricLabel, unit }) : metricLabel;
  const targetText = hasTarget ? formatDecimal(target, locale, Number.isInteger(target) ? 0 : digits) : '';
  const targetHeading = t('rankingMeetsTarget', { op: higherIsBetter ? '≥' : '≤', value: targetText });

  const columns: RankingColumns = {
    rank: t('rankingRank'),
    code: t('code'),
    name: t('rankingName'),
    prefecture: county ? t('rankingPrefecture') : undefined,
    value: valueHeading,
    target: hasTarget ? targetHeading : undefined,
    meets: t('rankingMeets'),
    short: t('rankingShort'),
    digits,
  };
  const fileName = (extension: string) =>
    `${metricLabel}-${t(county ? 'counties' : 'prefectures')}.${extension}`.replace(/[\\/:*?"<>|]/g, '_');
  const notes = sample ? [SAMPLE_NOTE] : [];
  const exportCsv = () =>
    downloadBytes(rankingCsv(rows, columns, notes), fileName('csv'), 'text/csv;charset=utf-8');
  const exportXlsx = async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/universal');
    const blob = await writeXlsxFile(rankingXlsxRows(rows, columns, notes)).toBlob();
    downloadBytes(new Uint8Array(await blob.arrayBuffer()), fileName('xlsx'), XLSX_MIME);
  };

  const choose = (row: RankingRow) => {
    selectArea(row.adcode);
  };
  const sortBy = (key: RankingSortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, descending: !current.descending }
        : // A first click on the value shows the best first, as the rank order does.
          { key, descending: key === 'value' && higherIsBetter },
    );
  const header = (key: RankingSortKey, label: string, className?: string) => (
    <th
      scope="col"
      className={className}
      aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}
    >
      <button type="button" className="sort" onClick={() => sortBy(key)}>
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );

  return (
    <section
      className="ranking"
      data-testid="ranking-table"
      aria-label={t('rankingTitle', { metric: metricLabel })}
    >
      <div className="ranking-head">
        <h3>
          {t('rankingTitle', { metric: metricLabel })}
          {sample && <span className="badge sample">{t('sampleBadge')}</span>}
        </h3>
        <div className="row small">
          <button type="button" onClick={exportCsv}>
            {t('rankingExportCsv')}
          </button>
          <button type="button" onClick={() => void exportXlsx()}>
            {t('rankingExportXlsx')}
          </button>
        </div>
      </div>
      <div className="ranking-scroll" ref={rowWindow.scroller} onScroll={rowWindow.onScroll}>
        <table className="ranking-table small" aria-rowcount={rows.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              {header('rank', columns.rank, 'number')}
              {header('name', columns.name)}
              {county && <th scope="col">{columns.prefecture}</th>}
              {header('value', valueHeading, 'number')}
              {hasTarget && <th scope="col">{targetHeading}</th>}
            </tr>
          </thead>
          <tbody>
            {rowWindow.padTopPx > 0 && (
              <tr aria-hidden="true" className="spacer" style={{ height: rowWindow.padTopPx }} />
            )}
            {rows.slice(rowWindow.start, rowWindow.end).map((row, i) => (
              <tr
                key={row.adcode}
                data-adcode={row.adcode}
                aria-rowindex={rowWindow.start + i + 2}
                className={row.adcode === selectedAdcode ? 'selected' : undefined}
                onClick={() => choose(row)}
              >
                <td className="number">{row.rank === null ? '—' : formatInteger(row.rank, locale)}</td>
                <td>
                  <button type="button" className="link">
                    {row.name}
                  </button>
                </td>
                {county && <td>{row.prefectureName}</td>}
                <td className="number">
                  {Number.isNaN(row.value) ? (
                    <span className="muted">{t('rankingNoValue')}</span>
                  ) : (
                    formatDecimal(row.value, locale, digits)
                  )}
                </td>
                {hasTarget && (
                  <td>
                    {row.meetsTarget === null ? (
                      ''
                    ) : (
                      <span
                        className={row.meetsTarget ? 'meets' : 'short'}
                        title={row.meetsTarget ? columns.meets : columns.short}
                      >
                        <span aria-hidden="true">{row.meetsTarget ? '✓' : '✗'}</span>
                        <span className="visually-hidden">
                          {row.meetsTarget ? columns.meets : columns.short}
                        </span>
                      </span>
                    )}
                  </td>
                )}
              </tr>
            ))}
            {rowWindow.padBottomPx > 0 && (
              <tr aria-hidden="true" className="spacer" style={{ height: rowWindow.padBottomPx }} />
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
