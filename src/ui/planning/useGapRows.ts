// The gap list of a scope from the engine worker, asked again when the year or the loaded data
// change (the figures are replaced whenever they do) or the scope does, but only while `active`
// (the list is on screen): a change made meanwhile is fetched when it shows again, and the last
// answer stays in place until then, so the panel's layout does not jump. An answer that arrives
// after a newer request was made is dropped.
import { useEffect, useRef, useState } from 'react';
import { getEngine } from '../../state/engine';
import { useAtlas } from '../../state/store';
import type { GapListRequest, GapListResult } from '../../worker/planningView';

export interface GapRowsState {
  result: GapListResult | null;
  loading: boolean;
  error: string | null;
}

export function useGapRows(scope: GapListRequest['scope'] | null, active: boolean): GapRowsState {
  const asOfYear = useAtlas((s) => s.asOfYear);
  const figures = useAtlas((s) => s.figures);
  const [state, setState] = useState<GapRowsState>({ result: null, loading: false, error: null });
  const fetched = useRef<{ key: string; figures: unknown } | null>(null);
  // Stands for the scope in the effect's dependencies: a new object with the same bounds is the same request.
  const key = scope ? `${JSON.stringify(scope)}@${asOfYear}` : '';

  useEffect(() => {
    if (!scope || figures.size === 0) {
      fetched.current = null;
      setState({ result: null, loading: false, error: null });
      return;
    }
    if (!active || (fetched.current?.key === key && fetched.current.figures === figures)) return;
    fetched.current = { key, figures };
    let current = true,
      settled = false;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    getEngine()
      .gapList({ scope, asOfYear })
      .then(
        (result) => {
          settled = true;
          if (current) setState({ result, loading: false, error: null });
        },
        (error: unknown) => {
          settled = true;
          if (current) {
            fetched.current = null;
            setState({
              result: null,
              loading: false,
              error: error instanceof Error ? error.message : String(error),
            });
          }
        },
      );
    // A request overtaken before its answer came must be asked again when next shown.
    return () => {
      current = false;
      if (!settled) fetched.current = null;
    };
  }, [key, figures, active]);
  return state;
}
