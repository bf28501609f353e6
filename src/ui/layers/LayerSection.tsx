// One layer's block in the panel: its on/off switch, the data source it draws, and its controls.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerName } from '../../core/layers/types';
import { formatInteger } from '../../core/format';
import { useAtlas } from '../../state/store';

export function LayerSection({ layer, visible, onToggle, children }: { layer: LayerName; visible: boolean; onToggle: (visible: boolean) => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const source = useAtlas((s) => s.layerInfo?.sources[layer]);
  return (
    <section className="layer-section" data-layer={layer} aria-labelledby={`layer-${layer}`}>
      <label className="check layer-title">
        <input type="checkbox" checked={visible} onChange={(e) => onToggle(e.target.checked)} data-testid={`toggle-${layer}`} />
        <span id={`layer-${layer}`}>{t(`overlay.${layer}`)}</span>
        {source?.kind === 'sample' && <span className="badge sample">{t('sampleBadge')}</span>}
      </label>
      {source
        ? <p className="muted small source-line">{t('dataSource', { name: source.kind === 'sample' ? t('sampleBadge') : source.name, rows: formatInteger(source.rows, locale) })}</p>
        : <p className="muted small">{t('noLayerData')}</p>}
      {source && visible && children}
    </section>
  );
}

/** A legend row: a swatch (filled or hollow) and its label. */
export function LegendItem({ colour, label, hollow = false }: { colour: string; label: string; hollow?: boolean }) {
  return (
    <li className="legend-item">
      <span className={hollow ? 'dot hollow' : 'dot'} style={hollow ? { borderColor: colour } : { background: colour }} />
      {label}
    </li>
  );
}
