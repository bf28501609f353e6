// The nine prefectures, each a button that selects it and zooms the map to it.
import { useTranslation } from 'react-i18next';
import { formatPopulation } from '../core/format';
import { useAtlas } from '../state/store';
import { selectArea } from '../state/mapIntents';
import { AreaName } from './AreaName';

export function PrefectureList() {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const areas = useAtlas((s) => s.areas);
  const selectedAdcode = useAtlas((s) => s.selectedAdcode);
  const prefectures = [...areas.values()].filter((a) => a.level === 'prefecture');
  return (
    <nav aria-label={t('prefectures')}>
      <h3>{t('prefectures')}</h3>
      <ul className="prefecture-list">
        {prefectures.map((p) => (
          <li key={p.adcode}>
            <button
              aria-pressed={selectedAdcode === p.adcode}
              data-adcode={p.adcode}
              onClick={() => {
                selectArea(p.adcode);
              }}
            >
              <span>
                <AreaName adcode={p.adcode} name={p.name} />
              </span>
              <span className="muted">{formatPopulation(p.population2020, locale)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
