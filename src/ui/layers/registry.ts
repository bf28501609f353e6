// Every layer's part of the panel, one component each (src/core/layers/registry.ts lists the
// layers): the layer panel lists their controls in the registry's order; the area summary shows a
// layer's own counts, where it has any, above its metrics.
import type { ComponentType } from 'react';
import type { LayerName } from '../../core/layers/registry';
import type { AreaFigures } from '../../core/metrics';
import { RelocationControls } from './RelocationControls';
import { ScenicControls } from './ScenicControls';
import { StationControls, StationCounts } from './StationControls';
import { VillageControls, VillageTrackingCounts } from './VillageControls';

export interface LayerUi {
  /** The layer's section in the panel (a LayerSection with its settings and legend). */
  Controls: ComponentType;
  /** Counts of one area shown in the area summary before the layer's metrics. */
  AreaCounts?: ComponentType<{ figures: AreaFigures }>;
}

export const LAYER_UI: Record<LayerName, LayerUi> = {
  stations: { Controls: StationControls, AreaCounts: StationCounts },
  villages: { Controls: VillageControls, AreaCounts: VillageTrackingCounts },
  relocationSites: { Controls: RelocationControls },
  scenicAreas: { Controls: ScenicControls },
};
