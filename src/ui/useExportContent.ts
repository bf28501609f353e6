// What an exported map says, from the state the screen shows: a default title (area and metric) and
// subtitle (year, level, data source), the choropleth's legend rows from the same classification
// as the side panel's legend (useChoropleth), the source line with today's date, and the sample
// notice whenever the sample feeds any layer.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { legendRows } from '../core/export/legend';
import { formatDecimal } from '../core/format';
import { METRICS } from '../core/metrics';
import { useLayers } from '../state/layers';
import { useAtlas } from '../state/store';
import { NO_DATA_COLOUR, useChoropleth } from './layers/useChoropleth';
import type { ExportContent } from './exportMapFile';

/** The dark green inner outline the map draws around areas meeting the target (map/layers.ts). */
const TARGET_MET_COLOUR = '#14532d';

export function useExportContent(): ExportContent {
  const { t } = useTranslation();
  const view = useChoropleth();
  const { choroplethVisible, metric: metricId, choroplethLevel } = useLayers();
  const locale = useAtlas((s) => s.locale);
  const asOfYear = useAtlas((s) => s.asOfYear);
  const sources = useAtlas((s) => s.layerInfo?.sources);
  const area = useAtlas((s) => (s.selectedAdcode ? s.areas.get(s.selectedAdcode)?.name : undefined));
  return useMemo(() => {
    const metric = METRICS[metricId];
    const sourceName = (kind: 'sample' | 'dataset', name: string) =>
      kind === 'sample' ? t('export.sampleSource') : name;
    const metricSource = view?.vintages
      ? `${view.vintages.older} → ${view.vintages.newer}`
      : sources?.[metric.layer] && sourceName(sources[metric.layer]!.kind, sources[metric.layer]!.name);
    const allSources = [...new Set(Object.values(sources ?? {}).map((s) => sourceName(s.kind, s.name)))];
    const year =
      view?.fromYear !== undefined
        ? t('changeLegend', { from: view.fromYear, to: asOfYear })
        : t('asOfYearEnd', { year: asOfYear });
    const format = (value: number) => formatDecimal(value, locale, metric.digits);
    const legend =
      choroplethVisible && view
        ? {
            caption: `${view.vintages ? `${t('vintage.changeLegend', { older: view.vintages.older, newer: view.vintages.newer })} · ` : view.fromYear !== undefined ? `${t('changeLegend', { from: view.fromYear, to: asOfYear })} · ` : ''}${t(`metric.${metric.id}`)}（${t(`unit.${metric.unit}`)}）`,
            rows: legendRows(
              view,
              format,
              { noData: t('noValue'), targetMet: (value) => t('export.targetMet', { value }) },
              NO_DATA_COLOUR,
              TARGET_MET_COLOUR,
            ).map((row) => ({ ...row, countText: t('areaCount', { count: row.count }) })),
          }
        : null;
    return {
      title: t('export.defaultTitle', {
        area: area ?? t('export.province'),
        metric: t(`metric.${metric.id}`),
      }),
      subtitle: t('export.subtitle', {
        year,
        level: t(choroplethLevel === 'county' ? 'counties' : 'prefectures'),
        source: metricSource || t('layerSourceNone'),
      }),
      footer: t('export.footer', {
        data: allSources.join('、') || t('layerSourceNone'),
        sources: t('sources'),
        app: t('appTitle'),
        date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date()),
      }),
      notice: Object.values(sources ?? {}).some((s) => s.kind === 'sample') ? t('export.sampleNotice') : null,
      legend,
    };
  }, [t, view, choroplethVisible, metricId, choroplethLevel, locale, asOfYear, sources, area]);
}
