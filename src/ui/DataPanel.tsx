// The data section of the side panel: load or clear the seeded sample, and say plainly what it is.
// While nothing is loaded the load button sits at the top of the panel instead (App's start card),
// so there is only ever one of it.
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../core/format';
import { clearSample, loadSample } from '../state/sample';
import { useAtlas } from '../state/store';
import { DatasetManager } from './DatasetManager';
import { startImportOnDemand } from './import/importOnDemand';

const ACCEPTED_FILES = '.csv,.txt,.xlsx,.geojson,.json,.kml,.zip';

/** Neither the sample nor a stored dataset feeds any layer: the panel leads with the sample button. */
export const useNothingLoaded = () =>
  useAtlas(
    (s) =>
      s.sample === null &&
      !Object.values(s.layerInfo?.sources ?? {}).some((source) => source?.kind === 'dataset'),
  );

/** Loads the sample (or says it is being generated), and says when that failed. */
export function SampleButton({ className }: { className?: string }) {
  const { t } = useTranslation();
  const status = useAtlas((s) => s.sampleStatus);
  return (
    <>
      <button className={className} onClick={() => void loadSample()} disabled={status === 'loading'}>
        {status === 'loading' ? t('sampleLoading') : t('loadSample')}
      </button>
      {status === 'error' && (
        <p className="error" role="alert">
          {t('sampleError')}
        </p>
      )}
    </>
  );
}

export function DataPanel() {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const sample = useAtlas((s) => s.sample);
  const nothingLoaded = useNothingLoaded();
  return (
    <section aria-labelledby="data-title" data-testid="data-panel">
      <h3 id="data-title">{t('data')}</h3>
      <label className="button">
        {t('importFile')}
        <input
          type="file"
          accept={ACCEPTED_FILES}
          className="visually-hidden"
          data-testid="import-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void startImportOnDemand(file);
          }}
        />
      </label>
      <h3>{t('myDatasets')}</h3>
      <DatasetManager />
      <h3>{t('sampleHeading')}</h3>
      {sample ? (
        <>
          <p className="sample-note">
            <span className="badge sample">{t('sampleBadge')}</span> {t('sampleExplained')}
          </p>
          <ul className="plain small" data-testid="sample-counts">
            <li>
              {t('sample5g', { count: sample.stations5g, value: formatInteger(sample.stations5g, locale) })}
            </li>
            <li>{t('sample4g', { value: formatInteger(sample.stations4g, locale) })}</li>
            <li>{t('sampleVillages', { value: formatInteger(sample.villages, locale) })}</li>
            <li>{t('samplePlaces', { relocation: sample.relocationSites, scenic: sample.scenicAreas })}</li>
          </ul>
          <button onClick={() => void clearSample()}>{t('clearSample')}</button>
        </>
      ) : nothingLoaded ? (
        <p className="muted small">{t('phone.sampleAbove')}</p>
      ) : (
        <>
          <p className="muted small">{t('noData')}</p>
          <SampleButton />
        </>
      )}
    </section>
  );
}
