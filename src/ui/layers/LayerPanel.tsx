// The layer panel: the choropleth, then the four data layers, each with its switch, source and legend.
import { useTranslation } from 'react-i18next';
import { ChoroplethControls } from './ChoroplethControls';
import { RankingSection } from './RankingSection';
import { StationControls } from './StationControls';
import { RelocationControls, ScenicControls, VillageControls } from './PointLayerControls';

export function LayerPanel() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="layers-title" data-testid="layer-panel" className="layer-panel">
      <h3 id="layers-title">{t('layers')}</h3>
      <ChoroplethControls />
      <RankingSection />
      <StationControls />
      <VillageControls />
      <RelocationControls />
      <ScenicControls />
    </section>
  );
}
