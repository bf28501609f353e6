// A village's or site's statuses as they stand, in the inspector: each editable field's value now
// (marked when an edit, a field check or a dispute stands behind it, with who and when on hover),
// what the sheet said, the edit history, and the button that opens the status editor on it.
import { useTranslation } from 'react-i18next';
import type { TrackedLayerName } from '../core/layers/tracking';
import { kindOf } from '../core/tracking/edits';
import { useAtlas } from '../state/store';
import { openStatusEditor, useTracking } from '../state/tracking';
import { FlagText, statusWord } from './trackingWords';
import { useEngineQuery } from './useEngineQuery';
import './tracking.css';

export function RowTracking({ layer, row }: { layer: TrackedLayerName; row: number }) {
  const { t } = useTranslation();
  const asOfYear = useAtlas((s) => s.asOfYear);
  const editsVersion = useTracking((s) => s.editsVersion);
  const { data } = useEngineQuery(
    async (engine) => {
      const tracked = await engine.trackedRow(layer, row, asOfYear);
      const history = tracked?.datasetId ? await engine.editHistory(tracked.datasetId, tracked.rowKey) : [];
      return { tracked, history };
    },
    [layer, row, asOfYear, editsVersion],
  );
  const tracked = data?.tracked;
  if (!tracked) return null;
  const { datasetId } = tracked;
  return (
    <section className="row-tracking" data-testid="inspector-tracking">
      <h3>{t('tracking.nowCaption', { year: asOfYear })}</h3>
      <table className="status-now small">
        <thead>
          <tr>
            <th scope="col">{t('statusField')}</th>
            <th scope="col">{t('tracking.current')}</th>
            <th scope="col">{t('tracking.reported')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(tracked.fields).map(([field, cell]) => (
            <tr key={field} data-field={field}>
              <th scope="row">{t(`status.${field}`)}</th>
              <td>
                <FlagText cell={cell} />
              </td>
              <td>{statusWord(t, cell.reported)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {datasetId ? (
        <button
          className="primary"
          data-testid="inspector-edit"
          onClick={() =>
            openStatusEditor({ layer, datasetId, datasetName: tracked.sourceName, rowKey: tracked.rowKey })
          }
        >
          {t('editStatus')}
        </button>
      ) : (
        <p className="muted small">{t('tracking.sampleNotEditable')}</p>
      )}
      {data.history.length > 0 && (
        <>
          <h3>{t('history')}</h3>
          <ol className="history small">
            {data.history.map((edit) => (
              <li key={edit.key}>
                <strong>{edit.date}</strong> · {t(`status.${edit.field}`)} ·{' '}
                {t(`tracking.kind.${kindOf(edit)}`)}：
                {edit.value === null ? t('unknown') : edit.value ? t('yes') : t('no')}
                {edit.note ? ` · ${edit.note}` : ''}
                <span className="muted"> · {edit.author || t('tracking.anonymous')}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
