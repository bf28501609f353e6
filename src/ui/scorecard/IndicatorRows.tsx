// One indicator of the scorecard as a group of table rows: its name, the plan (2020 baseline →
// 2025 target), the figures reported since with their dates, and one row per value from the data
// (reported and modelled apart), or the plain statement that the data cannot measure it.
import { useTranslation } from 'react-i18next';
import type { ReportedFigure } from '../../core/summary/planIndicators';
import type { ScorecardRow } from '../../core/summary/scorecard';
import { useAtlas } from '../../state/store';
import { formatMonth, formatNumber, withUnit } from './formatIndicator';
import { LineCell } from './LineCell';

const NONE = '–';

export function IndicatorRows({ row, asOfYear }: { row: ScorecardRow; asOfYear: number }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const { indicator } = row;
  const unitLabel = t(`scorecard.unit.${indicator.unit}`);
  const planned = (value: number | null) =>
    value === null ? NONE : withUnit(formatNumber(value, indicator.unit, locale), indicator.unit, unitLabel);
  const target = indicator.targetWording
    ? t(`scorecard.targetWording.${indicator.targetWording}`)
    : planned(indicator.target2025);
  const reportedText = (figure: ReportedFigure) => {
    const unit = figure.quantity?.unit ?? indicator.unit;
    const number = withUnit(formatNumber(figure.value, unit, locale), unit, t(`scorecard.unit.${unit}`));
    const value = figure.quantity
      ? t(`scorecard.quantity.${figure.quantity.id}`, { value: number })
      : figure.atLeast
        ? t('scorecard.atLeast', { value: number })
        : number;
    const date =
      figure.month === 12
        ? t('asOfYearEnd', { year: figure.year })
        : formatMonth(figure.year, figure.month, locale);
    return { value, date };
  };
  return (
    <tbody data-indicator={indicator.id} data-measurable={row.measurable}>
      <tr className="indicator-name">
        <th scope="rowgroup" colSpan={2}>
          {t(`scorecard.indicator.${indicator.id}`)}
        </th>
      </tr>
      <tr data-part="plan">
        <th scope="row">{t('scorecard.plan')}</th>
        <td data-testid={`plan-${indicator.id}`}>
          {planned(indicator.baseline2020)} → {target}
        </td>
      </tr>
      {indicator.reported.length > 0 && (
        <tr data-part="reported">
          <th scope="row">{t('scorecard.reported')}</th>
          <td>
            <ul className="reported-list">
              {indicator.reported.map((figure) => {
                const { value, date } = reportedText(figure);
                const sameTime = figure.month === 12 && figure.year === asOfYear;
                return (
                  <li key={`${figure.year}-${figure.month}`} className={sameTime ? 'same-time' : undefined}>
                    {value}
                    <span className="muted">{t('scorecard.aside', { text: date })}</span>
                  </li>
                );
              })}
            </ul>
          </td>
        </tr>
      )}
      {row.measurable ? (
        row.lines.map((line, k) => (
          <tr
            key={k}
            data-part="data"
            data-line={line.measure.kind === 'share' ? line.measure.basis : line.measure.kind}
          >
            <th scope="row">
              {t(`scorecard.basis.${line.measure.kind === 'share' ? line.measure.basis : 'count'}`)}
            </th>
            <td>
              <LineCell indicator={indicator} line={line} unitLabel={unitLabel} />
            </td>
          </tr>
        ))
      ) : (
        <tr data-part="data" data-line="none">
          <th scope="row">{t('scorecard.basis.count')}</th>
          <td className="muted" data-testid={`not-measurable-${indicator.id}`}>
            {t('scorecard.notMeasurable')}
            {indicator.note && (
              <span className="small">
                {t('scorecard.aside', { text: t(`scorecard.note.${indicator.note}`) })}
              </span>
            )}
          </td>
        </tr>
      )}
    </tbody>
  );
}
