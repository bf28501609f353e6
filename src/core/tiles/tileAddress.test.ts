import { describe, expect, test } from 'vitest';
import { isTileReply, isTileRequest, parseTileAddress, tileChannelName, tileTemplate } from './tileAddress';

describe('point tile addresses', () => {
  test('a template filled in by MapLibre reads back as its page, source and tile', () => {
    const url = tileTemplate('0a1b2c3d4e5f6789', 'stations', 7)
      .replace('{z}', '10')
      .replace('{x}', '823')
      .replace('{y}', '436');
    expect(url).toBe('atlas-tiles://0a1b2c3d4e5f6789/stations/7/10/823/436');
    expect(parseTileAddress(url)).toEqual({
      page: '0a1b2c3d4e5f6789',
      source: 'stations',
      z: 10,
      x: 823,
      y: 436,
    });
  });

  test('anything else is not a tile address', () => {
    for (const url of [
      'atlas-tiles://stations/7/10/823/436',
      'atlas-tiles://0a1b/stations/7/10/823',
      'atlas-tiles://0a1b/stations/7/10/823/436?x=1',
      'https://example.invalid/0a1b/stations/7/10/823/436',
      'atlas-tiles://0A1B/stations/7/10/823/436',
    ])
      expect(parseTileAddress(url), url).toBeNull();
  });

  test('each page has its own channel, and the messages are told apart by kind', () => {
    expect(tileChannelName('aa')).not.toBe(tileChannelName('ab'));
    expect(isTileRequest({ kind: 'tile-request', id: '1' })).toBe(true);
    expect(isTileReply({ kind: 'tile-request', id: '1' })).toBe(false);
    expect(isTileReply({ kind: 'tile-reply', id: '1', bytes: new ArrayBuffer(0) })).toBe(true);
    expect(isTileRequest(null)).toBe(false);
  });
});
