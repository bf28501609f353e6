// The scenic-area layer: its legend, the distance to the nearest 5G station in classes.
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../core/format';
import { DISTANCE_CLASSES_METERS, DISTANCE_COLOURS, NO_STATION_COLOUR } from '../../map/overlays/scenicAreas';
import { useAtlas } from '../../state/store';
import { LayerSection } from './LayerSection';
import { LegendItem } from './Legend';

export function ScenicControls() {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const meters = (value: number) => `${formatInteger(value, locale)} m`;
  const labels = [
    `≤ ${meters(DISTANCE_CLASSES_METERS[0])}`,
    `${meters(DISTANCE_CLASSES_METERS[0])} – ${meters(DISTANCE_CLASSES_METERS[1])}`,
    `${meters(DISTANCE_CLASSES_METERS[1])} – ${meters(DISTANCE_CLASSES_METERS[2])}`,
    `> ${meters(DISTANCE_CLASSES_METERS[2])}`,
  ];
  return (
    <LayerSection layer="scenicAreas">
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
