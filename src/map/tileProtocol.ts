// The point tiles' address scheme: MapLibre asks `atlas-tiles://<source>/<version>/<z>/<x>/<y>` and
// the engine worker answers with MVT bytes it makes from its columns (src/core/tiles). No request
// leaves the page; the version changes whenever the source's data do, so MapLibre never reuses a
// tile of older data.
//
// Rules relied on: MapLibre calls a protocol's loader on the page for its workers' requests; an
// address of no known source (NO_TILES, what an export without exact stations uses) is an empty tile.
import { addProtocol } from 'maplibre-gl';
import type { OverlaySourceName } from '../core/layers/types';

const SCHEME = 'atlas-tiles';

/** What makes a tile: the engine's `tile` call. */
export type TileLoader = (source: OverlaySourceName, z: number, x: number, y: number) => Promise<Uint8Array>;

/** The tiles' address template of a source at a version. */
export const tileAddress = (source: string, version: number) =>
  `${SCHEME}://${source}/${version}/{z}/{x}/{y}`;

let served = 0;
/** How many point tiles the engine has made for the map since the page opened (the test hook reads it). */
export const pointTilesServed = () => served;

/** An address that always answers an empty tile. */
export const NO_TILES = tileAddress('none', 0);

/** Answers the scheme's requests with `load` for the sources named in `sources`. */
export function registerTileProtocol(load: TileLoader, sources: readonly OverlaySourceName[]): void {
  addProtocol(SCHEME, async ({ url }) => {
    const match = /^atlas-tiles:\/\/([A-Za-z]+)\/\d+\/(\d+)\/(\d+)\/(\d+)$/.exec(url);
    const source = match?.[1] as OverlaySourceName | undefined;
    if (!match || !source || !sources.includes(source)) return { data: new ArrayBuffer(0) };
    const bytes = await load(source, Number(match[2]), Number(match[3]), Number(match[4]));
    served++;
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    return { data: (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer };
  });
}
