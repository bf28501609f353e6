// The map's "preparing layers" status: shown while a layer refresh runs in the engine worker
// (src/state/layerData.ts) or while MapLibre still parses, tiles and draws data it was given
// (`mapPreparing`, from MapController.onPreparingChange). Zooming into a county sends the single
// stations, which takes MapLibre many seconds in software rendering: this says so until they are drawn.
//
// The live region stays in the page and only its text changes, so screen readers hear it; the box
// fades in after a moment (styles.css), so a quick year step does not flash it.
import { useTranslation } from 'react-i18next';
import { useLayerLoading } from '../state/layerData';

export function LoadingIndicator({ mapPreparing }: { mapPreparing: boolean }) {
  const { t } = useTranslation();
  const refreshing = useLayerLoading((s) => s.refreshing);
  const loading = refreshing || mapPreparing;
  return (
    <div className="layer-loading-region" role="status">
      {loading && (
        <span className="layer-loading" data-testid="layer-loading">
          <span className="spinner" aria-hidden="true" />
          {t('phone.preparingLayers')}
        </span>
      )}
    </div>
  );
}
