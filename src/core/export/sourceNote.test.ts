import { expect, test } from 'vitest';
import { anySample, datasetLabel, SAMPLE_LABEL, sourceNote, type SourceNoteWords } from './sourceNote';

const zh: SourceNoteWords = { lead: '数据来源：', notLoaded: '未加载', colon: '：', separator: '；' };
const en: SourceNoteWords = { lead: 'Data sources: ', notLoaded: 'not loaded', colon: ': ', separator: '; ' };

test('each layer is named with its own source: one dataset among sample layers is not called sample', () => {
  const layers = [
    { layer: '村', source: { kind: 'dataset' as const, name: '村台账', sourceFile: '村台账.xlsx' } },
    { layer: '安置点', source: { kind: 'sample' as const, name: '示例数据' } },
    { layer: '景区', source: { kind: 'sample' as const, name: '示例数据' } },
  ];
  expect(sourceNote(layers, zh)).toBe(
    '数据来源：村：村台账.xlsx；安置点：示例数据 / sample data；景区：示例数据 / sample data',
  );
  expect(anySample(layers)).toBe(true);
  expect(anySample(layers.slice(0, 1))).toBe(false);
});

test('sample data is labelled in both languages whatever the UI language; a layer without data says so', () => {
  expect(
    sourceNote(
      [{ layer: 'Stations', source: { kind: 'sample', name: 'Sample data' } }, { layer: 'Villages' }],
      en,
    ),
  ).toBe(`Data sources: Stations: ${SAMPLE_LABEL}; Villages: not loaded`);
});

test('a dataset is its name, with its file when the name does not already say it', () => {
  expect(datasetLabel('villages-status', 'villages-status.csv')).toBe('villages-status.csv');
  expect(datasetLabel('2025 年二季度', 'q2.xlsx')).toBe('2025 年二季度（q2.xlsx）');
  expect(datasetLabel('mine')).toBe('mine');
  expect(datasetLabel('a.csv', 'a.csv')).toBe('a.csv');
});
