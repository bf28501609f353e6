// Runs inside MapLibre's own workers (loaded there by importScriptInWorkers, see tileProtocol.ts):
// answers the point tiles' scheme where MapLibre parses the tiles, by asking the page's engine
// worker over the page's BroadcastChannel. Without it MapLibre hands each request to the page's
// main thread and back, and in software rendering every frame holds that thread 0.3–1 s.
//
// Rules relied on: a request's id is unique to this worker (others on the channel ignore it); an
// address this script cannot read is an empty tile, as on the page; an aborted request is forgotten.
import { isTileReply, parseTileAddress, TILE_SCHEME, tileChannelName } from '../core/tiles/tileAddress';

type Loader = (request: { url: string }, abort: AbortController) => Promise<{ data: ArrayBuffer }>;
const scope = self as unknown as { addProtocol(scheme: string, load: Loader): void };

const worker = Math.random().toString(36).slice(2);
let next = 0;
const waiting = new Map<string, (data: ArrayBuffer) => void>();
const channels = new Map<string, BroadcastChannel>();

function channelOf(page: string): BroadcastChannel {
  let channel = channels.get(page);
  if (!channel) {
    channel = new BroadcastChannel(tileChannelName(page));
    channel.onmessage = ({ data }: MessageEvent) => {
      if (!isTileReply(data)) return;
      waiting.get(data.id)?.(data.bytes);
      waiting.delete(data.id);
    };
    channels.set(page, channel);
  }
  return channel;
}

scope.addProtocol(TILE_SCHEME, ({ url }, abort) => {
  const address = parseTileAddress(url);
  if (!address) return Promise.resolve({ data: new ArrayBuffer(0) });
  const id = `${worker}:${next++}`;
  return new Promise((resolve, reject) => {
    waiting.set(id, (data) => resolve({ data }));
    abort.signal.addEventListener('abort', () => {
      waiting.delete(id);
      reject(new DOMException('aborted', 'AbortError'));
    });
    channelOf(address.page).postMessage({ kind: 'tile-request', id, ...address });
  });
});
