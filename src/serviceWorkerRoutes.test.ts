import { expect, test } from 'vitest';
import { routeOf } from './serviceWorkerRoutes';

const scope = 'https://atlas.example/';
const get = (path: string, mode = 'cors') => ({ url: `https://atlas.example${path}`, method: 'GET', mode });

test('the API always goes to the network, also as a page load, so offline stays detectable', () => {
  expect(routeOf(get('/api/health'), scope)).toBe('network');
  expect(routeOf(get('/api/datasets/v1/edits?after=0'), scope)).toBe('network');
  expect(routeOf(get('/api/openapi.json', 'navigate'), scope)).toBe('network');
  expect(routeOf({ ...get('/api/status'), method: 'POST' }, scope)).toBe('network');
});

test('page loads get the app shell; hashed files and geodata come from the cache first', () => {
  expect(routeOf(get('/', 'navigate'), scope)).toBe('app-shell');
  expect(routeOf(get('/?view=520100#setup=x', 'navigate'), scope)).toBe('app-shell');
  expect(routeOf(get('/assets/index-COfUbfGW.js', 'no-cors'), scope)).toBe('cache-first');
  expect(routeOf(get('/assets/counties-BeZ-Ckqh.geojson'), scope)).toBe('cache-first');
});

test('other origins (basemap tiles) and paths outside the app are left to the browser', () => {
  expect(routeOf({ ...get('/'), url: 'https://tiles.example/1/2/3.png' }, scope)).toBe('network');
  expect(routeOf(get('/assets/x.js'), 'https://atlas.example/atlas/')).toBe('network');
  expect(routeOf(get('/atlas/assets/x.js'), 'https://atlas.example/atlas/')).toBe('cache-first');
  expect(routeOf(get('/atlas/api/health'), 'https://atlas.example/atlas/')).toBe('network');
});
