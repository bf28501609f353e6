// The 5G density layer: on/off, metric, level, classification, and its legend (units, class
// ranges, areas per class, the plan's target). The colours follow to the map through feature-state.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASS_METHODS, type ClassMethod } from '../../core/classify';
import { DENSITY_METRICS, type DensityMetric } from '../../core/densityMetric';
import { formatDecimal } from '../../core/format';
import { useLayers } from '../../state/layers';
import { useAtlas } from '../../state/store';
import { mapController } from '../MapView';
import { useDensity } from './useDensity';

export function LayerPanel() {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const sampleShown = useAtlas((s) => s.sample !== null);
  const settings = useLayers();
  const density = useDensity();
  const shown = settings.densityVisible && density !== null;

  useEffect(() => {
    if (!shown) { mapController()?.setChoropleth(settings.densityLevel, null); return; }
    mapController()?.setChoropleth(settings.densityLevel, new Map(density.adcodes.map((adcode, i) => [adcode, density.classOf[i] < 0 ? '#d9d9d9' : density.colors[density.classOf[i]]])));
  }, [shown, density, settings.densityLevel]);

  // Classes are (previous break, break]; the first is open below, the last open above.
  const range = (i: number) => {
    const digits = settings.metric === 'count' || settings.metric === 'growth' ? 0 : 1;
    const format = (value: number) => formatDecimal(value, locale, digits);
    const { breaks } = density!;
    if (breaks.length === 0) return `${format(density!.min)} – ${format(density!.max)}`;
    if (i === 0) return `≤ ${format(breaks[0])}`;
    if (i === breaks.length) return `> ${format(breaks[i - 1])}`;
    return `${format(breaks[i - 1])} – ${format(breaks[i])}`;
  };
  return (
    <section aria-labelledby="layers-title" data-testid="layer-panel">
      <h3 id="layers-title">{t('layers')}</h3>
      <label className="check">
        <input type="checkbox" checked={settings.densityVisible} onChange={(e) => settings.update({ densityVisible: e.target.checked })} />
        {t('densityLayer')}
      </label>
      {density === null ? <p className="muted small">{t('densityNeedsData')}</p> : settings.densityVisible && (
        <>
          <div className="form-grid small">
            <label htmlFor="density-metric">{t('metric')}</label>
            <select id="density-metric" value={settings.metric} onChange={(e) => settings.update({ metric: e.target.value as DensityMetric })}>
              {DENSITY_METRICS.map((m) => <option key={m} value={m}>{t(`metric.${m}`)}</option>)}
            </select>
            <label htmlFor="density-level">{t('level')}</label>
            <select id="density-level" value={settings.densityLevel} onChange={(e) => settings.update({ densityLevel: e.target.value as 'county' | 'prefecture' })}>
              <option value="county">{t('counties')}</option><option value="prefecture">{t('prefectures')}</option>
            </select>
            <label htmlFor="density-method">{t('classification')}</label>
            <select id="density-method" value={settings.method} onChange={(e) => settings.update({ method: e.target.value as ClassMethod })}>
              {CLASS_METHODS.map((m) => <option key={m} value={m}>{t(`method.${m}`)}</option>)}
            </select>
            {settings.method === 'manual' && (<>
              <label htmlFor="density-breaks">{t('breaks')}</label>
              <input id="density-breaks" defaultValue={settings.manualBreaks.join(', ')} placeholder="10, 20, 33, 50"
                onBlur={(e) => {
                  const breaks = e.target.value.split(/[,，\s]+/).filter(Boolean).map(Number);
                  if (breaks.length > 0 && breaks.every(Number.isFinite)) settings.update({ manualBreaks: breaks });
                }} />
            </>)}
          </div>
          <table className="legend small" data-testid="density-legend">
            <caption>{t(`metric.${settings.metric}`)}{sampleShown ? ` · ${t('sampleBadge')}` : ''}</caption>
            <tbody>
              {density.counts.map((count, i) => (
                <tr key={i} data-class={i}>
                  <td><span className="swatch" style={{ background: density.colors[i] }} /></td>
                  <td>{range(i)}</td>
                  <td className="muted">{t('areaCount', { count })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {density.target !== undefined && <p className="small">{t('targetLine', { value: density.target })}</p>}
        </>
      )}
    </section>
  );
}
