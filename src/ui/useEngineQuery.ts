// Runs an engine query for the given inputs and keeps the newest answer only: an answer that
// arrives after the inputs have changed (or the component has gone) is dropped. A query of `null`
// asks nothing and clears the answer. The last answer stays while a new one is on its way, so the
// panel's layout does not jump; `loading` says one is.
import { useEffect, useState, type DependencyList } from 'react';
import { getEngine } from '../state/engine';
import type { EngineClient } from '../worker/client';

export interface EngineQueryState<T> {
  data: T | null;
  loading: boolean;
  error: unknown;
}

export function useEngineQuery<T>(
  query: ((engine: EngineClient) => Promise<T>) | null,
  inputs: DependencyList,
): EngineQueryState<T> {
  const [state, setState] = useState<EngineQueryState<T>>({ data: null, loading: false, error: null });
  useEffect(() => {
    if (!query) {
      setState({ data: null, loading: false, error: null });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    query(getEngine()).then(
      (data) => {
        if (current) setState({ data, loading: false, error: null });
      },
      (error: unknown) => {
        if (current) setState({ data: null, loading: false, error });
      },
    );
    return () => {
      current = false;
    };
    // The caller names the inputs the query depends on, as with useEffect.
  }, inputs);
  return state;
}
