// A spatial indicator's prefectures, then counties, laggards first (the order comes from
// core/summary/scorecard.ts); a click selects the area and zooms the map to it. The lists are
// drawn only while open: nine indicators' worth of 97 rows would otherwise sit in the page.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanIndicator } from '../../core/summary/planIndicators';
import type { AreaValue, ScorecardLine } from '../../core/summary/scorecard';
import { useAtlas } from '../../state/store';
import { selectArea } from '../../state/mapIntents';
import { formatNumber, withUnit } from './formatIndicator';

type Level = 'prefecture' | 'county';

export function AreaLaggards({
  indicator,
  line,
  unitLabel,
}: {
  indicator: PlanIndicator;
  line: ScorecardLine;
  unitLabel: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const lists = line.areas!;
  return (
    <details className="scorecard-areas" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('scorecard.areas', { unit: indicator.unit === 'percent' ? '%' : unitLabel })}</summary>
      {open && (
        <>
          <AreaList
            level="prefecture"
            values={lists.prefectures}
            without={lists.prefecturesWithoutValue}
            indicator={indicator}
          />
          <AreaList
            level="county"
            values={lists.counties}
            without={lists.countiesWithoutValue}
            indicator={indicator}
          />
        </>
      )}
    </details>
  );
}

/** Values without their unit (it is in the summary), except the percent sign. */
function AreaList({
  level,
  values,
  without,
  indicator,
}: {
  level: Level;
  values: AreaValue[];
  without: number;
  indicator: PlanIndicator;
}) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const areas = useAtlas((s) => s.areas);
  const selectedAdcode = useAtlas((s) => s.selectedAdcode);
  const choose = (adcode: string) => {
    selectArea(adcode);
  };
  const { unit } = indicator;
  return (
    <>
      <h4>
        {t(level === 'county' ? 'scorecard.counties' : 'scorecard.prefectures', { count: values.length })}
      </h4>
      <ol className="scorecard-area-list" data-level={level}>
        {values.map((v, k) => {
          const area = areas.get(v.adcode);
          return (
            <li
              key={v.adcode}
              data-adcode={v.adcode}
              data-value={v.value}
              className={v.adcode === selectedAdcode ? 'selected' : undefined}
            >
              <span className="rank muted">{k + 1}</span>
              <button
                className="link"
                onClick={() => choose(v.adcode)}
                title={area && level === 'county' ? area.prefectureName : undefined}
              >
                {area?.name ?? v.adcode}
              </button>
              <span className={v.reached ? 'meets' : indicator.target2025 === null ? undefined : 'short'}>
                {withUnit(formatNumber(v.value, unit, locale, true), unit, '')}
                {v.reached && ' ✓'}
              </span>
            </li>
          );
        })}
      </ol>
      {without > 0 && <p className="small muted">{t('scorecard.withoutValue', { count: without })}</p>}
    </>
  );
}
