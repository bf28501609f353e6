import { describe, expect, test } from 'vitest';
import type { Flag, ListStatus, StatusCell, VillageListRow } from '../tracking/villageList';
import {
  checklistTable,
  checklistTownships,
  checksText,
  checkText,
  fill,
  layerSourcesText,
  whatToCheck,
  type CheckWords,
  type ChecklistColumns,
} from './fieldChecklist';

const words: CheckWords = {
  fields: { fiber: '光纤', gigabit: '千兆', '4g': '4G', '5g': '5G' },
  yes: '是',
  no: '否',
  unknown: '未知',
  check: '核实{field}：{details}',
  reported: '上报{value}',
  changed: '已改为{value}',
  modelledCovered: '模型覆盖',
  modelledNotCovered: '模型未覆盖',
  disputed: '实地核查有争议',
  verified: '已核实',
  detailSeparator: '，',
  checkSeparator: '；',
  nothing: '无',
};

const cell = (current: Flag, extra: Partial<StatusCell> = {}): StatusCell => ({
  reported: current,
  current,
  edited: false,
  verification: null,
  ...extra,
});

/** A village where everything is "yes" and the model agrees, unless told otherwise. */
function row(
  code: string,
  status: Partial<Record<ListStatus, StatusCell>> = {},
  extra: Partial<VillageListRow> = {},
): VillageListRow {
  return {
    row: 0,
    code,
    name: `村${code.slice(-3)}`,
    townshipCode: code.slice(0, 9),
    townshipName: `乡${code.slice(6, 9)}`,
    county: 0,
    lon: 108.9,
    lat: 25.7,
    status: { fiber: cell(1), gigabit: cell(1), '4g': cell(1), '5g': cell(1), ...status },
    modelled5g: 1,
    modelled4g: 1,
    nearest5gMeters: 500,
    lastChange: '',
    ...extra,
  };
}

describe('what to check', () => {
  test('a village where everything is yes and the model agrees has nothing to check', () => {
    expect(whatToCheck(row('522633205201'))).toEqual([]);
    expect(checksText([], words)).toBe('无');
  });

  test('a "no" gigabit is checked, with no model words (the model knows only 4G and 5G)', () => {
    const checks = whatToCheck(row('522633205201', { gigabit: cell(0) }));
    expect(checks.map((c) => checkText(c, words))).toEqual(['核实千兆：上报否']);
  });

  test('an unknown fiber status is checked', () => {
    const checks = whatToCheck(row('522633205201', { fiber: cell(255) }));
    expect(checks.map((c) => checkText(c, words))).toEqual(['核实光纤：上报未知']);
  });

  test('5G reported no but modelled covered names both sides', () => {
    const checks = whatToCheck(row('522633205201', { '5g': cell(0) }));
    expect(checks.map((c) => checkText(c, words))).toEqual(['核实5G：上报否，模型覆盖']);
  });

  test('5G reported yes but not modelled is a disagreement', () => {
    const checks = whatToCheck(row('522633205201', {}, { modelled5g: 0 }));
    expect(checks.map((c) => checkText(c, words))).toEqual(['核实5G：上报是，模型未覆盖']);
  });

  test('no position: the model cannot disagree, so a 5G "yes" is not checked', () => {
    expect(
      whatToCheck(row('522633205201', {}, { modelled5g: 255, modelled4g: 255, lon: NaN, lat: NaN })),
    ).toEqual([]);
  });

  test('a disputed yes is checked, and says so', () => {
    const checks = whatToCheck(row('522633205201', { fiber: cell(1, { verification: 'disputed' }) }));
    expect(checks.map((c) => checkText(c, words))).toEqual(['核实光纤：上报是，实地核查有争议']);
  });

  test("an edit that changed the sheet's value shows both", () => {
    const checks = whatToCheck(row('522633205201', { '4g': cell(0, { reported: 1, edited: true }) }));
    expect(checks.map((c) => checkText(c, words))).toEqual(['核实4G：上报是，已改为否，模型覆盖']);
  });

  test('a verified "no" stays on the list, marked verified', () => {
    const checks = whatToCheck(
      row('522633205201', { gigabit: cell(0, { verification: 'verified' }) }, { modelled5g: 1 }),
    );
    expect(checks.map((c) => checkText(c, words))).toEqual(['核实千兆：上报否，已核实']);
  });

  test('several statuses are listed in the fixed order fiber, gigabit, 4G, 5G', () => {
    const village = row(
      '522633205201',
      { '5g': cell(0), fiber: cell(255), gigabit: cell(0) },
      { modelled5g: 0 },
    );
    expect(checksText(whatToCheck(village), words)).toBe(
      '核实光纤：上报未知；核实千兆：上报否；核实5G：上报否，模型未覆盖',
    );
  });
});

describe('numbering', () => {
  test('villages are numbered 1… per township in the order given; townships in code order', () => {
    const rows = [
      row('522633205203'),
      row('522633104201'),
      row('522633205201'),
      row('522633104202'),
      row('522633205202'),
    ];
    const townships = checklistTownships(rows);
    expect(townships.map((t) => t.code)).toEqual(['522633104', '522633205']);
    expect(townships[0].villages.map((v) => [v.number, v.code])).toEqual([
      [1, '522633104201'],
      [2, '522633104202'],
    ]);
    expect(townships[1].villages.map((v) => [v.number, v.code])).toEqual([
      [1, '522633205203'],
      [2, '522633205201'],
      [3, '522633205202'],
    ]);
  });

  test('no rows, no townships', () => {
    expect(checklistTownships([])).toEqual([]);
  });
});

describe('table', () => {
  const columns: ChecklistColumns = {
    townshipCode: '乡镇代码',
    township: '乡镇',
    number: '序号',
    name: '村名',
    code: '村级代码',
    lon: '经度',
    lat: '纬度',
    toCheck: '核查内容',
    verified: '已核实',
    wrong: '有误',
    note: '备注',
  };

  test('one row per village with its number, code, checks and empty tick boxes', () => {
    const townships = checklistTownships([
      row('522633205201', { gigabit: cell(0) }),
      row('522633205202', {}, { lon: NaN, lat: NaN, modelled5g: 255, modelled4g: 255 }),
    ]);
    const { header, rows } = checklistTable(townships, columns, words);
    expect(header).toEqual(Object.values(columns));
    expect(rows).toEqual([
      [
        '522633205',
        '乡205',
        '1',
        '村201',
        '522633205201',
        '108.900000',
        '25.700000',
        '核实千兆：上报否',
        '□',
        '□',
        '',
      ],
      ['522633205', '乡205', '2', '村202', '522633205202', '', '', '无', '□', '□', ''],
    ]);
  });
});

describe('sources', () => {
  const sourceWords = {
    entry: '{layer}：{source}',
    separator: '；',
    notLoaded: '未加载',
    imported: '（导入 {date}）',
  };

  test('each layer says where it comes from: a dataset with its file and import day, the sample, or nothing', () => {
    const text = layerSourcesText(
      [
        {
          layer: '村',
          source: {
            kind: 'dataset',
            name: 'villages',
            sourceFile: 'villages.xlsx',
            importedAt: '2026-12-01T12:00:00',
          },
        },
        { layer: '基站', source: { kind: 'sample', name: '示例数据' } },
        { layer: '安置点' },
      ],
      sourceWords,
    );
    expect(text).toBe('村：villages.xlsx（导入 2026-12-01）；基站：示例数据 / sample data；安置点：未加载');
  });

  test('a renamed dataset keeps its file name beside it', () => {
    const text = layerSourcesText(
      [
        {
          layer: '村',
          source: {
            kind: 'dataset',
            name: '从江村表',
            sourceFile: 'cj.csv',
            importedAt: '2026-03-04T09:00:00',
          },
        },
      ],
      sourceWords,
    );
    expect(text).toBe('村：从江村表（cj.csv）（导入 2026-03-04）');
  });
});

test('fill leaves unknown slots alone', () => {
  expect(fill('{a}-{b}', { a: 1 })).toBe('1-{b}');
});
