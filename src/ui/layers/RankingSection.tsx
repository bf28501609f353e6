// The ranking of areas for the choropleth's metric, folded under the legend.
import { useTranslation } from 'react-i18next';
import { useAtlas } from '../../state/store';
import { RankingTable } from '../RankingTable';
import { useChoropleth } from './useChoropleth';

export function RankingSection() {
  const { t } = useTranslation();
  const view = useChoropleth();
  // Two datasets compared as vintages are not the sample, even when the sample is loaded.
  const sample = useAtlas((s) =>
    view && view.vintages?.layer !== view.metric.layer
      ? s.layerInfo?.sources[view.metric.layer]?.kind === 'sample'
      : false,
  );
  if (!view) return null;
  const { metric } = view;
  return (
    <details className="ranking-section" data-testid="ranking-section">
      <summary>{t('rankingTitle', { metric: t(`metric.${metric.id}`) })}</summary>
      <RankingTable
        level={view.level}
        adcodes={view.adcodes}
        values={view.values}
        digits={metric.digits}
        target={view.target}
        metric={metric}
        fromYear={view.fromYear}
        vintages={view.vintages}
        metricLabel={t(`metric.${metric.id}`)}
        unit={t(`unit.${metric.unit}`)}
        sample={sample}
      />
    </details>
  );
}
