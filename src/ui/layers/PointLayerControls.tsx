// Villages, relocation sites and scenic areas: what colours their points, and their legends.
import { useTranslation } from 'react-i18next';
import {
  DISTANCE_CLASSES_METERS,
  DISTANCE_COLOURS,
  NO_STATION_COLOUR,
  STATUS_COLOURS,
} from '../../map/overlays';
import { useLayers, type CoverageBasis, type VillageColouring } from '../../state/layers';
import { VILLAGE_COLOURINGS } from '../../core/layerSettings';
import { formatInteger } from '../../core/format';
import { useAtlas } from '../../state/store';
import { LayerSection, LegendItem } from './LayerSection';

function StatusLegend({ modelled }: { modelled: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="legend-list small">
      <LegendItem colour={STATUS_COLOURS.yes} label={modelled ? t('covered') : t('statusYes')} />
      <LegendItem colour={STATUS_COLOURS.no} label={modelled ? t('notCovered') : t('statusNo')} />
      {!modelled && <LegendItem colour={STATUS_COLOURS.unknown} label={t('statusUnknown')} />}
    </ul>
  );
}

export function VillageControls() {
  const { t } = useTranslation();
  const settings = useLayers();
  return (
    <LayerSection
      layer="villages"
      visible={settings.villagesVisible}
      onToggle={(villagesVisible) => settings.update({ villagesVisible })}
    >
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

function BasisSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: CoverageBasis;
  onChange: (basis: CoverageBasis) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-grid small">
      <label htmlFor={id}>{t('basis')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as CoverageBasis)}>
        <option value="reported">{t('basis.reported')}</option>
        <option value="modelled">{t('basis.modelled')}</option>
      </select>
    </div>
  );
}

export function RelocationControls() {
  const { t } = useTranslation();
  const settings = useLayers();
  return (
    <LayerSection
      layer="relocationSites"
      visible={settings.relocationVisible}
      onToggle={(relocationVisible) => settings.update({ relocationVisible })}
    >
      <BasisSelect
        id="relocation-basis"
        value={settings.relocationBasis}
        onChange={(relocationBasis) => settings.update({ relocationBasis })}
      />
      <StatusLegend modelled={settings.relocationBasis === 'modelled'} />
      <ul className="legend-list small">
        <LegendItem colour={STATUS_COLOURS.yes} label={t('relocationNote')} hollow />
      </ul>
    </LayerSection>
  );
}

export function ScenicControls() {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const settings = useLayers();
  const meters = (value: number) => `${formatInteger(value, locale)} m`;
  const labels = [
    `≤ ${meters(DISTANCE_CLASSES_METERS[0])}`,
    `${meters(DISTANCE_CLASSES_METERS[0])} – ${meters(DISTANCE_CLASSES_METERS[1])}`,
    `${meters(DISTANCE_CLASSES_METERS[1])} – ${meters(DISTANCE_CLASSES_METERS[2])}`,
    `> ${meters(DISTANCE_CLASSES_METERS[2])}`,
  ];
  return (
    <LayerSection
      layer="scenicAreas"
      visible={settings.scenicVisible}
      onToggle={(scenicVisible) => settings.update({ scenicVisible })}
    >
      <p className="small">
        {t('nearest5g')}
        {t('aside', { text: t('basis.modelled') })}
      </p>
      <ul className="legend-list small" data-testid="scenic-legend">
        {labels.map((label, i) => (
          <LegendItem key={label} colour={DISTANCE_COLOURS[i]} label={label} />
        ))}
        <LegendItem colour={NO_STATION_COLOUR} label={t('noStation')} />
      </ul>
      <p className="muted small">{t('scenicNote')}</p>
    </LayerSection>
  );
}
