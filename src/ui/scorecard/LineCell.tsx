// One value from the data against the plan: the value (and the counts behind a share), ✓ when the
// target is reached, a bar of the share of the way from the 2020 baseline (of the target where the
// plan gives no baseline), the gap, the sample badge, and for a spatial indicator its areas.
import { useTranslation } from 'react-i18next';
import { formatDecimal, formatInteger } from '../../core/format';
import type { PlanIndicator } from '../../core/summary/planIndicators';
import type { ScorecardLine } from '../../core/summary/scorecard';
import { useAtlas } from '../../state/store';
import { AreaLaggards } from './AreaLaggards';
import { formatNumber, withUnit } from './formatIndicator';

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function LineCell({
  indicator,
  line,
  unitLabel,
}: {
  indicator: PlanIndicator;
  line: ScorecardLine;
  unitLabel: string;
}) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const { unit } = indicator;
  if (!line.layerLoaded)
    return (
      <span className="muted">
        {t('scorecard.layerNotLoaded', { layer: t(`overlay.${line.measure.layer}`) })}
      </span>
    );
  if (line.value === null) return <span className="muted">{t('scorecard.noKnown')}</span>;

  const percent = (share: number) => `${formatDecimal(100 * share, locale, 1)}%`;
  const progressText =
    line.shareOfWay !== null
      ? t('scorecard.shareOfWay', { value: percent(line.shareOfWay) })
      : line.shareOfTarget !== null
        ? t('scorecard.shareOfTarget', { value: percent(line.shareOfTarget) })
        : '';
  // Without a numeric target a percentage still reads as a bar of itself.
  const fraction = line.shareOfWay ?? line.shareOfTarget ?? (unit === 'percent' ? line.value / 100 : null);
  const gapText =
    line.gap === null || line.reached
      ? ''
      : t('scorecard.gap', {
          value:
            unit === 'percent'
              ? `${formatNumber(line.gap, unit, locale, true)} ${t('scorecard.unit.percentPoints')}`
              : withUnit(formatNumber(line.gap, unit, locale, true), unit, unitLabel),
        });
  const modelled = line.measure.kind === 'share' && line.measure.basis === 'modelled';
  return (
    <div className="scorecard-line" title={modelled ? t('modelledNote') : undefined}>
      <div className="row">
        <strong className="scorecard-value" data-value={line.value}>
          {withUnit(formatNumber(line.value, unit, locale, true), unit, unitLabel)}
        </strong>
        {line.part !== undefined && line.whole !== undefined && (
          <span className="muted small">
            {t('scorecard.aside', {
              text: `${formatInteger(line.part, locale)}/${formatInteger(line.whole, locale)}`,
            })}
          </span>
        )}
        {line.reached && (
          <span className="meets reached" title={t('scorecard.reached')} aria-label={t('scorecard.reached')}>
            ✓
          </span>
        )}
        {line.sample && <span className="badge sample">{t('sampleBadge')}</span>}
      </div>
      {fraction !== null && (
        <span
          className="bar"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(100 * clamp01(fraction))}
          aria-label={progressText || t(`scorecard.indicator.${indicator.id}`)}
        >
          <span
            className={line.reached ? 'fill meets' : 'fill'}
            style={{ width: `${100 * clamp01(fraction)}%` }}
          />
        </span>
      )}
      {(progressText || gapText) && (
        <p className="small muted scorecard-progress">
          {[progressText, gapText].filter(Boolean).join(' · ')}
        </p>
      )}
      {line.areas && <AreaLaggards indicator={indicator} line={line} unitLabel={unitLabel} />}
    </div>
  );
}
