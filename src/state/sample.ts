// Loading and clearing the sample: the worker generates it; the store keeps only its summary and
// the per-area figures the panels show.
import { getEngine } from './engine';
import { refreshLayers } from './layerData';
import { useAtlas } from './store';

export async function loadSample(): Promise<void> {
  const { setSample, setSampleWanted } = useAtlas.getState();
  setSample(null, 'loading');
  setSampleWanted(true);
  try {
    const info = await getEngine().loadSample();
    await refreshLayers();
    setSample(info, 'loaded');
  } catch (error) {
    console.warn('sample generation failed', error);
    setSample(null, 'error');
  }
}

export async function clearSample(): Promise<void> {
  const { setSample, setSampleWanted } = useAtlas.getState();
  setSampleWanted(false);
  setSample(null, 'none');
  await getEngine().clearSample();
  await refreshLayers();
}
