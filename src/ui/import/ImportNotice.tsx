// What the last import did to the map: "the village layer now shows <dataset>", with an undo that
// puts back the layer's previous source, and a close button. Shown inside the import dialog once
// the dataset is saved and, after the dialog closes, over the map until dismissed.
import { useTranslation } from 'react-i18next';
import {
  dismissImportNotice,
  undoLayerSwitch,
  useImportNotice,
  type LayerSwitch,
} from '../../state/importNotice';
import { useDatasets } from '../../state/datasets';
import { useAtlas } from '../../state/store';
import '../importFlow.css';

export function ImportNotice({ floating }: { floating: boolean }) {
  const { t } = useTranslation();
  const notice = useImportNotice((s) => s.notice);
  const previous = usePreviousName(notice);
  if (!notice) return null;
  const layer = t(`overlay.${notice.layer}`);
  return (
    <div
      className={floating ? 'import-notice floating' : 'import-notice'}
      role="status"
      data-testid="import-layer-notice"
    >
      <p>
        {notice.undone
          ? t('importFlow.undone', { layer, previous })
          : t('importFlow.switched', { layer, name: notice.name })}
      </p>
      <div className="row">
        {!notice.undone && <button onClick={() => void undoLayerSwitch()}>{t('importFlow.undo')}</button>}
        <button
          className="import-notice-close"
          aria-label={t('importFlow.dismiss')}
          title={t('importFlow.dismiss')}
          onClick={dismissImportNotice}
        >
          ×
        </button>
      </div>
    </div>
  );
}

/** How the layer's previous source is named: the sample (when loaded), a dataset, or no data. */
function usePreviousName(notice: LayerSwitch | null): string {
  const { t } = useTranslation();
  const sampleLoaded = useAtlas((s) => s.sample !== null);
  const previous = notice?.previous;
  const datasetName = useDatasets((s) =>
    typeof previous === 'object' && previous !== null
      ? s.datasets.find((d) => d.id === previous.datasetId)?.name
      : undefined,
  );
  if (previous === null) return t('importFlow.previousNone');
  if (previous === undefined || previous === 'sample')
    return sampleLoaded ? t('sampleBadge') : t('importFlow.previousNone');
  return datasetName ?? t('importFlow.previousNone');
}
