// The layer panel: the choropleth and its ranking, then every data layer (ui/layers/registry.ts),
// each with its switch, source and legend.
import { useTranslation } from 'react-i18next';
import { LAYER_NAMES } from '../../core/layers/registry';
import { ChoroplethControls } from './ChoroplethControls';
import { RankingSection } from './RankingSection';
import { LAYER_UI } from './registry';

export function LayerPanel() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="layers-title" data-testid="layer-panel" className="layer-panel">
      <h3 id="layers-title">{t('layers')}</h3>
      <ChoroplethControls />
      <RankingSection />
      {LAYER_NAMES.map((name) => {
        const { Controls } = LAYER_UI[name];
        return <Controls key={name} />;
      })}
    </section>
  );
}
