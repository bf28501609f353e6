// The selected area's facts (name, code, prefecture, 2020 population, area, density), its metrics
// against the plan and, for a county, its township table.
import { useTranslation } from 'react-i18next';
import { formatDecimal, formatInteger, formatPopulation } from '../core/format';
import type { AreaRecord } from '../core/areas';
import { useAtlas } from '../state/store';
import { AreaMetrics } from './AreaMetrics';
import { AreaName } from './AreaName';
import { TownshipTable } from './TownshipTable';
import { focusArea } from '../state/mapIntents';
import { openVillageList } from '../state/villageList';

export function AreaPanel({ area }: { area: AreaRecord }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const select = useAtlas((s) => s.select);
  const hasVillages = useAtlas((s) => Boolean(s.layerInfo?.sources.villages));
  return (
    <section className="area-panel" aria-labelledby="area-name" data-testid="area-panel">
      <h2 id="area-name">
        <AreaName adcode={area.adcode} name={area.name} />
      </h2>
      <dl>
        <dt>{t('code')}</dt>
        <dd data-testid="area-code">{area.adcode}</dd>
        {area.level === 'county' && (
          <>
            <dt>{t('prefecture')}</dt>
            <dd>
              <button className="link" onClick={() => select(area.prefectureAdcode)}>
                <AreaName adcode={area.prefectureAdcode} name={area.prefectureName} />
              </button>
            </dd>
          </>
        )}
        <dt>{t('population')}</dt>
        <dd data-testid="area-population">
          {formatInteger(area.population2020, locale)} {t('persons')}
          <span className="muted">{t('aside', { text: formatPopulation(area.population2020, locale) })}</span>
        </dd>
        <dt>{t('area')}</dt>
        <dd data-testid="area-km2">
          {formatDecimal(area.areaKm2, locale, 1)} {t('km2')}
        </dd>
        <dt>{t('density')}</dt>
        <dd>
          {formatDecimal(area.densityPerKm2, locale, 1)} {t('perKm2')}
        </dd>
        {area.level === 'prefecture' && (
          <>
            <dt>{t('countyCount')}</dt>
            <dd>{area.countyAdcodes.length}</dd>
          </>
        )}
      </dl>
      <AreaMetrics area={area} />
      {area.level === 'county' && <TownshipTable countyAdcode={area.adcode} />}
      {hasVillages && (
        <button className="village-list-open" onClick={() => openVillageList(area.adcode)}>
          {t('villageList.open')}
        </button>
      )}
      <div className="row">
        <button onClick={() => focusArea(area.adcode)}>
          {t('zoomTo')} {area.name}
        </button>
        <button onClick={() => select(null)}>{t('clearSelection')}</button>
      </div>
    </section>
  );
}
