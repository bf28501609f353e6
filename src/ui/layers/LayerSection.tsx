// One layer's block in the panel: its on/off switch (the setting its core module names), the data
// source it draws, and its controls, shown while the layer has data and is on.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LAYERS, type LayerName } from '../../core/layers/registry';
import { mapLayerOfDataset } from '../../core/layers/fromDataset';
import type { LayerSettings } from '../../core/layerSettings';
import { formatInteger } from '../../core/format';
import { useDatasets } from '../../state/datasets';
import { setLayerSource, useLayerSources } from '../../state/layerSources';
import { useLayers } from '../../state/layers';
import { useAtlas } from '../../state/store';

export function LayerSection({ layer, children }: { layer: LayerName; children?: ReactNode }) {
  const { t } = useTranslation();
  const setting = LAYERS[layer].settings.visible as keyof LayerSettings;
  const visible = useLayers((s) => s[setting] === true);
  const locale = useAtlas((s) => s.locale);
  const source = useAtlas((s) => s.layerInfo?.sources[layer]);
  // A dataset renamed since it was chosen shows its new name.
  const datasetName = useDatasets(
    (s) => s.datasets.find((d) => d.id === source?.datasetId)?.name ?? source?.name,
  );
  return (
    <section className="layer-section" data-layer={layer} aria-labelledby={`layer-${layer}`}>
      <label className="check layer-title">
        <input
          type="checkbox"
          checked={visible}
          onChange={(e) => useLayers.getState().update({ [setting]: e.target.checked })}
          data-testid={`toggle-${layer}`}
        />
        <span id={`layer-${layer}`}>{t(`overlay.${layer}`)}</span>
        {source?.kind === 'sample' && <span className="badge sample">{t('sampleBadge')}</span>}
      </label>
      <SourceSelect layer={layer} />
      {source ? (
        <p className="muted small source-line">
          {t('dataSource', {
            name: source.kind === 'sample' ? t('sampleBadge') : datasetName,
            rows: formatInteger(source.rows, locale),
          })}
        </p>
      ) : (
        <p className="muted small">{t('noLayerData')}</p>
      )}
      {source && visible && children}
    </section>
  );
}

/** Where the layer's rows come from: the sample (when loaded), a stored dataset of its kind, or none. */
function SourceSelect({ layer }: { layer: LayerName }) {
  const { t } = useTranslation();
  const sampleLoaded = useAtlas((s) => s.sample !== null);
  const datasets = useDatasets((s) => s.datasets);
  const choice = useLayerSources((s) => s.choices[layer]);
  const note = useLayerSources((s) => s.notes[layer]);
  const fitting = datasets.filter((d) => mapLayerOfDataset(d.layer) === layer);
  const value =
    choice === null
      ? 'none'
      : choice === undefined || choice === 'sample'
        ? sampleLoaded
          ? 'sample'
          : 'none'
        : choice.datasetId;
  // Chosen, but not (or no longer) in the list: kept as an option while the engine checks it.
  const unlisted = value !== 'none' && value !== 'sample' && !fitting.some((d) => d.id === value);
  const choose = (value: string) =>
    void setLayerSource(
      layer,
      value === 'none' ? null : value === 'sample' ? 'sample' : { datasetId: value },
    );
  return (
    <>
      <div className="form-grid small source-select">
        <label htmlFor={`source-${layer}`}>{t('layerSource')}</label>
        <select
          id={`source-${layer}`}
          value={value}
          onChange={(e) => choose(e.target.value)}
          data-testid={`source-${layer}`}
        >
          {sampleLoaded && <option value="sample">{t('sampleBadge')}</option>}
          {fitting.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
          {unlisted && <option value={value}>…</option>}
          <option value="none">{t('layerSourceNone')}</option>
        </select>
      </div>
      {note && (
        <p className="muted small source-line" data-testid={`source-note-${layer}`}>
          {t(note === 'missing' ? 'layerSourceMissing' : 'layerSourceFailed')}
        </p>
      )}
    </>
  );
}
