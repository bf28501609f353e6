// Legend rows the layers' controls share: a swatch (filled or hollow) with its label, and the
// yes / no / unknown rows of a status colouring (the map's status colours).
import { useTranslation } from 'react-i18next';
import { STATUS_COLOURS, type StatusColours } from '../../map/overlays/status';

export function LegendItem({
  colour,
  label,
  hollow = false,
}: {
  colour: string;
  label: string;
  hollow?: boolean;
}) {
  return (
    <li className="legend-item">
      <span
        className={hollow ? 'dot hollow' : 'dot'}
        style={hollow ? { borderColor: colour } : { background: colour }}
      />
      {label}
    </li>
  );
}

/** Covered / not covered for a modelled colouring; yes / no / unknown for a reported status (a layer's colours). */
export function StatusLegend({
  modelled,
  colours = STATUS_COLOURS,
}: {
  modelled: boolean;
  colours?: StatusColours;
}) {
  const { t } = useTranslation();
  return (
    <ul className="legend-list small">
      <LegendItem colour={colours.yes} label={modelled ? t('covered') : t('statusYes')} />
      <LegendItem colour={colours.no} label={modelled ? t('notCovered') : t('statusNo')} />
      {!modelled && <LegendItem colour={colours.unknown} label={t('statusUnknown')} />}
    </ul>
  );
}
