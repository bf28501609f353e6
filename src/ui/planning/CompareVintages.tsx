// Compare two vintages of one layer (last quarter's and this quarter's station list, two village
// sheets): the villages, relocation sites and 4A/5A scenic areas newly covered and newly uncovered
// between two stored datasets as of the slider's year, exportable, and the choropleth switched to
// the change from the older dataset to the newer. The engine reads both datasets itself.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mapLayerOfDataset } from '../../core/layers/fromDataset';
import type { LayerName } from '../../core/layers/types';
import { METRICS, type MetricId } from '../../core/metrics';
import { defaultVintagePair, vintageRefusalOf, type VintageComparison } from '../../core/planning/vintages';
import { formatDateTime, formatInteger } from '../../core/format';
import type { DatasetMetadata } from '../../storage/types';
import { hideVintageChange, showVintageChange, useCompareFigures } from '../../state/compare';
import { useDatasets } from '../../state/datasets';
import { getEngine } from '../../state/engine';
import { useLayers } from '../../state/layers';
import { useAtlas } from '../../state/store';
import { downloadTable, SAMPLE_NOTE } from '../downloadTable';
import { ChangeList } from './ChangeList';

/** The metric the change map switches to when the current one does not follow the compared layer. */
const METRIC_OF_LAYER: Record<LayerName, MetricId> = {
  stations: 'stations.count',
  villages: 'villages.fiveG',
  relocationSites: 'relocation.reported',
  scenicAreas: 'scenic.reported',
};
const KINDS = ['village', 'relocationSite', 'scenicArea'] as const;
const KIND_OF_LAYER: Partial<Record<LayerName, (typeof KINDS)[number]>> = {
  villages: 'village',
  relocationSites: 'relocationSite',
  scenicAreas: 'scenicArea',
};

interface Pair {
  older: DatasetMetadata;
  newer: DatasetMetadata;
}
interface Result extends Pair {
  comparison: VintageComparison;
}

function showChange({ comparison, older, newer }: Result): void {
  showVintageChange(comparison.olderFigures, comparison.newerFigures, {
    older: older.name,
    newer: newer.name,
    layer: comparison.layer,
  });
  const { metric, update } = useLayers.getState();
  // Station lists change every modelled metric too; other vintages only their own layer's.
  const followed =
    METRICS[metric].layer === comparison.layer ||
    (comparison.layer === 'stations' && METRICS[metric].modelled);
  if (!followed) update({ metric: METRIC_OF_LAYER[comparison.layer] });
}

export function CompareVintages() {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const asOfYear = useAtlas((s) => s.asOfYear);
  const sources = useAtlas((s) => s.layerInfo?.sources);
  const dataKey = useAtlas((s) =>
    s.layerInfo ? `${JSON.stringify(s.layerInfo.sources)}#${s.layerInfo.stationsVersion}` : '',
  );
  const datasets = useDatasets((s) => s.datasets);
  const changeMapOn = useCompareFigures((s) => s.toFigures !== null);
  const [chosen, setChosen] = useState<{ older?: string; newer?: string }>({});
  const [compared, setCompared] = useState<Pair | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  // Run on 对比, and again when the year or the loaded data change (the targets and figures follow them).
  useEffect(() => {
    if (!compared) {
      setRunning(false);
      return;
    }
    let current = true;
    setError(null);
    setRunning(true);
    getEngine()
      .compareVintages(compared.older.id, compared.newer.id, asOfYear)
      .then(
        (comparison) => {
          if (!current) return;
          setResult({ ...compared, comparison });
          if (useCompareFigures.getState().toFigures !== null) showChange({ ...compared, comparison });
        },
        (failure: unknown) => {
          if (!current) return;
          const refusal = vintageRefusalOf(failure);
          setError(
            refusal
              ? t(`vintage.error.${refusal}`)
              : t('vintage.error.failed', {
                  message: failure instanceof Error ? failure.message : String(failure),
                }),
          );
          setResult(null);
          hideVintageChange();
        },
      )
      .finally(() => {
        if (current) setRunning(false);
      });
    return () => {
      current = false;
    };
  }, [compared, asOfYear, dataKey, t]);

  const comparable = datasets
    .filter((d) => mapLayerOfDataset(d.layer) !== null)
    .sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  const defaults = defaultVintagePair(comparable);
  const older = comparable.find((d) => d.id === chosen.older) ?? defaults?.older ?? comparable[0];
  const layer = older && mapLayerOfDataset(older.layer);
  const sameLayer = comparable.filter((d) => d.id !== older?.id && mapLayerOfDataset(d.layer) === layer);
  const newer =
    sameLayer.find((d) => d.id === chosen.newer) ??
    (defaults?.older === older ? defaults.newer : sameLayer[0]);

  // A result always answers the pair shown: another choice clears it and its change map.
  const choose = (pair: { older?: string; newer?: string }) => {
    setChosen(pair);
    setCompared(null);
    setResult(null);
    setError(null);
    hideVintageChange();
  };
  const dateOf = (d: DatasetMetadata) => formatDateTime(d.importedAt, locale);
  const option = (d: DatasetMetadata) => (
    <option key={d.id} value={d.id}>
      {t('vintage.option', { name: d.name, layer: t(`datasetKind.${d.layer}`), date: dateOf(d) })}
    </option>
  );
  const rows = result?.comparison.rows ?? [];
  const modelled = result?.comparison.layer === 'stations';
  const hasTargets = Boolean(sources?.villages || sources?.relocationSites || sources?.scenicAreas);
  const sample =
    result !== null &&
    (result.older.sample ||
      result.newer.sample ||
      (modelled &&
        [sources?.villages, sources?.relocationSites, sources?.scenicAreas].some(
          (source) => source?.kind === 'sample',
        )));
  const directionOf = (direction = 'covered') => t(`vintage.direction.${direction}`);
  const exportAs = (format: 'csv' | 'xlsx') => {
    if (!result) return;
    const { comparison, older: from, newer: to } = result;
    const table = {
      header: [
        t('compare.kind'),
        t('code'),
        t('rankingName'),
        t('counties'),
        t('vintage.direction'),
        t('compare.basis'),
        'lon_wgs84',
        'lat_wgs84',
      ],
      rows: rows.map((row) => [
        t(`compare.kind.${row.kind}`),
        row.id,
        row.name,
        row.countyName,
        directionOf(row.direction),
        t(`compare.basis.${row.basis}`),
        Number.isFinite(row.lon) ? row.lon.toFixed(5) : '',
        Number.isFinite(row.lat) ? row.lat.toFixed(5) : '',
      ]),
    };
    const notes = [
      t('vintage.title', {
        older: from.name,
        olderDate: dateOf(from),
        newer: to.name,
        newerDate: dateOf(to),
        year: comparison.asOfYear,
      }),
      t(modelled ? 'vintage.note.modelled' : 'vintage.note.reported', { year: comparison.asOfYear }),
      ...(sample ? [SAMPLE_NOTE] : []),
    ];
    void downloadTable(
      table,
      notes,
      `${t('vintage.fileName')}-${from.name}-${to.name}-${comparison.asOfYear}`,
      format,
    );
  };
  const kinds = result ? (modelled ? KINDS : [KIND_OF_LAYER[result.comparison.layer]!]) : [];
  const matching = result?.comparison.matching;

  return (
    <section className="compare" data-testid="compare-vintages" aria-labelledby="vintage-title">
      <h4 id="vintage-title">
        {t('vintage.heading')}
        {sample && <span className="badge sample">{t('sampleBadge')}</span>}
      </h4>
      <div className="form-grid small">
        <label htmlFor="vintage-older">{t('vintage.older')}</label>
        <select
          id="vintage-older"
          value={older?.id ?? ''}
          onChange={(e) => choose({ older: e.target.value })}
          disabled={comparable.length === 0}
        >
          {comparable.map(option)}
        </select>
        <label htmlFor="vintage-newer">{t('vintage.newer')}</label>
        <select
          id="vintage-newer"
          value={newer?.id ?? ''}
          onChange={(e) => choose({ older: older?.id, newer: e.target.value })}
          disabled={sameLayer.length === 0}
        >
          {sameLayer.map(option)}
        </select>
        <span>{t('vintage.asOf')}</span>
        <strong>{t('asOfYearEnd', { year: asOfYear })}</strong>
      </div>
      {!newer && <p className="muted small">{t('vintage.needTwo')}</p>}
      {layer === 'stations' && !hasTargets && <p className="muted small">{t('vintage.noTargets')}</p>}
      <div className="row">
        <button onClick={() => older && newer && setCompared({ older, newer })} disabled={!older || !newer}>
          {running ? t('vintage.running') : t('vintage.run')}
        </button>
        <label className="check small">
          <input
            type="checkbox"
            checked={changeMapOn}
            disabled={!result}
            onChange={(e) => (e.target.checked ? result && showChange(result) : hideVintageChange())}
            data-testid="vintage-map"
          />
          {t('vintage.changeMap')}
        </label>
      </div>
      {error && (
        <p className="error small" role="alert" data-testid="vintage-error">
          {error}
        </p>
      )}
      {result && (
        <div className="small" data-testid="vintage-counts">
          <p>
            {kinds.map((kind) => (
              <span key={kind} className="count">
                {t('vintage.count', {
                  kind: t(`compare.kind.${kind}`),
                  covered: formatInteger(result.comparison.counts[kind].covered, locale),
                  uncovered: formatInteger(result.comparison.counts[kind].uncovered, locale),
                })}
              </span>
            ))}
          </p>
          {matching && (
            <p>
              {t('vintage.matching', {
                added: formatInteger(matching.added, locale),
                dropped: formatInteger(matching.dropped, locale),
              })}
            </p>
          )}
          {matching && matching.statusUnknown > 0 && (
            <p className="muted">{t('vintage.statusUnknown', { count: matching.statusUnknown })}</p>
          )}
          <p className="muted">
            {t(modelled ? 'vintage.note.modelled' : 'vintage.note.reported', {
              year: result.comparison.asOfYear,
            })}
          </p>
        </div>
      )}
      <div className="row">
        <button onClick={() => exportAs('csv')} disabled={rows.length === 0}>
          {t('rankingExportCsv')}
        </button>
        <button onClick={() => exportAs('xlsx')} disabled={rows.length === 0}>
          {t('rankingExportXlsx')}
        </button>
      </div>
      <ChangeList rows={rows} describe={(row) => directionOf(row.direction)} />
    </section>
  );
}
