// The legend a slide plays with, for the back of the room: the choropleth's classes as an exported
// map draws them (the same rows: core/export/legend.ts through useExportContent) and a key for each
// layer drawn (operators or the ~10 km cells, statuses, distances to 5G), in the UI's language.
// The presentation keeps the map's fitted region clear of it (its width is reserved).
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../core/format';
import { LAYER_NAMES, LAYERS, type LayerName } from '../../core/layers/registry';
import type { LayerSettings } from '../../core/layerSettings';
import { DISTANCE_CLASSES_METERS, DISTANCE_COLOURS, NO_STATION_COLOUR } from '../../map/overlays/scenicAreas';
import {
  CELL_COLOUR,
  OPERATOR_COLOURS,
  STATION_POINT_MIN_ZOOM,
  UNKNOWN_OPERATOR_COLOUR,
} from '../../map/overlays/stations';
import { RELOCATION_STATUS_COLOURS, STATUS_COLOURS } from '../../map/overlays/status';
import { useLayers } from '../../state/layers';
import { useMapIntents } from '../../state/mapIntents';
import { useAtlas } from '../../state/store';
import { METRICS } from '../../core/metrics';
import { useChoropleth } from '../layers/useChoropleth';
import { useExportContent } from '../useExportContent';

interface KeyItem {
  colour: string;
  label: string;
  /** Drawn as a ring (an outline on the map), not a filled swatch. */
  outline?: boolean;
}
interface KeySection {
  id: string;
  title: string;
  items: KeyItem[];
}

const NONE: readonly string[] = [];

function useLayerKeys(): KeySection[] {
  const { t } = useTranslation();
  const settings = useLayers();
  const sources = useAtlas((s) => s.layerInfo?.sources);
  const operators = useAtlas((s) => s.layerInfo?.operators ?? NONE);
  const locale = useAtlas((s) => s.locale);
  const zoom = useMapIntents((s) => s.camera?.view.zoom ?? 0);
  const status = (modelled: boolean, colours = STATUS_COLOURS): KeyItem[] =>
    modelled
      ? [
          { colour: colours.yes, label: t('covered') },
          { colour: colours.no, label: t('notCovered') },
        ]
      : [
          { colour: colours.yes, label: t('statusYes') },
          { colour: colours.no, label: t('statusNo') },
          { colour: colours.unknown, label: t('statusUnknown') },
        ];
  const meters = (value: number) => `${formatInteger(value, locale)} m`;
  const [near, middle, far] = DISTANCE_CLASSES_METERS;
  const items: Record<LayerName, () => KeyItem[]> = {
    stations: () =>
      zoom < STATION_POINT_MIN_ZOOM
        ? [{ colour: CELL_COLOUR, label: t('present.key.cells') }]
        : (settings.filter.operators.length ? settings.filter.operators : operators).map((name) => ({
            colour: OPERATOR_COLOURS[name] ?? UNKNOWN_OPERATOR_COLOUR,
            label: name,
          })),
    villages: () => status(settings.villageColouring === 'fiveGModelled'),
    relocationSites: () => status(settings.relocationBasis === 'modelled', RELOCATION_STATUS_COLOURS),
    scenicAreas: () => [
      { colour: DISTANCE_COLOURS[0], label: `≤ ${meters(near)}` },
      { colour: DISTANCE_COLOURS[1], label: `${meters(near)} – ${meters(middle)}` },
      { colour: DISTANCE_COLOURS[2], label: `${meters(middle)} – ${meters(far)}` },
      { colour: DISTANCE_COLOURS[3], label: `> ${meters(far)}` },
      { colour: NO_STATION_COLOUR, label: t('noStation') },
    ],
  };
  const titles: Partial<Record<LayerName, string>> = {
    scenicAreas: `${t('overlay.scenicAreas')} · ${t('nearest5g')}`,
  };
  return LAYER_NAMES.filter(
    (name) => sources?.[name] && settings[LAYERS[name].settings.visible as keyof LayerSettings] === true,
  ).map((name) => ({ id: name, title: titles[name] ?? t(`overlay.${name}`), items: items[name]() }));
}

/** The choropleth's heading: what changed (in a comparison), the metric and its unit, in the UI's language. */
function useChoroplethCaption(): string {
  const { t } = useTranslation();
  const view = useChoropleth();
  const metric = METRICS[useLayers((s) => s.metric)];
  const asOfYear = useAtlas((s) => s.asOfYear);
  const change = view?.vintages
    ? t('vintage.changeLegend', { older: view.vintages.older, newer: view.vintages.newer })
    : view?.fromYear !== undefined
      ? t('changeLegend', { from: view.fromYear, to: asOfYear })
      : '';
  const caption = t('present.legendCaption', {
    metric: t(`metric.${metric.id}`),
    unit: t(`unit.${metric.unit}`),
  });
  return change ? `${change} · ${caption}` : caption;
}

export function SlideLegend({ ref }: { ref: Ref<HTMLElement> }) {
  const { t } = useTranslation();
  // The rows an exported map draws (core/export/legend.ts); the heading set for the UI's language.
  const choropleth = useExportContent().legend;
  const caption = useChoroplethCaption();
  const keys = useLayerKeys();
  const sections: KeySection[] = [
    ...(choropleth
      ? [
          {
            id: 'choropleth',
            title: caption,
            items: choropleth.rows.map((row) => ({
              colour: row.colour,
              label: row.range,
              outline: row.outline,
            })),
          },
        ]
      : []),
    ...keys,
  ];
  return (
    <aside
      ref={ref}
      className="presentation-legend"
      aria-label={t('present.legend')}
      hidden={sections.length === 0}
      data-testid="presentation-legend"
    >
      {sections.map((section) => (
        <section key={section.id} data-key={section.id}>
          <h2>{section.title}</h2>
          <ul className={section.id === 'choropleth' ? 'classes' : 'keys'}>
            {section.items.map((item) => (
              <li key={item.label}>
                <span
                  className={item.outline ? 'swatch outline' : 'swatch'}
                  style={item.outline ? { borderColor: item.colour } : { background: item.colour }}
                  aria-hidden="true"
                />
                {item.label}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
