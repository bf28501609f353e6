// What a checklist shows: the county's (or one township's) villages from the engine as of the
// year slider, numbered per township, the county outline for the map, and where each layer's data
// come from (the village sheet, and the stations the coverage model uses).
import { useTranslation } from 'react-i18next';
import { checklistTownships, layerSourcesText } from '../../core/export/fieldChecklist';
import { useDatasets } from '../../state/datasets';
import { useAtlas } from '../../state/store';
import { useEngineQuery } from '../useEngineQuery';
import { countyOutline } from './countyOutline';
import { sourceWords } from './words';

export function useChecklist(countyAdcode: string, township: string | null) {
  const asOfYear = useAtlas((s) => s.asOfYear);
  // The figures are replaced whenever the loaded data change (an import, an edit): ask again then.
  const figures = useAtlas((s) => s.figures);
  const hasVillages = useAtlas((s) => Boolean(s.layerInfo?.sources.villages));
  const query = useEngineQuery(
    hasVillages
      ? async (engine) => {
          const [list, outline] = await Promise.all([
            engine.villageList({
              adcode: countyAdcode,
              township: township ?? undefined,
              asOfYear,
              sort: { key: 'code' },
            }),
            countyOutline(countyAdcode),
          ]);
          return { townships: checklistTownships(list.rows), total: list.total, outline };
        }
      : null,
    [countyAdcode, township, asOfYear, figures, hasVillages],
  );
  return { ...query, hasVillages, asOfYear };
}

/** "村：villages.xlsx（导入 2026-12-01）；基站：示例数据 / sample data", and whether any layer is the sample. */
export function useLayerSources(): { text: string; sample: boolean } {
  const { t } = useTranslation();
  const sources = useAtlas((s) => s.layerInfo?.sources);
  const datasets = useDatasets((s) => s.datasets);
  const layers = (['villages', 'stations'] as const).map((layer) => {
    const source = sources?.[layer];
    const dataset = source?.datasetId ? datasets.find((d) => d.id === source.datasetId) : undefined;
    return {
      layer: t(`checklist.layer.${layer}`),
      source: source && {
        kind: source.kind,
        name: source.name,
        sourceFile: dataset?.sourceFile,
        importedAt: dataset?.importedAt,
      },
    };
  });
  return {
    text: layerSourcesText(layers, sourceWords(t)),
    sample: layers.some((l) => l.source?.kind === 'sample'),
  };
}
