// The import dialog: one screen per step of the import state machine (src/state/imports.ts).
// Closed, it leaves the notice of where the last import landed over the map.
import { useTranslation } from 'react-i18next';
import { mapLayerOfDataset } from '../../core/layers/fromDataset';
import { useImport, cancelImport } from '../../state/imports';
import { FailedStep } from './FailedStep';
import { ImportNotice } from './ImportNotice';
import { MappingStep } from './MappingStep';
import { ReportStep } from './ReportStep';
import { ServerReport } from '../team/TeamImport';

export function ImportDialog() {
  const { t } = useTranslation();
  const state = useImport((s) => s.state);
  if (state.step === 'idle') return <ImportNotice floating />;
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && cancelImport()}>
      <div
        className="dialog wide"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        data-testid="import-dialog"
      >
        <h2 id="import-title">{t('importTitle')}</h2>
        {state.step === 'reading' && (
          <>
            <p>{t('importReading', { file: state.fileName })}</p>
            <progress
              aria-label={t('importReading', { file: state.fileName })}
              max={1}
              value={state.fraction}
              data-testid="import-progress"
            />
            <div className="row">
              <button onClick={cancelImport}>{t('cancel')}</button>
            </div>
          </>
        )}
        {state.step === 'mapping' && <MappingStep state={state} />}
        {state.step === 'report' && <ReportStep state={state} />}
        {state.step === 'saved' && (
          <>
            <p role="status" data-testid="import-saved">
              {t('importSaved', { name: state.metadata.name, rows: state.metadata.rowCount })}
            </p>
            {state.server && <ServerReport server={state.server} />}
            {state.switching ? (
              <p className="small muted">{t('importFlow.switching')}</p>
            ) : mapLayerOfDataset(state.metadata.layer) ? (
              <ImportNotice floating={false} />
            ) : (
              <p className="small muted">{t('importFlow.noLayer')}</p>
            )}
            <div className="row">
              <button onClick={cancelImport} autoFocus>
                {t('close')}
              </button>
            </div>
          </>
        )}
        {state.step === 'failed' && <FailedStep state={state} />}
      </div>
    </div>
  );
}
