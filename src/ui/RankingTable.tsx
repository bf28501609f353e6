// The areas ranked by the map's current metric: sortable columns, the plan target's verdict, a
// click selects and zooms to the area, and CSV / XLSX exports of exactly the rows as sorted, for
// people: headings in the UI language, values as shown, unit, year, target and gap, and a line
// naming each layer's source. Fits the 320 px side panel: rank, name, value and verdict only (the
// prefecture and code are in the name's tooltip and in the exports); long names are cut with "…".
// A modelled metric without the stations it needs shows that instead of a column of zeros.
// Ranking, sorting and export shaping live in core/export/ranking.
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RANKING_COLUMNS,
  rankingCsv,
  rankingXlsxRows,
  rankRows,
  sortRankingRows,
  type RankingExport,
  type RankingInput,
  type RankingRow,
  type RankingSort,
  type RankingSortKey,
} from '../core/export/ranking';
import { formatDecimal, formatInteger } from '../core/format';
import type { Metric } from '../core/metrics';
import type { VintageNames } from '../state/compare';
import { useAtlas } from '../state/store';
import { selectArea } from '../state/mapIntents';
import { downloadSheet } from './downloadTable';
import { useMissingStations, useSourceNote } from './useLoadedData';
import { useRowWindow } from './useRowWindow';
import './exports.css';

/** Must match `.ranking-table tbody tr` in styles.css. */
const ROW_HEIGHT_PX = 28;
/** Up to this many rows every row is drawn (no windowing), so long names may wrap onto two lines. */
const WINDOW_FROM_ROWS = 60;

export interface RankingTableProps extends RankingInput {
  /** The metric ranked: the exports name its layer's source (and the stations', when modelled). */
  metric?: Pick<Metric, 'id' | 'layer' | 'modelled'>;
  /** Compare mode: the values are the change since the end of this year, and have no target. */
  fromYear?: number;
  /** Two datasets compared as vintages: the values are the change between them. */
  vintages?: VintageNames;
}

export function RankingTable(input: RankingTableProps) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const areas = useAtlas((s) => s.areas);
  const asOfYear = useAtlas((s) => s.asOfYear);
  const selectedAdcode = useAtlas((s) => s.selectedAdcode);
  const { level, adcodes, values, higherIsBetter = true, digits, metricLabel, unit, sample = false } = input;
  const { metric, fromYear, vintages } = input;
  const change = fromYear !== undefined || vintages !== undefined;
  // A change is not measured against the plan's target.
  const target = change ? undefined : input.target;
  const missing = useMissingStations(metric);
  const layers = metric ? (metric.modelled ? [metric.layer, 'stations' as const] : [metric.layer]) : [];
  const sourceLine = useSourceNote(layers, vintages);
  const [sort, setSort] = useState<RankingSort>({ key: 'rank', descending: false });

  const ranked = useMemo(
    () => rankRows({ adcodes, values, target, higherIsBetter }, areas),
    [adcodes, values, target, higherIsBetter, areas],
  );
  const rows = useMemo(() => sortRankingRows(ranked, sort), [ranked, sort]);
  const rowWindow = useRowWindow(rows.length, ROW_HEIGHT_PX, WINDOW_FROM_ROWS);

  const county = level === 'county';
  const hasTarget = target !== undefined;
  const levelWords = t(county ? 'counties' : 'prefectures');
  const yearText = fromYear !== undefined ? `${fromYear}–${asOfYear}` : String(asOfYear);
  const options: RankingExport = {
    headings: {
      ...(Object.fromEntries(RANKING_COLUMNS.map((c) => [c, t(`exports.ranking.${c}`)])) as Record<
        (typeof RANKING_COLUMNS)[number],
        string
      >),
      value: metricLabel,
    },
    prefectureColumn: county,
    unit,
    year: yearText,
    target,
    meets: t('rankingMeets'),
    short: t('rankingShort'),
    digits,
  };
  const notes = [
    t('exports.ranking.title', { metric: metricLabel, level: levelWords, year: yearText }),
    sourceLine,
    ...(vintages
      ? [t('exports.ranking.vintages', { older: vintages.older, newer: vintages.newer })]
      : fromYear !== undefined
        ? [t('exports.ranking.change', { from: fromYear, to: asOfYear })]
        : hasTarget
          ? [t('exports.ranking.verdictNote')]
          : [t('exports.ranking.noTarget')]),
    ...(metric?.modelled ? [t('modelledNote')] : []),
  ];
  const baseName = `${metricLabel}-${levelWords}-${yearText}`;
  const exportFile = (format: 'csv' | 'xlsx') =>
    downloadSheet(
      format === 'csv' ? rankingCsv(rows, options, notes) : rankingXlsxRows(rows, options, notes),
      baseName,
    );

  const sortBy = (key: RankingSortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, descending: !current.descending }
        : // A first click on the value shows the best first, as the rank order does.
          { key, descending: key === 'value' && higherIsBetter },
    );
  const header = (key: RankingSortKey, label: ReactNode, className: string, fullLabel?: string) => (
    <th
      scope="col"
      className={className}
      aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}
    >
      <button
        type="button"
        className="sort"
        onClick={() => sortBy(key)}
        aria-label={fullLabel}
        title={fullLabel}
      >
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
  // The unit on a line of its own, so a narrow column never breaks inside it.
  const valueHeading = (
    <>
      {t('exports.ranking.valueShort')}
      {unit && <span className="unit">{t('aside', { text: unit })}</span>}
    </>
  );
  const meetsWord = (row: RankingRow) => (row.meetsTarget ? options.meets : options.short);

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
        {!missing && (
          <div className="row small">
            <button type="button" onClick={() => void exportFile('csv')}>
              {t('rankingExportCsv')}
            </button>
            <button type="button" onClick={() => void exportFile('xlsx')}>
              {t('rankingExportXlsx')}
            </button>
          </div>
        )}
      </div>
      {missing ? (
        <div className="note small no-stations" data-testid="ranking-no-stations">
          <strong>{t(`exports.noStations.${missing}`)}</strong>
          <p className="help">{t('exports.noStationsHelp', { technology: missing })}</p>
        </div>
      ) : (
        <div className="ranking-scroll" ref={rowWindow.scroller} onScroll={rowWindow.onScroll}>
          <table
            className={`ranking-table ranking-fit small${rows.length > WINDOW_FROM_ROWS ? '' : ' wrap-names'}`}
            aria-rowcount={rows.length + 1}
          >
            <colgroup>
              <col className="rank-column" />
              <col />
              <col className="value-column" />
              {hasTarget && <col className="verdict-column" />}
            </colgroup>
            <thead>
              <tr aria-rowindex={1}>
                {header('rank', t('exports.ranking.rank'), 'number')}
                {header('name', t('exports.ranking.name'), 'name')}
                {header(
                  'value',
                  valueHeading,
                  'number',
                  unit ? t('rankingWithUnit', { label: metricLabel, unit }) : metricLabel,
                )}
                {hasTarget && (
                  <th
                    scope="col"
                    title={t('rankingMeetsTarget', {
                      op: higherIsBetter ? '≥' : '≤',
                      value: formatDecimal(target, locale, digits),
                    })}
                  >
                    {t('exports.ranking.targetShort')}
                  </th>
                )}
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
                  onClick={() => selectArea(row.adcode)}
                >
                  <td className="number">{row.rank === null ? '—' : formatInteger(row.rank, locale)}</td>
                  <td className="name">
                    <button
                      type="button"
                      className="link"
                      title={[row.name, county ? row.prefectureName : '', row.adcode]
                        .filter(Boolean)
                        .join(' · ')}
                    >
                      {row.name}
                    </button>
                  </td>
                  <td
                    className="number"
                    data-testid="ranking-value"
                    title={
                      row.gapToTarget > 0
                        ? t('exports.ranking.gapTitle', {
                            gap: formatDecimal(row.gapToTarget, locale, digits),
                          })
                        : undefined
                    }
                  >
                    {Number.isNaN(row.value) ? (
                      <span className="muted">{t('rankingNoValue')}</span>
                    ) : (
                      formatDecimal(row.value, locale, digits)
                    )}
                  </td>
                  {hasTarget && (
                    <td className="verdict">
                      {row.meetsTarget !== null && (
                        <span className={row.meetsTarget ? 'meets' : 'short'} title={meetsWord(row)}>
                          <span aria-hidden="true">{row.meetsTarget ? '✓' : '✗'}</span>
                          <span className="visually-hidden">{meetsWord(row)}</span>
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
      )}
    </section>
  );
}
