import { useTranslation } from 'react-i18next';
import { formatPopulation } from '../core/format';
import { useAtlas } from '../state/store';

export interface HoverState { adcode: string; x: number; y: number }

export function HoverTooltip({ adcode, x, y }: HoverState) {
  const { t } = useTranslation();
  const area = useAtlas((s) => s.areas.get(adcode));
  const locale = useAtlas((s) => s.locale);
  if (!area) return null;
  return (
    <div className="tooltip" style={{ left: x + 14, top: y + 14 }} role="tooltip">
      <strong>{area.name}</strong>
      <span>{area.prefectureName}</span>
      <span>{formatPopulation(area.population2020, locale)} {t('persons')}{area.populationEstimated ? `（${t('estimate')}）` : ''}</span>
    </div>
  );
}
