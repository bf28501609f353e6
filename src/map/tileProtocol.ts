// The point tiles' address scheme (src/core/tiles/tileAddress.ts): MapLibre asks
// `atlas-tiles://<page>/<source>/<version>/<z>/<x>/<y>` and the engine worker answers with MVT
// bytes it makes from its columns (src/core/tiles). No request leaves the page.
//
// Two ways a request reaches the engine, with the same answer:
// - in MapLibre's own workers (tileProtocolWorker.ts, loaded there by importScriptInWorkers): over
//   the page's BroadcastChannel, so the tile never waits for the page's main thread, which in
//   software rendering is held 0.3–1 s by each frame;
// - on the page (MapLibre forwards a worker's request for an unknown scheme here): until that
//   script has loaded in a worker, through the engine's `tile` call.
//
// Rules relied on: an address of no known source (NO_TILES, what an export without exact stations
// uses) is an empty tile; the page counts every tile the engine answers either way (the test hook).
import { addProtocol, importScriptInWorkers } from 'maplibre-gl';
import {
  parseTileAddress,
  TILE_SCHEME,
  tilesServedChannelName,
  tileTemplate,
} from '../core/tiles/tileAddress';
import type { OverlaySourceName } from '../core/layers/types';
import tileProtocolWorkerUrl from './tileProtocolWorker.ts?worker&url';

/** What makes a tile on the page: the engine's `tile` call. */
export type TileLoader = (source: OverlaySourceName, z: number, x: number, y: number) => Promise<Uint8Array>;

/** This page's name in tile addresses and on the tile channel. */
export const TILE_PAGE = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
  b.toString(16).padStart(2, '0'),
).join('');

/** The tiles' address template of a source at a version. */
export const tileAddress = (source: string, version: number) => tileTemplate(TILE_PAGE, source, version);

let served = 0,
  servedInWorkers = 0;
/** How many point tiles the engine has made for the map since the page opened (the test hook reads it). */
export const pointTilesServed = () => served;
/** Of those, how many MapLibre's workers asked for themselves (the rest passed through the page). */
export const pointTilesServedInWorkers = () => servedInWorkers;

/** An address that always answers an empty tile. */
export const NO_TILES = tileAddress('none', 0);

/** Answers the scheme's requests on the page with `load`, for the sources named in `sources`. */
export function registerTileProtocol(load: TileLoader, sources: readonly OverlaySourceName[]): void {
  addProtocol(TILE_SCHEME, async ({ url }) => {
    const address = parseTileAddress(url);
    if (!address || !sources.includes(address.source)) return { data: new ArrayBuffer(0) };
    const bytes = await load(address.source, address.z, address.x, address.y);
    served++;
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    return { data: (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer };
  });
}

/**
 * Has MapLibre's workers ask the engine for tiles themselves, once `serveOnChannel` has the engine
 * answering on this page's channel (called when the engine is ready, so it never holds the start).
 */
export function askTilesFromWorkers(serveOnChannel: (page: string) => Promise<void>): void {
  new BroadcastChannel(tilesServedChannelName(TILE_PAGE)).onmessage = () => {
    served++;
    servedInWorkers++;
  };
  void serveOnChannel(TILE_PAGE)
    .then(() => importScriptInWorkers(new URL(tileProtocolWorkerUrl, location.href).href))
    .catch((error: unknown) => console.warn('point tiles are asked for on the page:', error));
}
