import { expect, test } from 'vitest';
import { FIGURES } from './layers/figures';
import {
  METRIC_IDS,
  METRICS,
  metricsOfLayer,
  missingStations,
  MODELLED_TECHNOLOGY,
  NO_STATIONS,
  type AreaFigures,
} from './metrics';

/** An area's figures, all 0 except those given. */
const figures = (given: Partial<AreaFigures> = {}): AreaFigures => ({
  ...(Object.fromEntries(FIGURES.map((name) => [name, 0])) as AreaFigures),
  ...given,
});
const area = { population2020: 500_000, areaKm2: 2_000 };

test('every share is NaN when no row is known, not 0 %', () => {
  const shares = METRIC_IDS.filter((id) => METRICS[id].unit === 'percent');
  expect(shares).toHaveLength(10);
  for (const id of shares) expect(METRICS[id].value(figures(), area), id).toBeNaN();
});

test('shares are percentages of the known rows', () => {
  const f = figures({
    fiber: 3,
    fiberKnown: 4,
    gigabit: 1,
    gigabitKnown: 8,
    fiveG: 9,
    fiveGKnown: 10,
    townships5g: 5,
    townshipsKnown5g: 5,
    townships: 6,
  });
  expect(
    (['villages.fiber', 'villages.gigabit', 'villages.fiveG', 'townships.fiveG'] as const).map((id) =>
      METRICS[id].value(f, area),
    ),
  ).toEqual([75, 12.5, 90, 100]);
});

test('reported place shares are of the known statuses, modelled ones of all places', () => {
  const f = figures({
    relocationSites: 20,
    relocationKnown: 16,
    relocationReported: 12,
    relocationModelled: 15,
    scenicAreas: 8,
    scenicKnown: 5,
    scenicReported: 4,
    scenicModelled: 6,
  });
  expect(METRICS['relocation.reported'].value(f, area)).toBe(75);
  expect(METRICS['relocation.modelled'].value(f, area)).toBe(75);
  expect(METRICS['scenic.reported'].value(f, area)).toBe(80);
  expect(METRICS['scenic.modelled'].value(f, area)).toBe(75);
});

test('modelled village shares are of the villages with a position', () => {
  const f = figures({
    villages: 50,
    villagesWithPosition: 40,
    villagesModelled5g: 10,
    villagesModelled4g: 38,
  });
  expect(METRICS['villages.fiveGModelled'].value(f, area)).toBe(25);
  expect(METRICS['villages.fourGModelled'].value(f, area)).toBe(95);
});

test('5G stations per 10,000 residents = stations × 10,000 / population', () => {
  expect(METRICS['stations.per10k'].value(figures({ stations5g: 1_500 }), area)).toBe(30);
  const province = { population2020: 38_562_148, areaKm2: 176_167 };
  expect(METRICS['stations.per10k'].value(figures({ stations5g: 130_000 }), province)).toBe(
    (130_000 * 10_000) / 38_562_148,
  );
  expect(METRICS['stations.per10k'].value(figures({ stations5g: 130_000 }), province)).toBeCloseTo(33.71, 2);
});

test('stations per km², count, and growth since 2020', () => {
  const f = figures({ stations5g: 1_500, stations5gAt2020: 400, stations4g: 9_999 });
  expect(METRICS['stations.perKm2'].value(f, area)).toBe(0.75);
  expect(METRICS['stations.count'].value(f, area)).toBe(1_500);
  expect(METRICS['stations.growth'].value(f, area)).toBe(1_100);
});

test("targets in the metric's unit: 33 stations per 10k residents, 100 % where the plan asks for all", () => {
  expect(METRICS['stations.per10k'].target).toBe(33);
  for (const id of [
    'villages.fiber',
    'villages.fourGModelled',
    'townships.fiveG',
    'relocation.reported',
    'relocation.modelled',
    'scenic.reported',
    'scenic.modelled',
  ] as const)
    expect(METRICS[id].target, id).toBe(100);
  for (const id of [
    'stations.perKm2',
    'stations.count',
    'stations.growth',
    'villages.gigabit',
    'villages.fiveG',
    'villages.fiveGModelled',
  ] as const)
    expect(METRICS[id].target, id).toBeUndefined();
});

test('the catalogue is keyed by id; modelled metrics are flagged', () => {
  for (const id of METRIC_IDS) expect(METRICS[id].id).toBe(id);
  expect(METRIC_IDS.filter((id) => METRICS[id].modelled)).toEqual([
    'villages.fiveGModelled',
    'villages.fourGModelled',
    'relocation.modelled',
    'scenic.modelled',
  ]);
});

test('metrics of a layer come in catalogue order', () => {
  expect(metricsOfLayer('stations').map((m) => m.id)).toEqual([
    'stations.per10k',
    'stations.perKm2',
    'stations.count',
    'stations.growth',
  ]);
  expect(metricsOfLayer('villages').map((m) => m.id)).toEqual([
    'villages.fiber',
    'villages.gigabit',
    'villages.fiveG',
    'villages.fiveGModelled',
    'villages.fourGModelled',
    'townships.fiveG',
  ]);
  expect(metricsOfLayer('relocationSites').map((m) => m.id)).toEqual([
    'relocation.reported',
    'relocation.modelled',
  ]);
  expect(metricsOfLayer('scenicAreas').map((m) => m.id)).toEqual(['scenic.reported', 'scenic.modelled']);
});

test('every modelled metric names the stations it counts; without them it lacks its input', () => {
  for (const id of METRIC_IDS)
    expect(MODELLED_TECHNOLOGY[id] !== undefined, id).toBe(METRICS[id].modelled === true);
  const fourG = METRICS['villages.fourGModelled'];
  expect(missingStations(fourG, NO_STATIONS)).toBe('4G');
  expect(missingStations(fourG, { '5G': 120, '4G': 0 })).toBe('4G');
  expect(missingStations(fourG, { '5G': 0, '4G': 3 })).toBeNull();
  expect(missingStations(METRICS['villages.fiveGModelled'], { '5G': 0, '4G': 3 })).toBe('5G');
  expect(missingStations(METRICS['villages.fiveG'], NO_STATIONS)).toBeNull();
});
