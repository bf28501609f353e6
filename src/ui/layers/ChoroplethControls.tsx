// The choropleth: metric (any of the four layers'), level, classification and its legend (units,
// class ranges, areas per class, the plan's target). Colours reach the map through feature-state.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASS_METHODS, type ClassMethod } from '../../core/classify';
import { METRICS, metricsOfLayer, type MetricId } from '../../core/metrics';
import { LAYER_NAMES } from '../../core/layers/types';
import { formatDecimal } from '../../core/format';
import { useLayers } from '../../state/layers';
import { useAtlas } from '../../state/store';
import { showChoropleth } from '../../state/mapIntents';
import { NO_DATA_COLOUR, useChoropleth } from './useChoropleth';
import { classRange } from '../../core/export/legend';
import { useMissingStations } from '../useLoadedData';

export function ChoroplethControls() {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const settings = useLayers();
  const view = useChoropleth();
  // Labelled sample only when the metric's layer is drawn from it (it may come from a dataset, or
  // from the two datasets compared as vintages).
  const asOfYear = useAtlas((s) => s.asOfYear);
  const sampleShown = useAtlas(
    (s) =>
      view !== null &&
      view.vintages?.layer !== view.metric.layer &&
      s.layerInfo?.sources[view.metric.layer]?.kind === 'sample',
  );
  const shown = settings.choroplethVisible && view !== null;

  useEffect(() => {
    if (!shown) {
      showChoropleth(settings.choroplethLevel, null);
      return;
    }
    const states = new Map(
      view.adcodes.map((adcode, i) => [
        adcode,
        {
          fill: view.classOf[i] < 0 ? NO_DATA_COLOUR : view.colors[view.classOf[i]],
          meets: view.target !== undefined && view.values[i] >= view.target,
        },
      ]),
    );
    showChoropleth(settings.choroplethLevel, states);
  }, [shown, view, settings.choroplethLevel]);

  const metric = view?.metric;
  const format = (value: number) => formatDecimal(value, locale, metric?.digits ?? 1);
  const noData = view ? view.classOf.filter((c) => c < 0).length : 0;
  // No area with a value (a modelled metric without its stations): no classes to show, only why.
  const missing = useMissingStations(view?.metric);
  const classCounts = view && noData < view.classOf.length ? view.counts : [];
  return (
    <section aria-labelledby="choropleth-title" data-testid="choropleth">
      <label className="check layer-title">
        <input
          type="checkbox"
          checked={settings.choroplethVisible}
          onChange={(e) => settings.update({ choroplethVisible: e.target.checked })}
        />
        <span id="choropleth-title">{t('choropleth')}</span>
      </label>
      <div className="form-grid small">
        <label htmlFor="choropleth-metric">{t('metric')}</label>
        <select
          id="choropleth-metric"
          value={settings.metric}
          onChange={(e) => settings.update({ metric: e.target.value as MetricId })}
        >
          {LAYER_NAMES.map((layer) => (
            <optgroup key={layer} label={t(`overlay.${layer}`)}>
              {metricsOfLayer(layer).map((m) => (
                <option key={m.id} value={m.id}>
                  {t(`metric.${m.id}`)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <label htmlFor="choropleth-level">{t('level')}</label>
        <select
          id="choropleth-level"
          value={settings.choroplethLevel}
          onChange={(e) => settings.update({ choroplethLevel: e.target.value as 'county' | 'prefecture' })}
        >
          <option value="county">{t('counties')}</option>
          <option value="prefecture">{t('prefectures')}</option>
        </select>
        <label htmlFor="choropleth-method">{t('classification')}</label>
        <select
          id="choropleth-method"
          value={settings.method}
          onChange={(e) => settings.update({ method: e.target.value as ClassMethod })}
        >
          {CLASS_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`method.${m}`)}
            </option>
          ))}
        </select>
        {settings.method === 'manual' && (
          <>
            <label htmlFor="choropleth-breaks">{t('breaks')}</label>
            <input
              id="choropleth-breaks"
              defaultValue={settings.manualBreaks.join(', ')}
              placeholder="10, 20, 33, 50"
              onBlur={(e) => {
                const breaks = e.target.value
                  .split(/[,，\s]+/)
                  .filter(Boolean)
                  .map(Number);
                if (breaks.length > 0 && breaks.every(Number.isFinite))
                  settings.update({ manualBreaks: breaks });
              }}
            />
          </>
        )}
      </div>
      {view === null ? (
        <p className="muted small">
          {t('layerNeedsData', { layer: t(`overlay.${METRICS[settings.metric].layer}`) })}
        </p>
      ) : (
        settings.choroplethVisible && (
          <>
            <table className="legend small" data-testid="choropleth-legend">
              <caption>
                {view.vintages
                  ? `${t('vintage.changeLegend', { older: view.vintages.older, newer: view.vintages.newer })} · `
                  : view.fromYear !== undefined &&
                    `${t('changeLegend', { from: view.fromYear, to: asOfYear })} · `}
                {t(`metric.${view.metric.id}`)}
                {t('aside', { text: t(`unit.${view.metric.unit}`) })}
                {sampleShown ? ` · ${t('sampleBadge')}` : ''}
              </caption>
              <tbody>
                {classCounts.map((count, i) => (
                  <tr key={i} data-class={i}>
                    <td>
                      <span className="swatch" style={{ background: view.colors[i] }} />
                    </td>
                    <td>{classRange(view, i, format)}</td>
                    <td className="muted">{t('areaCount', { count })}</td>
                  </tr>
                ))}
                {noData > 0 && (
                  <tr data-class="none">
                    <td>
                      <span className="swatch" style={{ background: NO_DATA_COLOUR }} />
                    </td>
                    <td>{t('noValue')}</td>
                    <td className="muted">{t('areaCount', { count: noData })}</td>
                  </tr>
                )}
              </tbody>
            </table>
            {missing && (
              <p className="note small" data-testid="choropleth-no-stations">
                {t(`exports.noStations.${missing}`)}
              </p>
            )}
            {view.target !== undefined && (
              <p className="small">
                {t('targetLine', { value: `${format(view.target)} ${t(`unit.${view.metric.unit}`)}` })}
              </p>
            )}
            {view.metric.modelled && <p className="muted small">{t('modelledNote')}</p>}
          </>
        )
      )}
    </section>
  );
}
