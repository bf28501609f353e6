// The area under the pointer: its name, prefecture, population and the choropleth's current metric
// (for the prefecture when the choropleth is by prefecture).
import { useTranslation } from 'react-i18next';
import { formatDecimal, formatPopulation } from '../core/format';
import { METRICS } from '../core/metrics';
import { useLayers } from '../state/layers';
import { useAtlas } from '../state/store';
import type { HoverState } from '../state/mapIntents';
import { AreaName } from './AreaName';

export function HoverTooltip({ adcode, x, y }: HoverState) {
  const { t } = useTranslation();
  const area = useAtlas((s) => s.areas.get(adcode));
  const locale = useAtlas((s) => s.locale);
  const { metric: metricId, choroplethLevel, choroplethVisible } = useLayers();
  const shownArea = useAtlas((s) =>
    area && choroplethLevel === 'prefecture' ? s.areas.get(area.prefectureAdcode) : area,
  );
  const figures = useAtlas((s) => (shownArea ? s.figures.get(shownArea.adcode) : undefined));
  if (!area) return null;
  const metric = METRICS[metricId];
  const value = figures && shownArea && choroplethVisible ? metric.value(figures, shownArea) : undefined;
  return (
    <div className="tooltip" style={{ left: x + 14, top: y + 14 }} role="tooltip" data-testid="hover-tooltip">
      <strong>
        <AreaName adcode={area.adcode} name={area.name} />
      </strong>
      <span>
        <AreaName adcode={area.prefectureAdcode} name={area.prefectureName} />
      </span>
      <span>
        {formatPopulation(area.population2020, locale)} {t('persons')}
      </span>
      {value !== undefined && (
        <span className="tooltip-metric">
          {choroplethLevel === 'prefecture' ? `${shownArea!.name} · ` : ''}
          {t('labelled', { label: t(`metric.${metric.id}`) })}
          <strong>{Number.isFinite(value) ? formatDecimal(value, locale, metric.digits) : '—'}</strong>
          {metric.unit === 'percent' ? '%' : ` ${t(`unit.${metric.unit}`)}`}
        </span>
      )}
    </div>
  );
}
