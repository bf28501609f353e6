// Loading and clearing the sample: the worker generates it; the store keeps only its summary and
// the per-area station counts the panels show.
import { getEngine } from './engine';
import { useAtlas, type AreaStationCounts } from './store';

export async function loadSample(): Promise<void> {
  const { setSample, setStationCounts, setSampleWanted, asOfYear } = useAtlas.getState();
  setSample(null, 'loading');
  setSampleWanted(true);
  try {
    const engine = getEngine();
    const info = await engine.loadSample();
    const counts = new Map<string, AreaStationCounts>();
    for (const level of ['county', 'prefecture'] as const) {
      const result = await engine.stationCounts(level, asOfYear);
      result?.adcodes.forEach((adcode, i) => counts.set(adcode, { fiveG: result.fiveG[i], fourG: result.fourG[i], per10kFiveG: result.per10kFiveG[i], fiveGAt2020: result.fiveGAt2020[i] }));
    }
    setStationCounts(counts);
    setSample(info, 'loaded');
  } catch (error) {
    console.warn('sample generation failed', error);
    setSample(null, 'error');
  }
}

export async function clearSample(): Promise<void> {
  const { setSample, setStationCounts, setSampleWanted } = useAtlas.getState();
  setSampleWanted(false);
  setSample(null, 'none');
  setStationCounts(new Map());
  await getEngine().clearSample();
}
