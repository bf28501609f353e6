// The scorecard tab: the plan's indicators against the loaded data, province-wide, the measurable
// ones first; each spatial one opens onto its prefectures and counties, laggards first.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_STATION_FILTER, type StationFilter } from '../../core/layers/stationFilter';
import { buildScorecard } from '../../core/summary/scorecard';
import { useLayers } from '../../state/layers';
import { useAtlas } from '../../state/store';
import { IndicatorRows } from './IndicatorRows';

const filterIsOn = (filter: StationFilter) =>
  filter.operators.length > 0 || filter.bands.length > 0 || filter.fromYear !== NO_STATION_FILTER.fromYear;

export function ScorecardPanel() {
  const { t } = useTranslation();
  const figures = useAtlas((s) => s.figures);
  const areas = useAtlas((s) => s.areas);
  const asOfYear = useAtlas((s) => s.asOfYear);
  const sources = useAtlas((s) => s.layerInfo?.sources);
  const stationFilterOn = useLayers((s) => filterIsOn(s.filter));
  const scorecard = useMemo(
    () => buildScorecard({ figures, areas, asOfYear, sources: sources ?? {} }),
    [figures, areas, asOfYear, sources],
  );
  const measurable = scorecard.rows.filter((row) => row.measurable);
  const notMeasurable = scorecard.rows.filter((row) => !row.measurable);
  const anyLoaded = measurable.some((row) => row.lines.some((line) => line.layerLoaded));
  const fromSample = measurable.some((row) => row.lines.some((line) => line.sample && line.value !== null));
  return (
    <section aria-labelledby="scorecard-title" data-testid="scorecard-panel" className="scorecard">
      <h3 id="scorecard-title">
        {t('tab.scorecard')}
        {fromSample && <span className="badge sample">{t('sampleBadge')}</span>}
      </h3>
      <p className="small muted">{t('scorecard.intro')}</p>
      <p className="small" data-testid="scorecard-as-of">
        <strong>{t('scorecard.asOf', { year: scorecard.asOfYear })}</strong>
      </p>
      {!anyLoaded && <p className="note">{t('scorecard.noData')}</p>}
      {stationFilterOn && (
        <p className="note" data-testid="scorecard-filter-note">
          {t('scorecard.filterNote')}
        </p>
      )}
      <table className="scorecard-table">
        <caption>{t('scorecard.measurable')}</caption>
        {measurable.map((row) => (
          <IndicatorRows key={row.indicator.id} row={row} asOfYear={scorecard.asOfYear} />
        ))}
      </table>
      <p className="small muted">{t('scorecard.modelledFootnote')}</p>
      <table className="scorecard-table">
        <caption>{t('scorecard.notMeasurableHeading')}</caption>
        {notMeasurable.map((row) => (
          <IndicatorRows key={row.indicator.id} row={row} asOfYear={scorecard.asOfYear} />
        ))}
      </table>
    </section>
  );
}
