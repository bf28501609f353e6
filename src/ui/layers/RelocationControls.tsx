// The relocation-site layer: reported or modelled coverage as the colour, and its legend.
import { useTranslation } from 'react-i18next';
import { COVERAGE_BASES, type CoverageBasis } from '../../core/layers/relocationSites';
import { RELOCATION_STATUS_COLOURS } from '../../map/overlays/status';
import { useLayers } from '../../state/layers';
import { LayerSection } from './LayerSection';
import { LegendItem, StatusLegend } from './Legend';

export function RelocationControls() {
  const { t } = useTranslation();
  const settings = useLayers();
  return (
    <LayerSection layer="relocationSites">
      <div className="form-grid small">
        <label htmlFor="relocation-basis">{t('basis')}</label>
        <select
          id="relocation-basis"
          value={settings.relocationBasis}
          onChange={(e) => settings.update({ relocationBasis: e.target.value as CoverageBasis })}
        >
          {COVERAGE_BASES.map((basis) => (
            <option key={basis} value={basis}>
              {t(`basis.${basis}`)}
            </option>
          ))}
        </select>
      </div>
      <StatusLegend modelled={settings.relocationBasis === 'modelled'} colours={RELOCATION_STATUS_COLOURS} />
      <ul className="legend-list small">
        <LegendItem colour={RELOCATION_STATUS_COLOURS.yes} label={t('relocationNote')} hollow />
      </ul>
    </LayerSection>
  );
}
