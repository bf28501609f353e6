// What the engine says is loaded, as the exports and the metric rows need it: each layer's source
// named for the line at the top of an export, and the stations a modelled metric lacks.
import { useTranslation } from 'react-i18next';
import type { Technology } from '../core/coverage/types';
import type { LayerName } from '../core/layers/registry';
import { missingStations, NO_STATIONS, type Metric, type StationCounts } from '../core/metrics';
import { sourceNote, type LayerSourceName, type SourceNoteWords } from '../core/export/sourceNote';
import { useDatasets } from '../state/datasets';
import { useAtlas } from '../state/store';
import type { LayerInfo } from '../worker/layerView';

/** Assumed when an engine does not count the stations per technology. */
const UNCOUNTED: StationCounts = { '5G': Infinity, '4G': Infinity };

/** Stations per technology; none without a station layer. The same object while nothing changes. */
export function stationCountsOf(info: LayerInfo | null | undefined): StationCounts {
  if (!info?.sources.stations) return NO_STATIONS;
  return info.stationCounts ?? UNCOUNTED;
}

/** The technology whose stations the metric needs and lacks (null when it has them or needs none). */
export const useMissingStations = (metric: Pick<Metric, 'id' | 'modelled'> | undefined): Technology | null =>
  useAtlas((s) => (metric ? missingStations(metric, stationCountsOf(s.layerInfo)) : null));

export function useSourceWords(): SourceNoteWords {
  const { t } = useTranslation();
  return {
    lead: t('exports.sources.lead'),
    notLoaded: t('exports.sources.notLoaded'),
    colon: t('exports.sources.colon'),
    separator: t('exports.sources.separator'),
  };
}

/**
 * The layers with their sources, in words: a dataset by its current name (renamed since it was
 * chosen) and its file; two datasets compared as vintages by both names.
 */
export function useLayerSourceNames(
  layers: readonly LayerName[],
  vintages?: { older: string; newer: string; layer: LayerName } | null,
): LayerSourceName[] {
  const { t } = useTranslation();
  const sources = useAtlas((s) => s.layerInfo?.sources);
  const datasets = useDatasets((s) => s.datasets);
  return layers.map((layer) => {
    const label = t(`exports.layer.${layer}`);
    if (vintages?.layer === layer)
      return { layer: label, source: { kind: 'dataset', name: `${vintages.older} → ${vintages.newer}` } };
    const source = sources?.[layer];
    if (!source) return { layer: label };
    const dataset = datasets.find((d) => d.id === source.datasetId);
    return {
      layer: label,
      source: { kind: source.kind, name: dataset?.name ?? source.name, sourceFile: dataset?.sourceFile },
    };
  });
}

/** The line naming each layer's source, e.g. "数据来源：村：villages.csv；基站：示例数据 / sample data". */
export function useSourceNote(
  layers: readonly LayerName[],
  vintages?: { older: string; newer: string; layer: LayerName } | null,
): string {
  return sourceNote(useLayerSourceNames(layers, vintages), useSourceWords());
}
