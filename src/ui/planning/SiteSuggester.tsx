// The site suggester: where K new 5G stations of one modelled radius would cover the most targets
// (villages, relocation sites, 4A/5A scenic areas) in the selected area, or the province, that are
// uncovered as reported, as modelled, or either (the planner's choice; either by default). It runs
// in the engine worker with a progress bar; the picks go to the map as numbered markers with their
// discs, the targets as rings, and to SitePicks for the list, the curve and the exports.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_RADIUS_METERS } from '../../core/coverage/radius';
import { SUGGEST_TARGET_BASES, type SuggestTargetBasis } from '../../core/coverage/suggest';
import { formatInteger } from '../../core/format';
import { getEngine } from '../../state/engine';
import { useAtlas } from '../../state/store';
import type { SuggestResult } from '../../worker/suggestView';
import { showSuggestedSites, showSuggestTargets } from '../../state/mapIntents';
import { SitePicks } from './SitePicks';
import { TargetBasisChoice } from './SuggestTargets';

/** The 3.5/2.6 GHz rural radius: a new rural site is most often a mid-band macro. */
const DEFAULT_NEW_SITE_RADIUS_METERS = DEFAULT_RADIUS_METERS['5G-mid'].rural;
const MAX_SITES = 200;

export function SiteSuggester() {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const asOfYear = useAtlas((s) => s.asOfYear);
  const scope = useAtlas((s) => (s.selectedAdcode ? (s.areas.get(s.selectedAdcode) ?? null) : null));
  const sources = useAtlas((s) => s.layerInfo?.sources);
  const dataKey = useAtlas((s) =>
    s.layerInfo ? `${JSON.stringify(s.layerInfo.sources)}#${s.layerInfo.stationsVersion}` : '',
  );
  const [k, setK] = useState('10');
  const [radius, setRadius] = useState(String(DEFAULT_NEW_SITE_RADIUS_METERS));
  const [weighted, setWeighted] = useState(false);
  const [targetBasis, setTargetBasis] = useState<SuggestTargetBasis>(SUGGEST_TARGET_BASES[0]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<SuggestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useRef(0);

  // Picks made on other data would mislead: a new data set clears them (and a run still going).
  useEffect(() => {
    run.current++;
    setResult(null);
    setProgress(null);
  }, [dataKey]);
  const markers = useMemo(
    () =>
      result &&
      result.picks.map((pick) => ({
        rank: pick.rank,
        lon: pick.lon,
        lat: pick.lat,
        radiusMeters: result.request.radiusMeters,
        label: t('suggest.markerLabel', { rank: pick.rank, gain: formatInteger(pick.gain, locale) }),
      })),
    [result, t, locale],
  );
  useEffect(() => showSuggestedSites(markers), [markers]);
  useEffect(() => showSuggestTargets(result?.targetPoints ?? null), [result]);

  const sites = Number(k),
    radiusMeters = Number(radius);
  const valid =
    Number.isInteger(sites) && sites >= 1 && sites <= MAX_SITES && radiusMeters > 0 && radiusMeters <= 50_000;
  const hasTargets = Boolean(sources?.villages || sources?.relocationSites || sources?.scenicAreas);
  const sample = result
    ? result.sample
    : Object.values(sources ?? {}).some((source) => source?.kind === 'sample');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const id = ++run.current;
    // Progress comes over its own message channel and may arrive after the answer: ignore it then.
    let finished = false;
    setError(null);
    setProgress({ done: 0, total: 1 });
    try {
      const request = {
        scope: scope ? { adcode: scope.adcode } : ('province' as const),
        asOfYear,
        k: sites,
        radiusMeters,
        weighted,
        targetBasis,
      };
      const answer = await getEngine().suggestSites(request, (done, total) => {
        if (!finished && run.current === id) setProgress({ done, total });
      });
      if (run.current === id) setResult(answer);
    } catch (failure) {
      if (run.current === id) setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      finished = true;
      if (run.current === id) setProgress(null);
    }
  };

  return (
    <section className="site-suggester" aria-labelledby="suggest-title" data-testid="site-suggester">
      <h4 id="suggest-title">
        {t('suggest.title')}
        <span className="badge">{t('suggest.modelled')}</span>
        {sample && <span className="badge sample">{t('sampleBadge')}</span>}
      </h4>
      <p className="muted small" data-testid="suggest-scope">
        {t('suggestTargets.scope', { name: scope?.name ?? t('suggest.province'), year: asOfYear })}
      </p>
      <form onSubmit={(event) => void submit(event)} className="suggest-form">
        <TargetBasisChoice value={targetBasis} onChange={setTargetBasis} />
        <label>
          {t('suggest.k')}
          <input
            type="number"
            min={1}
            max={MAX_SITES}
            step={1}
            value={k}
            onChange={(e) => setK(e.target.value)}
          />
        </label>
        <label>
          {t('suggest.radius')}
          <input
            type="number"
            min={50}
            max={50_000}
            step={50}
            value={radius}
            onChange={(e) => setRadius(e.target.value)}
          />
        </label>
        <p className="muted small">
          {t('suggest.radiusNote', { meters: formatInteger(DEFAULT_NEW_SITE_RADIUS_METERS, locale) })}
        </p>
        <label className="check">
          <input type="checkbox" checked={weighted} onChange={(e) => setWeighted(e.target.checked)} />
          {t('suggest.weighted')}
        </label>
        {weighted && <p className="muted small">{t('suggest.weightNote')}</p>}
        <div className="row">
          <button type="submit" disabled={!valid || !hasTargets || progress !== null}>
            {t('suggest.run')}
          </button>
          {result && (
            <button
              type="button"
              onClick={() => {
                run.current++;
                setResult(null);
              }}
            >
              {t('suggest.clear')}
            </button>
          )}
        </div>
      </form>
      {!hasTargets && <p className="muted small">{t('suggest.noData')}</p>}
      {progress && (
        <progress
          className="suggest-progress"
          data-testid="suggest-progress"
          max={progress.total}
          value={progress.done}
          aria-label={t('suggest.progress')}
        />
      )}
      {error && (
        <p role="alert" className="error">
          {t('suggest.error', { message: error })}
        </p>
      )}
      {result && <SitePicks result={result} scopeName={scopeName(result, t('suggest.province'))} />}
    </section>
  );
}

function scopeName(result: SuggestResult, province: string): string {
  const { scope } = result.request;
  return scope === 'province'
    ? province
    : (useAtlas.getState().areas.get(scope.adcode)?.name ?? scope.adcode);
}
