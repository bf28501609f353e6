// Every consumer of a village's or site's status reads the current status: the dataset's value
// overridden by the team's edits (currentStatus.ts, applied to a whole layer by layerFromDataset).
// Checked two ways: the edits show in each consumer's answer, and no code outside the layer
// modules reads a dataset's status columns or makes a layer from a dataset some other way.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { AreaIndex } from '../areas';
import { buildPointGrid } from '../coverage/stationGrid';
import { computeAreaFigures } from '../layers/figures';
import { datasetWithEdits, layerFromDataset } from '../layers/fromDataset';
import { townshipRows } from '../layers/townships';
import { villageTileProperties } from '../layers/villages';
import { findGapRows } from '../planning/gapList';
import type { StoredDataset } from '../storedDataset';
import type { StoredEdit } from './edits';
import { villageList } from './villageList';

const areas = JSON.parse(readFileSync('geodata/areas.json', 'utf8')) as AreaIndex;
const CONGJIANG = areas.counties.findIndex((c) => c.adcode === '522633');

const sheet: StoredDataset = {
  id: 'sheet',
  name: '从江村表',
  layer: 'villages',
  rowCount: 3,
  importedAt: '2026-11-01T00:00:00.000Z',
  sourceFile: 'villages.xlsx',
  datum: 'gcj02',
  sample: false,
  columns: {
    villageCode: ['522633101201', '522633101202', '522633102201'],
    name: ['甲村', '乙村', '丙村'],
    county: Int16Array.of(CONGJIANG, CONGJIANG, CONGJIANG),
    lon: Float64Array.of(108.9, 108.91, 108.95),
    lat: Float64Array.of(25.75, 25.76, 25.8),
    gigabit: Uint8Array.of(0, 0, 1),
    has5g: Uint8Array.of(0, 1, 0),
    fiber: Uint8Array.of(1, 1, 1),
  },
};

let key = 0;
const edit = (
  rowKey: string,
  field: StoredEdit['field'],
  value: boolean,
  kind?: StoredEdit['kind'],
): StoredEdit => ({
  key: ++key,
  datasetId: 'sheet',
  rowKey,
  field,
  kind,
  value,
  date: '2026-11-20',
  note: '',
  editedAt: '2026-11-20T08:00:00Z',
});
const edits = [
  edit('522633101201', 'gigabit', true),
  edit('522633101202', 'gigabit', true, 'verify'),
  edit('522633101202', '5g', false),
];

test('the county figures, the township table, the village list, the map and the gap list all count the edits', () => {
  const before = layerFromDataset('villages', sheet, []);
  const after = layerFromDataset('villages', sheet, edits);
  const figuresOf = (villages: typeof after) => {
    const table = computeAreaFigures(areas, { layers: { villages }, modelled: {}, asOfYear: 2025 });
    const at = table.adcodes.indexOf('522633');
    const { gigabit, fiveG, villagesEdited, villagesVerified } = table.figures;
    return {
      gigabit: gigabit[at],
      fiveG: fiveG[at],
      edited: villagesEdited[at],
      verified: villagesVerified[at],
    };
  };
  expect(figuresOf(before)).toEqual({ gigabit: 1, fiveG: 1, edited: 0, verified: 0 });
  expect(figuresOf(after)).toEqual({ gigabit: 3, fiveG: 0, edited: 2, verified: 1 });

  const townships = townshipRows(after, CONGJIANG, 2025, undefined, new Map());
  expect(townships.find((t) => t.code === '522633101')).toMatchObject({ gigabit: 2, fiveG: 0 });

  const list = villageList(
    { villages: after, townshipNames: new Map(), nearest5gMeters: () => Infinity },
    { counties: new Set([CONGJIANG]), asOfYear: 2025, filter: { gigabit: 0 } },
  );
  expect(list.rows.map((r) => r.name)).toEqual([]);
  const all = villageList(
    { villages: after, townshipNames: new Map(), nearest5gMeters: () => Infinity },
    { counties: new Set([CONGJIANG]), asOfYear: 2025 },
  );
  expect(all.rows[0].status.gigabit).toMatchObject({ reported: 0, current: 1, edited: true });
  expect(all.rows[1].status.gigabit.verification).toBe('verified');
  expect(all.townships.find((t) => t.code === '522633101')).toMatchObject({ edited: 2, verified: 1 });

  const properties = villageTileProperties(after, new Int16Array(3), new Int16Array(3));
  // The map rings edited (1) and verified (2) villages.
  expect(Array.from(properties.e as Uint8Array)).toEqual([1, 2, 0]);
  expect(Array.from(properties.g as Int16Array)).toEqual([2025, 2025, 1]);
  expect(properties.v[1]).toBe(0);

  const empty = buildPointGrid(new Float64Array(0), new Float64Array(0), 2000);
  const gapOf = (villages: typeof after, name: string) =>
    findGapRows({
      layers: { villages },
      modelled: { villages5g: new Int16Array(3) },
      counties: areas.counties,
      scope: { counties: new Set([CONGJIANG]) },
      asOfYear: 2025,
      stations: { fiveG: empty, fourG: empty },
    }).find((g) => g.name === name);
  // 乙村 was reported with 5G, which the model disputes; its edit says no, so the two now agree.
  expect(gapOf(before, '乙村')?.reasons).toContain('reportedYesModelledNo');
  expect(gapOf(after, '乙村')?.reasons).not.toContain('reportedYesModelledNo');
});

test('a dataset exported holds the current status: the edited flags, and the year an edit made one true', () => {
  const now = datasetWithEdits(sheet, edits);
  expect([...(now.columns.gigabit as Uint8Array)]).toEqual([1, 1, 1]);
  expect([...(now.columns.gigabitYear as Float64Array)]).toEqual([2025, 2025, NaN]);
  expect([...(now.columns.has5g as Uint8Array)]).toEqual([0, 0, 0]);
  expect(now.columns.fiber).toBe(sheet.columns.fiber);
  expect([...(sheet.columns.gigabit as Uint8Array)]).toEqual([0, 0, 1]);
});

/** Every .ts/.tsx file under src, outside tests. */
function sources(dir = 'src'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

test('no code outside the layer modules reads a status column of a dataset or makes a layer of one another way', () => {
  const readsStatusColumns = /statusCodes\(|columns\.(has5g|has4g|gigabit|fiber|covered)\b|\.fromDataset\(/;
  const allowed = new Set([
    'src/core/layers/datasetColumns.ts',
    'src/core/layers/villages.ts',
    'src/core/layers/places.ts',
    'src/core/layers/fromDataset.ts',
  ]);
  const offenders = sources().filter(
    (path) => !allowed.has(path) && readsStatusColumns.test(readFileSync(path, 'utf8')),
  );
  expect(offenders).toEqual([]);
  // And the engine makes dataset layers only through trackedLayer (dataset + its edits).
  const engine = readFileSync('src/worker/engine.ts', 'utf8');
  const calls = engine.match(/layerFromDataset\([^)]*\)/g) ?? [];
  expect(calls.length).toBeGreaterThan(0);
  for (const call of calls)
    expect(call).toMatch(/layerFromDataset\(layer, (dataset, edits|\.\.\.(older|newer))\)/);
});
