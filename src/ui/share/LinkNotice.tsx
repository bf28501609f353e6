// The banner over the map when a link (or a slide) names data this browser lacks: each missing
// dataset by name and layer, or the sample with a button to load it. Never an unexplained empty map.
import { useTranslation } from 'react-i18next';
import { loadSample } from '../../state/sample';
import { useAtlas } from '../../state/store';
import { useLinkNotice } from '../../state/urlState';

export function LinkNotice() {
  const { t } = useTranslation();
  const missingDatasets = useLinkNotice((s) => s.missingDatasets);
  const sampleNeeded = useLinkNotice((s) => s.sampleNeeded);
  const sampleMissing = useAtlas((s) => sampleNeeded && s.sample === null);
  const sampleLoading = useAtlas((s) => s.sampleStatus === 'loading');
  if (missingDatasets.length === 0 && !sampleMissing) return null;
  return (
    <div className="link-notice" role="alert" aria-label={t('share.notice')} data-testid="link-notice">
      {missingDatasets.map((missing) => (
        <p key={missing.layer}>
          {t('share.missingDataset', {
            name: missing.name || missing.datasetId,
            layer: t(`overlay.${missing.layer}`),
          })}
        </p>
      ))}
      {missingDatasets.length > 0 && <p className="small">{t('share.missingHint')}</p>}
      {sampleMissing && (
        <p>
          {t('share.sampleNeeded')}{' '}
          <button onClick={() => void loadSample()} disabled={sampleLoading}>
            {t('share.loadSample')}
          </button>
        </p>
      )}
      <button
        className="link-notice-close"
        aria-label={t('share.dismiss')}
        title={t('share.dismiss')}
        onClick={() => useLinkNotice.setState({ missingDatasets: [], sampleNeeded: false })}
      >
        ×
      </button>
    </div>
  );
}
