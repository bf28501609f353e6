import { expect, test } from 'vitest';
import type { GapRow } from '../planning/gapList';
import { GAP_COLUMNS, gapCsv, gapNotes, gapTable, gapXlsxRows, type GapTableWords } from './gapList';
import { SAMPLE_LABEL, type SourceNoteWords } from './sourceNote';

const words: GapTableWords = {
  headings: Object.fromEntries(GAP_COLUMNS.map((column) => [column, column])) as GapTableWords['headings'],
  kinds: { village: '村', relocationSite: '安置点', scenicArea: '景区' },
  reasons: {
    reportedYesModelledNo: '上报有模型无',
    reportedNoModelledYes: '上报无模型有',
    noStationInRadius: '无站',
    reportedMissing: '无上报',
    noPosition: '无坐标',
  },
  reported: { yes: '是', no: '否', unknown: '未知' },
  modelled: { covered: '覆盖', notCovered: '未覆盖', unknown: '—' },
  yes: '是',
  noStation: '无基站',
  separator: '；',
};

const village: GapRow = {
  kind: 'village',
  index: 3,
  code: '520122101201',
  name: '=村"一"',
  countyAdcode: '520122',
  countyName: '息烽县',
  townshipCode: '520122101',
  lon: 106.7123456,
  lat: 27.1,
  approximate: false,
  reported: 'yes',
  modelled: 'notCovered',
  reasons: ['reportedYesModelledNo', 'noStationInRadius'],
  nearest5gMeters: 1834.56,
  nearest4gMeters: Infinity,
  population: NaN,
  level: '',
};
const site: GapRow = {
  ...village,
  kind: 'scenicArea',
  index: 0,
  code: '',
  name: '景区',
  townshipCode: '',
  lon: NaN,
  lat: NaN,
  approximate: true,
  reported: 'unknown',
  modelled: 'unknown',
  reasons: ['reportedMissing', 'noPosition'],
  nearest5gMeters: NaN,
  nearest4gMeters: NaN,
  population: 1200,
  level: '5A',
};

test('one row per target: whole metres, words for reasons and for no station, empty cells for what is unknown', () => {
  const table = gapTable([village, site], words);
  expect(table.header).toEqual([...GAP_COLUMNS]);
  expect(table.rows).toEqual([
    [
      '村',
      '520122101201',
      '=村"一"',
      '520122',
      '息烽县',
      '520122101',
      '106.712346',
      '27.100000',
      '',
      '上报有模型无；无站',
      '是',
      '未覆盖',
      '1835',
      '无基站',
      '',
    ],
    [
      '景区 5A',
      '',
      '景区',
      '520122',
      '息烽县',
      '',
      '',
      '',
      '是',
      '无上报；无坐标',
      '未知',
      '—',
      '',
      '',
      '1200',
    ],
  ]);
});

test('CSV starts with a BOM and the notes, and quotes and defuses cells as Excel needs', () => {
  const csv = gapCsv([village], words, ['示例数据 / sample data']);
  expect(csv.startsWith('\uFEFF示例数据 / sample data\r\n\r\nkind,code,')).toBe(true);
  expect(csv).toContain(`"'=村""一"""`);
});

test('XLSX keeps numbers as numbers and text as text, with the header bold after the notes', () => {
  const [note, blank, header, row] = gapXlsxRows([village], words, ['note']);
  expect(note).toEqual([{ value: 'note', type: String }]);
  expect(blank).toEqual([]);
  expect(header[0]).toEqual({ value: 'kind', type: String, fontWeight: 'bold' });
  expect(row[GAP_COLUMNS.indexOf('nearest5g')]).toEqual({ value: 1835, type: Number, format: '0' });
  expect(row[GAP_COLUMNS.indexOf('lon')]).toEqual({ value: 106.7123456, type: Number, format: '0.000000' });
  expect(row[GAP_COLUMNS.indexOf('nearest4g')]).toEqual({ value: '无基站', type: String });
  expect(row[GAP_COLUMNS.indexOf('population')]).toBeNull();
  expect(row[GAP_COLUMNS.indexOf('name')]).toEqual({ value: '=村"一"', type: String });
});

const sourceWords: SourceNoteWords = {
  lead: '数据来源：',
  notLoaded: '未加载',
  colon: '：',
  separator: '；',
};
const sample = { kind: 'sample' as const, name: '示例数据' };

test("the notes name each layer's source first; one dataset among sample layers drops the whole-file sample mark", () => {
  const notes = gapNotes(
    [
      {
        layer: '村',
        source: { kind: 'dataset', name: 'villages-status', sourceFile: 'villages-status.csv' },
      },
      { layer: '安置点', source: sample },
      { layer: '景区', source: sample },
      { layer: '基站', source: sample },
    ],
    sourceWords,
    [SAMPLE_LABEL, '息烽县 · 2025 年底', '模型估计'],
    SAMPLE_LABEL,
  );
  expect(notes).toEqual([
    '数据来源：村：villages-status.csv；安置点：示例数据 / sample data；景区：示例数据 / sample data；基站：示例数据 / sample data',
    '息烽县 · 2025 年底',
    '模型估计',
  ]);
  const csv = gapCsv([village], words, notes);
  expect(csv.startsWith(`\uFEFF${notes[0]}\r\n`)).toBe(true);
  expect(csv.split('\r\n')).not.toContain(SAMPLE_LABEL);
});

test('when every layer with data is the sample, the whole file is marked sample as well', () => {
  const notes = gapNotes(
    [{ layer: '村', source: sample }, { layer: '安置点' }, { layer: '基站', source: sample }],
    sourceWords,
    [SAMPLE_LABEL, '模型估计'],
    SAMPLE_LABEL,
  );
  expect(notes).toEqual([
    '数据来源：村：示例数据 / sample data；安置点：未加载；基站：示例数据 / sample data',
    SAMPLE_LABEL,
    '模型估计',
  ]);
});
