// The planning tab's gap list: in the selected area or the current map view, as of the slider's
// year, the villages, relocation sites and 4A/5A scenic areas without modelled 5G, without a
// report, or where report and model disagree; the disagreements first, then the whole list with
// filters by kind and reason. Computed in the engine worker, and only while the section is on
// screen (the tab is hidden otherwise), so a year step elsewhere does not wait for it. A picked
// row is flown to and ringed on the map; one without a position selects its county instead.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bounds } from '../../core/areas';
import {
  filterGapRows,
  GAP_KINDS,
  GAP_REASONS,
  type GapKind,
  type GapReason,
  type GapRow,
} from '../../core/planning/gapList';
import { formatInteger } from '../../core/format';
import { useAtlas } from '../../state/store';
import { focusPoint, highlightGap, selectArea, useMapIntents } from '../../state/mapIntents';
import { DisagreementList } from './DisagreementList';
import { GapTable } from './GapTable';
import { useGapRows } from './useGapRows';

const SAMPLE_NOTE = '示例数据 / sample data';
const FLY_ZOOM = 12.5;
type ScopeMode = 'area' | 'view';

function useShown() {
  const ref = useRef<HTMLElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const observer = new IntersectionObserver(([entry]) => setShown(entry.isIntersecting));
    observer.observe(ref.current!);
    return () => observer.disconnect();
  }, []);
  return { ref, shown };
}

export function GapList() {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const asOfYear = useAtlas((s) => s.asOfYear);
  const selected = useAtlas((s) => (s.selectedAdcode ? s.areas.get(s.selectedAdcode) : undefined));
  const sample = useAtlas((s) =>
    Object.values(s.layerInfo?.sources ?? {}).some((source) => source?.kind === 'sample'),
  );
  const hasTargets = useAtlas((s) =>
    Boolean(
      s.layerInfo?.sources.villages ||
      s.layerInfo?.sources.relocationSites ||
      s.layerInfo?.sources.scenicAreas,
    ),
  );
  const [mode, setMode] = useState<ScopeMode>('area');
  const [bounds, setBounds] = useState<Bounds | null>(null);
  const [kind, setKind] = useState<GapKind | ''>('');
  const [reason, setReason] = useState<GapReason | ''>('');
  const { ref, shown } = useShown();
  const [chosen, setChosen] = useState<GapRow | null>(null);

  const takeView = () => setBounds(useMapIntents.getState().camera?.bounds ?? null);
  const chooseMode = (next: ScopeMode) => {
    setMode(next);
    if (next === 'view') takeView();
  };
  const scope =
    mode === 'area' ? (selected ? { adcode: selected.adcode } : null) : bounds ? { bounds } : null;
  const { result, loading, error } = useGapRows(hasTargets ? scope : null, shown);
  const allRows = useMemo(() => result?.rows ?? [], [result]);
  const rows = useMemo(
    () => filterGapRows(allRows, { kind: kind || undefined, reason: reason || undefined }),
    [allRows, kind, reason],
  );
  // The ring follows the picked row while the list holds it (a new list holds new row objects).
  const picked =
    chosen &&
    allRows.find((row) => row.kind === chosen.kind && row.index === chosen.index && row.name === chosen.name);
  useEffect(() => {
    highlightGap(picked && Number.isFinite(picked.lon) ? picked : null);
  }, [picked]);
  useEffect(() => () => highlightGap(null), []);
  const choose = (row: GapRow) => {
    setChosen(row);
    if (Number.isFinite(row.lon)) {
      focusPoint(row.lon, row.lat, FLY_ZOOM);
      return;
    }
    if (useAtlas.getState().areas.has(row.countyAdcode)) selectArea(row.countyAdcode);
  };
  const tableProps = {
    showCounty: !(mode === 'area' && selected?.level === 'county'),
    chosen: picked ?? null,
    onChoose: choose,
  };

  const scopeName = mode === 'area' ? (selected?.name ?? '') : t('gaps.scopeView');
  const notes = [
    ...(sample ? [SAMPLE_NOTE] : []),
    t('gaps.exportNote', { scope: scopeName, year: asOfYear }),
    t('modelledNote'),
  ];
  const fileName = (base: string) =>
    `${t(base)}-${mode === 'area' ? scopeName : 'view'}-${asOfYear}`.replace(/[\\/:*?"<>|]/g, '_');

  return (
    <section ref={ref} className="gaps" aria-labelledby="gaps-title" data-testid="gap-list">
      <h4 id="gaps-title">
        {t('gaps.title')}
        {sample && <span className="badge sample">{t('sampleBadge')}</span>}
      </h4>
      <div role="radiogroup" aria-label={t('gaps.scopeLabel')} className="row small">
        {(['area', 'view'] as const).map((option) => (
          <label key={option} className="check">
            <input
              type="radio"
              name="gap-scope"
              checked={mode === option}
              onChange={() => chooseMode(option)}
            />
            {t(option === 'area' ? 'gaps.scopeArea' : 'gaps.scopeView')}
          </label>
        ))}
        {mode === 'view' && (
          <button type="button" onClick={takeView}>
            {t('gaps.viewRetake')}
          </button>
        )}
      </div>
      {!hasTargets ? (
        <p className="muted small">{t('gaps.noData')}</p>
      ) : mode === 'area' && !selected ? (
        <p className="muted small" data-testid="gap-select-hint">
          {t('gaps.selectHint')}
        </p>
      ) : (
        <>
          <p className="small" data-testid="gap-summary">
            <strong>{t('gaps.heading', { scope: scopeName, year: asOfYear })}</strong>
            {' · '}
            {loading ? t('gaps.loading') : t('gaps.count', { value: formatInteger(allRows.length, locale) })}
            {result && (
              <span className="muted">
                {' '}
                · {t('gaps.workerMs', { ms: Math.round(result.timings.totalMs) })}
              </span>
            )}
          </p>
          {mode === 'view' && <p className="muted small">{t('gaps.viewTaken')}</p>}
          {error && (
            <p className="note" role="alert">
              {t('gaps.error', { message: error })}
            </p>
          )}
          {result && !result.stationsLoaded && <p className="note">{t('gaps.noStations')}</p>}
          <p className="muted small">
            {t('modelledNote')} {t('gaps.scenicNote')}
          </p>
          {result && (
            <DisagreementList
              rows={allRows}
              fileName={fileName('gaps.disagreementsFileName')}
              notes={notes}
              {...tableProps}
            />
          )}
          {result && (
            <section className="gap-part" aria-labelledby="gap-rows-title">
              <h5 id="gap-rows-title">{t('gaps.allRows')}</h5>
              <div className="form-grid small">
                <label htmlFor="gap-kind">{t('gaps.kindFilter')}</label>
                <select id="gap-kind" value={kind} onChange={(e) => setKind(e.target.value as GapKind | '')}>
                  <option value="">{t('gaps.all')}</option>
                  {GAP_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`gaps.kind.${k}`)}
                    </option>
                  ))}
                </select>
                <label htmlFor="gap-reason">{t('gaps.reasonFilter')}</label>
                <select
                  id="gap-reason"
                  value={reason}
                  onChange={(e) => setReason(e.target.value as GapReason | '')}
                >
                  <option value="">{t('gaps.all')}</option>
                  {GAP_REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`gaps.reason.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
              <p className="small muted" data-testid="gap-shown">
                {t('gaps.shown', {
                  shown: formatInteger(rows.length, locale),
                  total: formatInteger(allRows.length, locale),
                })}
              </p>
              {allRows.length === 0 ? (
                <p className="small">{t('gaps.none')}</p>
              ) : (
                <GapTable
                  rows={rows}
                  variant="gaps"
                  initialSort={{ key: 'nearest5g', descending: true }}
                  fileName={fileName('gaps.fileName')}
                  notes={notes}
                  testId="gap-table"
                  {...tableProps}
                />
              )}
            </section>
          )}
        </>
      )}
    </section>
  );
}
