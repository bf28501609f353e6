// The 5G station layer: operators (their colours are the legend), band, build years, 4G points and
// the modelled-coverage discs. Every change is one filter the map, the figures and the model share.
// Also the station counts the area summary shows above the layer's metrics.
import { FIRST_BUILD_YEAR, PLAN_LAST_YEAR, yearsBetween } from '../../core/planYears';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../core/format';
import { UNKNOWN_CATEGORY } from '../../core/layers/encoding';
import type { AreaFigures } from '../../core/metrics';
import { OPERATOR_COLOURS, UNKNOWN_OPERATOR_COLOUR } from '../../map/overlays/stations';
import { useLayers } from '../../state/layers';
import { useAtlas } from '../../state/store';
import { LayerSection } from './LayerSection';

const FIRST_YEARS = yearsBetween(FIRST_BUILD_YEAR, PLAN_LAST_YEAR);
// One shared empty list: a selector returning a fresh [] would re-render without end.
const NONE: readonly string[] = [];

export function StationControls() {
  const { t } = useTranslation();
  const settings = useLayers();
  const { filter } = settings;
  const operators = useAtlas((s) => s.layerInfo?.operators ?? NONE);
  const bands = useAtlas((s) => s.layerInfo?.bands ?? NONE);
  const setFilter = (change: Partial<typeof filter>) => settings.update({ filter: { ...filter, ...change } });
  const toggleOperator = (name: string, on: boolean) => {
    const chosen = filter.operators.length ? filter.operators : [...operators];
    const next = on ? [...chosen, name] : chosen.filter((o) => o !== name);
    setFilter({ operators: next.length === operators.length ? [] : next });
  };
  return (
    <LayerSection layer="stations">
      <fieldset className="plain small">
        <legend>{t('operators')}</legend>
        <ul className="legend-list" data-testid="operator-legend">
          {operators.map((name) => (
            <li key={name} className="legend-item">
              <label className="check">
                <input
                  type="checkbox"
                  checked={filter.operators.length === 0 || filter.operators.includes(name)}
                  onChange={(e) => toggleOperator(name, e.target.checked)}
                />
                <span
                  className="dot"
                  style={{ background: OPERATOR_COLOURS[name] ?? UNKNOWN_OPERATOR_COLOUR }}
                />
                {name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="form-grid small">
        <label htmlFor="station-band">{t('band')}</label>
        <select
          id="station-band"
          value={filter.bands[0] ?? ''}
          onChange={(e) => setFilter({ bands: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">{t('allBands')}</option>
          {bands.map(
            (band, code) =>
              code !== UNKNOWN_CATEGORY && (
                <option key={band} value={band}>
                  {band}
                </option>
              ),
          )}
        </select>
        <label htmlFor="station-from">{t('builtFrom')}</label>
        <select
          id="station-from"
          value={filter.fromYear}
          onChange={(e) => setFilter({ fromYear: Number(e.target.value) })}
        >
          <option value={0}>{t('anyYear')}</option>
          {FIRST_YEARS.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      <label className="check small">
        <input
          type="checkbox"
          checked={settings.fourGVisible}
          onChange={(e) => settings.update({ fourGVisible: e.target.checked })}
        />
        {t('showFourG')}
      </label>
      <label className="check small">
        <input
          type="checkbox"
          checked={settings.discsVisible}
          onChange={(e) => settings.update({ discsVisible: e.target.checked })}
          data-testid="toggle-discs"
        />
        {t('discs')}
      </label>
      <p className="muted small">{t('cellsNote')}</p>
    </LayerSection>
  );
}

/** An area's 5G and 4G stations on air (passing the filter). */
export function StationCounts({ figures }: { figures: AreaFigures }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  return (
    <p className="small" data-testid="area-station-counts">
      5G <strong data-testid="area-5g-count">{formatInteger(figures.stations5g, locale)}</strong> · 4G{' '}
      <strong data-testid="area-4g-count">{formatInteger(figures.stations4g, locale)}</strong>{' '}
      {t('unit.stations')}
    </p>
  );
}
