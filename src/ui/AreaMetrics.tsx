// The selected area against the plan: every metric of the loaded layers with its value, a small
// bar (value against the target, or against the largest area's value when there is none) and, for
// a share, the counts behind it (each metric names its part and whole), reported and modelled apart.
// A modelled metric without the stations it needs says so ("无 4G 基站数据") instead of 0 %.
import { useTranslation } from 'react-i18next';
import type { AreaRecord } from '../core/areas';
import { formatDecimal, formatInteger } from '../core/format';
import { LAYER_NAMES } from '../core/layers/registry';
import { metricsOfLayer, missingStations, type Metric } from '../core/metrics';
import { useAtlas } from '../state/store';
import { LAYER_UI } from './layers/registry';
import { stationCountsOf } from './useLoadedData';

export function AreaMetrics({ area }: { area: AreaRecord }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const figures = useAtlas((s) => s.figures);
  const sources = useAtlas((s) => s.layerInfo?.sources);
  const asOfYear = useAtlas((s) => s.asOfYear);
  const stationCounts = useAtlas((s) => stationCountsOf(s.layerInfo));
  const own = figures.get(area.adcode);
  if (!own || !sources) return null;
  // Bars without a target are scaled to the largest area of the same level.
  const peers = [...useAtlas.getState().areas.values()].filter((a) => a.level === area.level);
  const largest = (metric: Metric) =>
    Math.max(
      ...peers
        .map((a) => {
          const f = figures.get(a.adcode);
          return f ? metric.value(f, a) : 0;
        })
        .filter(Number.isFinite),
    );
  return (
    <div className="area-metrics" data-testid="area-metrics">
      <p className="small muted">{t('asOfYearEnd', { year: asOfYear })}</p>
      {LAYER_NAMES.filter((layer) => sources[layer]).map((layer) => {
        const { AreaCounts } = LAYER_UI[layer];
        return (
          <section key={layer} data-layer={layer}>
            <h3>
              {t(`overlay.${layer}`)}
              {sources[layer]?.kind === 'sample' && <span className="badge sample">{t('sampleBadge')}</span>}
            </h3>
            {AreaCounts && <AreaCounts figures={own} />}
            <ul className="metric-list small">
              {metricsOfLayer(layer).map((metric) => {
                const missing = missingStations(metric, stationCounts);
                if (missing)
                  return (
                    <li key={metric.id} data-metric={metric.id}>
                      <span className="metric-label">{t(`metric.${metric.id}`)}</span>
                      <span className="metric-values">
                        <span className="value muted" data-testid={`metric-${metric.id}`}>
                          {t(`exports.noStations.${missing}`)}
                        </span>
                      </span>
                    </li>
                  );
                const value = metric.value(own, area);
                const scale = metric.target ?? largest(metric);
                const share = Number.isFinite(value) && scale > 0 ? Math.min(1, value / scale) : 0;
                const basis = metric.share;
                const meets = metric.target !== undefined && value >= metric.target;
                return (
                  <li
                    key={metric.id}
                    data-metric={metric.id}
                    title={metric.modelled ? t('modelledNote') : undefined}
                  >
                    <span className="metric-label">{t(`metric.${metric.id}`)}</span>
                    <span className="metric-values">
                      <span
                        className={
                          metric.target === undefined || !Number.isFinite(value)
                            ? 'value'
                            : meets
                              ? 'value meets'
                              : 'value short'
                        }
                        data-testid={`metric-${metric.id}`}
                      >
                        {Number.isFinite(value)
                          ? `${formatDecimal(value, locale, metric.digits)}${metric.unit === 'percent' ? '%' : ''}`
                          : '—'}
                        {basis && (
                          <span className="muted">
                            {t('aside', {
                              text: `${formatInteger(own[basis.part], locale)}/${formatInteger(own[basis.whole], locale)}`,
                            })}
                          </span>
                        )}
                      </span>
                      <span className="bar" aria-hidden="true">
                        <span
                          className={meets ? 'fill meets' : 'fill'}
                          style={{ width: `${share * 100}%` }}
                        />
                      </span>
                      <span className="muted target">
                        {metric.target === undefined
                          ? ''
                          : `${t('target')} ${formatDecimal(metric.target, locale, 0)}${metric.unit === 'percent' ? '%' : ''}`}
                      </span>
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
