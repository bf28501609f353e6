// The user's own datasets kept in this browser: name, layer, rows, when and from which file they
// came, in which datum; rename, delete, export. Names are shown as text, never as markup.
// CSV and XLSX exports are written for people: headings in the UI language, the county's code and
// name, statuses in words (see core/export/datasetTable's datasetTableForPeople).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTY_COLUMNS, DATASET_COLUMN_NAMES, type DatasetWords } from '../core/export/datasetTable';
import { formatDateTime, formatInteger } from '../core/format';
import {
  deleteStoredDataset,
  exportStoredDataset,
  refreshDatasets,
  renameStoredDataset,
  useDatasets,
} from '../state/datasets';
import { useAtlas } from '../state/store';
import { countiesInIndexOrder } from '../core/areas';
import type { DatasetMetadata } from '../storage/types';
import { openStatusEditor } from '../state/tracking';
import { mapLayerOfDataset } from '../core/layers/fromDataset';
import type { TrackedLayerName } from '../core/layers/tracking';
import { ServerDatasetLine, SyncButton, TeamSyncStatus } from './team/ServerDataset';

const EDITABLE_LAYERS: readonly string[] = [
  'villages',
  'relocationSites',
  'scenicAreas',
] satisfies TrackedLayerName[];

export function DatasetManager() {
  const { t } = useTranslation();
  const datasets = useDatasets((s) => s.datasets);
  const error = useDatasets((s) => s.storageError);
  useEffect(() => {
    void refreshDatasets();
  }, []);
  return (
    <div data-testid="dataset-manager">
      <TeamSyncStatus />
      {error && (
        <p className="error" role="alert">
          {t(`storageError.${error.code}`)}
        </p>
      )}
      {datasets.length === 0 ? (
        <p className="muted small">{t('noDatasets')}</p>
      ) : (
        <ul className="datasets">
          {datasets.map((d) => (
            <DatasetRow key={d.id} dataset={d} />
          ))}
        </ul>
      )}
    </div>
  );
}

function DatasetRow({ dataset }: { dataset: DatasetMetadata }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const shortfall = useDatasets((s) => s.exportShortfall);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(dataset.name);
  const importedAt = formatDateTime(dataset.importedAt, locale);
  const exportWords = (): DatasetWords => ({
    headings: Object.fromEntries(
      [...DATASET_COLUMN_NAMES, ...COUNTY_COLUMNS].map((name) => [name, t(`exports.field.${name}`)]),
    ),
    status: {
      yes: t('exports.status.yes'),
      no: t('exports.status.no'),
      unknown: t('exports.status.unknown'),
    },
    counties: countiesInIndexOrder(useAtlas.getState().areas.values()).map(({ adcode, name }) => ({
      adcode,
      name,
    })),
  });
  return (
    <li className="dataset" data-testid="dataset-row">
      {editing ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void renameStoredDataset(dataset.id, name).then(() => setEditing(false));
          }}
        >
          <input
            aria-label={t('datasetName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
          <button type="submit">{t('save')}</button>
          <button
            type="button"
            onClick={() => {
              setName(dataset.name);
              setEditing(false);
            }}
          >
            {t('cancel')}
          </button>
        </form>
      ) : (
        <strong className="dataset-name">{dataset.name}</strong>
      )}
      <span className="small muted">
        {t(`datasetKind.${dataset.layer}`)} · {t('rows', { value: formatInteger(dataset.rowCount, locale) })}{' '}
        · {importedAt} · {dataset.sourceFile} · {dataset.datum.toUpperCase()}
      </span>
      {dataset.origin && <ServerDatasetLine origin={dataset.origin} />}
      <div className="row small">
        {EDITABLE_LAYERS.includes(dataset.layer) && (
          <button
            onClick={() =>
              openStatusEditor({
                layer: mapLayerOfDataset(dataset.layer) as TrackedLayerName,
                datasetId: dataset.id,
                datasetName: dataset.name,
              })
            }
          >
            {t('editStatus')}
          </button>
        )}
        {dataset.origin ? (
          <SyncButton datasetId={dataset.id} />
        ) : (
          <>
            <button onClick={() => setEditing(true)}>{t('rename')}</button>
            <button
              onClick={() => {
                if (confirm(t('confirmDelete', { name: dataset.name }))) void deleteStoredDataset(dataset.id);
              }}
            >
              {t('delete')}
            </button>
          </>
        )}
        {(['csv', 'geojson', 'xlsx'] as const).map((format) => (
          <button key={format} onClick={() => void exportStoredDataset(dataset.id, format, exportWords())}>
            {format.toUpperCase()}
          </button>
        ))}
      </div>
      {shortfall?.datasetId === dataset.id && (
        <p className="note" role="status" data-testid="export-shortfall">
          {t('export.rowsLeftOut', {
            format: shortfall.format.toUpperCase(),
            count: shortfall.rowsLeftOut,
            left: formatInteger(shortfall.rowsLeftOut, locale),
            total: formatInteger(shortfall.rowCount, locale),
          })}
        </p>
      )}
    </li>
  );
}
