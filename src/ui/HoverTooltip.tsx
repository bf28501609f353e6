// What is under the pointer: a data point (its name, key status as the map colours it, read from
// the feature's properties, and its county) when one is drawn there, else the area: its name,
// prefecture, population and the choropleth's current metric (for the prefecture when the
// choropleth is by prefecture), with a station cell's count when the pointer is on one.
import { useTranslation } from 'react-i18next';
import { formatDecimal, formatInteger, formatPopulation } from '../core/format';
import { statusAt, UNKNOWN_CATEGORY } from '../core/layers/encoding';
import { METRICS } from '../core/metrics';
import { useInspect, type HoveredPoint } from '../state/inspect';
import { useLayers } from '../state/layers';
import { useAtlas } from '../state/store';
import type { HoverState } from '../state/mapIntents';
import { AreaName } from './AreaName';
import { distanceText } from './InspectFields';

export function HoverTooltip(props: HoverState) {
  const point = useInspect((s) => s.hovered);
  // Cells cover much of the map at low zooms: they add their count to the area's tooltip.
  if (point?.kind === 'stationCells') return <AreaTooltip {...props} cell={point} />;
  return point ? <PointTooltip point={point} adcode={props.adcode} /> : <AreaTooltip {...props} />;
}

function PointTooltip({ point, adcode }: { point: HoveredPoint; adcode: string }) {
  const { t } = useTranslation();
  const { title, lines } = usePointLines(point);
  const area = useAtlas((s) => s.areas.get(adcode));
  return (
    <div
      className="tooltip"
      style={{ left: point.x + 14, top: point.y + 14 }}
      role="tooltip"
      data-testid="point-tooltip"
    >
      <strong lang="zh-CN">{title}</strong>
      {lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
      {area && (
        <span>
          <AreaName adcode={area.adcode} name={area.name} /> ·{' '}
          <AreaName adcode={area.prefectureAdcode} name={area.prefectureName} />
        </span>
      )}
      {point.together > 1 && (
        <span className="tooltip-hint">{t('inspect.together', { count: point.together })}</span>
      )}
      <span className="tooltip-hint">{t('inspect.hoverHint')}</span>
    </div>
  );
}

function AreaTooltip({ adcode, x, y, cell }: HoverState & { cell?: HoveredPoint }) {
  const { t } = useTranslation();
  const area = useAtlas((s) => s.areas.get(adcode));
  const locale = useAtlas((s) => s.locale);
  const { metric: metricId, choroplethLevel, choroplethVisible } = useLayers();
  const shownArea = useAtlas((s) =>
    area && choroplethLevel === 'prefecture' ? s.areas.get(area.prefectureAdcode) : area,
  );
  const figures = useAtlas((s) => (shownArea ? s.figures.get(shownArea.adcode) : undefined));
  if (!area) return null;
  const metric = METRICS[metricId];
  const value = figures && shownArea && choroplethVisible ? metric.value(figures, shownArea) : undefined;
  return (
    <div className="tooltip" style={{ left: x + 14, top: y + 14 }} role="tooltip" data-testid="hover-tooltip">
      <strong>
        <AreaName adcode={area.adcode} name={area.name} />
      </strong>
      <span>
        <AreaName adcode={area.prefectureAdcode} name={area.prefectureName} />
      </span>
      <span>
        {formatPopulation(area.population2020, locale)} {t('persons')}
      </span>
      {value !== undefined && (
        <span className="tooltip-metric">
          {choroplethLevel === 'prefecture' ? `${shownArea!.name} · ` : ''}
          {t('labelled', { label: t(`metric.${metric.id}`) })}
          <strong>{Number.isFinite(value) ? formatDecimal(value, locale, metric.digits) : '—'}</strong>
          {metric.unit === 'percent' ? '%' : ` ${t(`unit.${metric.unit}`)}`}
        </span>
      )}
      {cell && (
        <>
          <span className="tooltip-metric">
            {t('labelled', { label: t('inspect.cell') })}
            <strong>
              {t('inspect.cellCount', { count: formatInteger(Number(cell.properties.n), locale) })}
            </strong>
          </span>
          <span className="tooltip-hint">{t('inspect.cellHint')}</span>
        </>
      )}
    </div>
  );
}

/** Feature property of each reported village status (src/core/layers/villages.ts). */
const VILLAGE_PROPERTY = { fiber: 'f', gigabit: 'g', fourG: 'q', fiveG: 'v' } as const;

/** The tooltip's title and lines for a point, from its feature properties (one-letter names). */
function usePointLines({ kind, properties: p }: HoveredPoint): { title: string; lines: string[] } {
  const { t } = useTranslation();
  const asOfYear = useAtlas((s) => s.asOfYear);
  const locale = useAtlas((s) => s.locale);
  const info = useAtlas((s) => s.layerInfo);
  const { villageColouring, relocationBasis } = useLayers();
  const number = (name: string) => Number(p[name]);
  const yesNo = (flag: 0 | 1 | 255) => t(`inspect.value.${flag === 255 ? 'unknown' : flag ? 'yes' : 'no'}`);
  const modelled = (name: string) => {
    const first = number(name);
    return first !== 0 && first <= asOfYear ? 1 : 0;
  };
  const labelled = (label: string, value: string) => `${t('labelled', { label })}${value}`;
  const name = String(p.n ?? '');
  if (kind === 'stations') {
    const label = (labels: readonly string[] | undefined, code: number) =>
      code === UNKNOWN_CATEGORY ? t('inspect.unknown') : (labels?.[code] ?? t('inspect.unknown'));
    const technology = number('t') === 0 ? '5G' : '4G';
    const year = number('y');
    return {
      title: t('inspect.unnamedStation', { operator: label(info?.operators, number('o')), technology }),
      lines: [
        labelled(t('inspect.band'), label(info?.bands, number('b'))),
        labelled(t('inspect.buildYear'), year > 0 ? t('inspect.year', { year }) : t('inspect.unknown')),
      ],
    };
  }
  if (kind === 'villages') {
    const value =
      villageColouring === 'fiveGModelled'
        ? yesNo(modelled('m'))
        : yesNo(statusAt(number(VILLAGE_PROPERTY[villageColouring]), asOfYear));
    return { title: name, lines: [labelled(t(`village.${villageColouring}`), value)] };
  }
  const covered =
    relocationBasis === 'modelled' && kind === 'relocationSites'
      ? modelled('m')
      : statusAt(number('r'), asOfYear);
  const coverage = labelled(
    t('inspect.status.covered') +
      t('aside', { text: t(`basis.${kind === 'relocationSites' ? relocationBasis : 'reported'}`) }),
    yesNo(covered),
  );
  if (kind === 'relocationSites') return { title: name, lines: [coverage] };
  const meters = number('d');
  const distance = meters < 0 ? t('inspect.noStation') : distanceText(meters, t, locale);
  return {
    title: p.l ? name + t('aside', { text: String(p.l) }) : name,
    lines: [labelled(t('inspect.nearest5g'), distance), coverage],
  };
}
