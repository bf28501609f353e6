// The village layer: what colours the points (a reported status, or the modelled 5G) and its legend.
import { useTranslation } from 'react-i18next';
import { VILLAGE_COLOURINGS, type VillageColouring } from '../../core/layers/villages';
import { useLayers } from '../../state/layers';
import { useAtlas } from '../../state/store';
import { formatInteger } from '../../core/format';
import type { AreaFigures } from '../../core/metrics';
import { LayerSection } from './LayerSection';
import { StatusLegend } from './Legend';

export function VillageControls() {
  const { t } = useTranslation();
  const settings = useLayers();
  return (
    <LayerSection layer="villages">
      <div className="form-grid small">
        <label htmlFor="village-colouring">{t('colouring')}</label>
        <select
          id="village-colouring"
          value={settings.villageColouring}
          onChange={(e) => settings.update({ villageColouring: e.target.value as VillageColouring })}
        >
          {VILLAGE_COLOURINGS.map((c) => (
            <option key={c} value={c}>
              {t(`village.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <StatusLegend modelled={settings.villageColouring === 'fiveGModelled'} />
      <p className="muted small">{t('villagesNote')}</p>
    </LayerSection>
  );
}

/** How many of the area's villages the team has edited, verified in the field or disputed. */
export function VillageTrackingCounts({ figures }: { figures: AreaFigures }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const { villagesEdited, villagesVerified, villagesDisputed } = figures;
  if (villagesEdited + villagesVerified + villagesDisputed === 0) return null;
  return (
    <p className="small" data-testid="area-village-tracking">
      {t('tracking.areaCounts', {
        edited: formatInteger(villagesEdited, locale),
        verified: formatInteger(villagesVerified, locale),
        disputed: formatInteger(villagesDisputed, locale),
      })}
    </p>
  );
}
