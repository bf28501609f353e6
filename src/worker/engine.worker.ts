// The worker's entry: exposes the engine over comlink. The engine's own methods are exposed as
// they are; only calls that move typed arrays or take a progress callback are written out here,
// so a new engine query is one method on Engine and one name in PLAIN_CALLS.
import { expose, transfer } from 'comlink';
import { Engine } from './engine';
import {
  isTileRequest,
  tileChannelName,
  tilesServedChannelName,
  type TileReply,
} from '../core/tiles/tileAddress';
import type { SuggestOptions } from '../core/coverage/suggest';
import type { TargetColumns } from '../core/coverage/types';

const engine = new Engine();

/** Engine methods whose arguments and results are small plain data, structured-cloned both ways. */
const PLAIN_CALLS = [
  'init',
  'summarize',
  'loadSample',
  'clearSample',
  'layerInfo',
  'setLayerSource',
  'view',
  'figuresAt',
  'changes',
  'compareVintages',
  'townships',
  'search',
  'areaPinyin',
  'gapList',
  'suggestSites',
  'inspect',
  'inspectVillage',
  'villageBounds',
  'recordEdit',
  'editHistory',
  'villageList',
  'trackedRow',
] as const satisfies ReadonlyArray<keyof Engine>;
type PlainCalls = Pick<Engine, (typeof PLAIN_CALLS)[number]>;

const plainCalls = Object.fromEntries(
  PLAIN_CALLS.map((name) => [name, (engine[name] as (...args: unknown[]) => unknown).bind(engine)]),
) as unknown as PlainCalls;

const api = {
  ...plainCalls,
  assign(lon: Float64Array, lat: Float64Array) {
    const county = engine.assign(lon, lat);
    return transfer(county, [county.buffer]);
  },
  tile(...args: Parameters<Engine['tile']>) {
    // The protobuf writer's buffer is larger than the tile: send a copy of just the tile.
    const bytes = engine.tile(...args).slice();
    return transfer(bytes, [bytes.buffer]);
  },
  /**
   * Answers the tile requests of MapLibre's workers (src/map/tileProtocolWorker.ts) on the page's
   * channel, so they need not pass through the page's main thread. An error is an empty tile.
   */
  serveTiles(page: string) {
    const channel = new BroadcastChannel(tileChannelName(page)),
      served = new BroadcastChannel(tilesServedChannelName(page));
    channel.onmessage = ({ data }: MessageEvent) => {
      if (!isTileRequest(data)) return;
      let bytes: Uint8Array;
      try {
        bytes = engine.tile(data.source, data.z, data.x, data.y).slice();
      } catch (error) {
        console.warn('tile', data, error);
        bytes = new Uint8Array(0);
      }
      const reply: TileReply = { kind: 'tile-reply', id: data.id, bytes: bytes.buffer as ArrayBuffer };
      channel.postMessage(reply);
      served.postMessage(null);
    };
  },
  coverage(...args: Parameters<Engine['coverage']>) {
    const result = engine.coverage(...args);
    return transfer(
      result,
      Object.values(result).map((column) => column.buffer),
    );
  },
  suggest(
    targets: TargetColumns,
    uncovered: Uint8Array,
    k: number,
    options: Omit<SuggestOptions, 'onProgress'>,
    onProgress?: (done: number, total: number) => void,
  ) {
    // onProgress arrives as a comlink proxy; calls to it are fire-and-forget messages to the page.
    return engine.suggest(targets, uncovered, k, { ...options, onProgress });
  },
};

export type EngineApi = typeof api;
expose(api);
