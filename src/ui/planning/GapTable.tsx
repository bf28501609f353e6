// One table of gap rows: sortable columns, windowed when long, a click picks the row (the list
// then shows it on the map), and CSV / XLSX exports of exactly the rows shown, in the order shown.
// The disagreements variant says "reported X / model Y" instead of the reasons. Every export opens
// with the source of each layer the list draws on (村：villages.csv；安置点：示例数据 / sample data …),
// in place of a "sample data" line for the whole file, which the caller's notes may carry.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gapCsv, gapNotes, gapXlsxRows, GAP_COLUMNS, type GapTableWords } from '../../core/export/gapList';
import { SAMPLE_LABEL } from '../../core/export/sourceNote';
import {
  GAP_KINDS,
  GAP_REASONS,
  sortGapRows,
  type GapRow,
  type GapSort,
  type GapSortKey,
} from '../../core/planning/gapList';
import { formatInteger } from '../../core/format';
import { useAtlas } from '../../state/store';
import { downloadSheet } from '../downloadTable';
import { useLayerSourceNames, useSourceWords } from '../useLoadedData';
import { useRowWindow } from '../useRowWindow';

/** Must match `.ranking-table tbody tr` in styles.css. */
const ROW_HEIGHT_PX = 28;
/** The layers a gap list draws on: its targets, and the stations of the model and the distances. */
const GAP_LAYERS = ['villages', 'relocationSites', 'scenicAreas', 'stations'] as const;

export interface GapTableProps {
  rows: readonly GapRow[];
  variant: 'gaps' | 'disagreements';
  initialSort: GapSort;
  /** Without extension. */
  fileName: string;
  /** First lines of every export after the layers' sources (scope, what "modelled" means). */
  notes: readonly string[];
  testId: string;
  /** Off when every row is in one county. */
  showCounty: boolean;
  chosen: GapRow | null;
  onChoose: (row: GapRow) => void;
}

export function GapTable({
  rows,
  variant,
  initialSort,
  fileName,
  notes,
  testId,
  showCounty,
  chosen,
  onChoose,
}: GapTableProps) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const asOfYear = useAtlas((s) => s.asOfYear);
  const [sort, setSort] = useState<GapSort>(initialSort);
  const sorted = useMemo(() => sortGapRows(rows, sort), [rows, sort]);
  const rowWindow = useRowWindow(sorted.length, ROW_HEIGHT_PX);
  const gaps = variant === 'gaps';

  const words: GapTableWords = {
    headings: Object.fromEntries(
      GAP_COLUMNS.map((column) => [column, t(`gaps.head.${column}`)]),
    ) as GapTableWords['headings'],
    kinds: Object.fromEntries(
      GAP_KINDS.map((kind) => [kind, t(`gaps.kind.${kind}`)]),
    ) as GapTableWords['kinds'],
    reasons: Object.fromEntries(
      GAP_REASONS.map((reason) => [reason, t(`gaps.reason.${reason}`)]),
    ) as GapTableWords['reasons'],
    reported: { yes: t('gaps.reported.yes'), no: t('gaps.reported.no'), unknown: t('gaps.reported.unknown') },
    modelled: {
      covered: t('gaps.modelled.covered'),
      notCovered: t('gaps.modelled.notCovered'),
      unknown: t('gaps.modelled.unknown'),
    },
    yes: t('yes'),
    noStation: t('gaps.noStation'),
    separator: locale === 'zh-CN' ? '；' : '; ',
  };
  const exportNotes = gapNotes(useLayerSourceNames(GAP_LAYERS), useSourceWords(), notes, SAMPLE_LABEL);
  const exportCsv = () => void downloadSheet(gapCsv(sorted, words, exportNotes), fileName);
  const exportXlsx = () => void downloadSheet(gapXlsxRows(sorted, words, exportNotes), fileName);

  const keyOf = (row: GapRow) => `${row.kind}-${row.index}`;
  const meters = (value: number) =>
    Number.isNaN(value)
      ? '—'
      : value === Infinity
        ? t('gaps.noStation')
        : formatInteger(Math.round(value), locale);
  const header = (key: GapSortKey, label: string, className?: string, title?: string) => (
    <th
      scope="col"
      className={className}
      title={title}
      aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}
    >
      <button
        type="button"
        className="sort"
        onClick={() =>
          setSort((s) => ({
            key,
            descending: s.key === key ? !s.descending : key.startsWith('nearest') || key === 'population',
          }))
        }
      >
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );

  return (
    <div className="gap-table" data-testid={testId}>
      <div className="row small">
        <button type="button" onClick={exportCsv} disabled={sorted.length === 0}>
          {t('gaps.exportCsv')}
        </button>
        <button type="button" onClick={exportXlsx} disabled={sorted.length === 0}>
          {t('gaps.exportXlsx')}
        </button>
      </div>
      <div className="ranking-scroll gap-scroll" ref={rowWindow.scroller} onScroll={rowWindow.onScroll}>
        <table className="ranking-table small" aria-rowcount={sorted.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              {header('name', t('gaps.col.name'))}
              {header('kind', t('gaps.col.kind'))}
              {showCounty && header('county', t('gaps.col.county'))}
              {header('reasons', t(gaps ? 'gaps.col.reasons' : 'gaps.col.says'))}
              {header(
                'nearest5g',
                t('gaps.col.nearest5g'),
                'number',
                t('gaps.nearestTitle', { technology: '5G', year: asOfYear }),
              )}
              {gaps &&
                header(
                  'nearest4g',
                  t('gaps.col.nearest4g'),
                  'number',
                  t('gaps.nearestTitle', { technology: '4G', year: asOfYear }),
                )}
              {gaps && header('population', t('gaps.col.population'), 'number')}
            </tr>
          </thead>
          <tbody>
            {rowWindow.padTopPx > 0 && (
              <tr aria-hidden="true" className="spacer" style={{ height: rowWindow.padTopPx }} />
            )}
            {sorted.slice(rowWindow.start, rowWindow.end).map((row, i) => (
              <tr
                key={keyOf(row)}
                data-code={row.code || undefined}
                aria-rowindex={rowWindow.start + i + 2}
                className={row === chosen ? 'selected' : undefined}
                onClick={() => onChoose(row)}
              >
                <td>
                  <button type="button" className="link" title={row.code || undefined}>
                    {row.name}
                  </button>
                </td>
                <td>
                  {row.level
                    ? `${t(`gaps.short.${row.kind}`)} ${row.level.replace(/\s*\(.*$/, '')}`
                    : t(`gaps.short.${row.kind}`)}
                </td>
                {showCounty && <td>{row.countyName}</td>}
                <td title={row.reasons.map((reason) => words.reasons[reason]).join(words.separator)}>
                  {gaps
                    ? row.reasons.map((reason) => (
                        <span key={reason} className={`gap-reason ${reason}`}>
                          {t(`gaps.tag.${reason}`)}
                        </span>
                      ))
                    : t('gaps.says', {
                        reported: words.reported[row.reported],
                        modelled: words.modelled[row.modelled],
                      })}
                </td>
                <td className="number">{meters(row.nearest5gMeters)}</td>
                {gaps && <td className="number">{meters(row.nearest4gMeters)}</td>}
                {gaps && (
                  <td className="number">
                    {Number.isNaN(row.population) ? '' : formatInteger(row.population, locale)}
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
    </div>
  );
}
