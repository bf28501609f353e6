// The point tiles' address and the messages that carry them, shared by the page, the engine worker
// and the script that runs in MapLibre's workers (src/map/tileProtocolWorker.ts).
//
// An address is `atlas-tiles://<page>/<source>/<version>/<z>/<x>/<y>`: <page> names the page that
// made the style (its engine answers on the channel of that name, so two open tabs never answer each
// other's tiles), <version> changes whenever the source's data do, so MapLibre never reuses a tile
// of older data. Pure: no DOM, no MapLibre.
import type { OverlaySourceName } from '../layers/types';

export const TILE_SCHEME = 'atlas-tiles';

export interface TileAddress {
  page: string;
  source: OverlaySourceName;
  z: number;
  x: number;
  y: number;
}

/** The tiles' address template of a source at a version, for a page. */
export const tileTemplate = (page: string, source: string, version: number) =>
  `${TILE_SCHEME}://${page}/${source}/${version}/{z}/{x}/{y}`;

const ADDRESS = /^atlas-tiles:\/\/([0-9a-f]+)\/([A-Za-z]+)\/\d+\/(\d+)\/(\d+)\/(\d+)$/;

/** The parts of a tile's address, or null for anything else. */
export function parseTileAddress(url: string): TileAddress | null {
  const match = ADDRESS.exec(url);
  if (!match) return null;
  return {
    page: match[1],
    source: match[2] as OverlaySourceName,
    z: Number(match[3]),
    x: Number(match[4]),
    y: Number(match[5]),
  };
}

/** The BroadcastChannel on which a page's engine answers tile requests. */
export const tileChannelName = (page: string) => `${TILE_SCHEME}:${page}`;

/**
 * The channel on which the engine says it answered a tile (no bytes): the page counts tiles there
 * without a copy of every tile reaching its main thread.
 */
export const tilesServedChannelName = (page: string) => `${TILE_SCHEME}-served:${page}`;

/** Asked on the channel: one tile; `id` is unique to the asker. */
export interface TileRequest extends TileAddress {
  kind: 'tile-request';
  id: string;
}

/** Answered on the channel: the tile's MVT bytes (empty when it has no features or no data). */
export interface TileReply {
  kind: 'tile-reply';
  id: string;
  bytes: ArrayBuffer;
}

export const isTileRequest = (message: unknown): message is TileRequest =>
  (message as TileRequest | null)?.kind === 'tile-request';

export const isTileReply = (message: unknown): message is TileReply =>
  (message as TileReply | null)?.kind === 'tile-reply';
