import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { geodataContext, importFile, mappingProblem, MappingError, clippedProblem } from './importFile';

const context = geodataContext(
  JSON.parse(readFileSync('geodata/counties.geojson', 'utf8')),
  readFileSync('geodata/villages.csv', 'utf8'),
);

const VILLAGES = new TextEncoder().encode(
  [
    '村代码,村名,通光纤,经度,纬度',
    '520111004200,尖山村,是,106.6671,26.4140',
    '520102200201,太慈村,否,,',
    '520111004201,天鹅村,也许,,',
  ].join('\n'),
);

describe('importFile', () => {
  test('reads, maps by the header and validates as the import dialog does', async () => {
    const { mapping, result, dataset } = await importFile(
      VILLAGES,
      { fileName: 'v.csv', name: '行政村', layer: 'villages', datum: 'wgs84' },
      context,
    );
    expect(mapping).toMatchObject({ villageCode: 0, name: 1, fiber: 2, lon: 3, lat: 4 });
    expect(result.rejected.map((row) => row.rowIndex)).toEqual([2]);
    expect(dataset).toMatchObject({ name: '行政村', sourceFile: 'v.csv', layer: 'villages', rowCount: 2 });
    expect(dataset.columns.villageCode).toEqual(['520111004200', '520102200201']);
    const county = dataset.columns.county as Int16Array;
    expect([...county].map((k) => context.countyAdcodes[k])).toEqual(['520111', '520102']);
  });

  test('a field sent as null has no column', async () => {
    const { mapping, dataset } = await importFile(
      VILLAGES,
      {
        fileName: 'v.csv',
        name: 'v',
        layer: 'villages',
        datum: 'wgs84',
        mapping: { villageCode: 0, fiber: null as unknown as undefined },
      },
      context,
    );
    expect(mapping).toEqual({ villageCode: 0 });
    // Row 3 ("也许") is fine once 通光纤 is not read; the unmapped columns are kept as text.
    expect(dataset.rowCount).toBe(3);
    expect(dataset.columns['通光纤']).toEqual(['是', '否', '也许']);
  });

  test('refuses a mapping that does not fit the file', async () => {
    const header = ['村代码', '村名'];
    expect(mappingProblem([0], header, 'villages')).toMatch(/not an object/);
    expect(mappingProblem({ operator: 0 }, header, 'villages')).toMatch(/not a field of villages/);
    expect(mappingProblem({ villageCode: 2 }, header, 'villages')).toMatch(/has 2 columns/);
    expect(mappingProblem({ villageCode: 0.5 }, header, 'villages')).toMatch(/column 0.5/);
    expect(mappingProblem({ villageCode: 0, name: 0 }, header, 'villages')).toMatch(/two fields/);
    expect(mappingProblem({ villageCode: 0, name: 1 }, header, 'villages')).toBeNull();
    await expect(
      importFile(
        VILLAGES,
        { fileName: 'v.csv', name: 'v', layer: 'villages', datum: 'wgs84', mapping: { id: 0 } },
        context,
      ),
    ).rejects.toBeInstanceOf(MappingError);
  });

  test('clips long texts of a problem for display', () => {
    const clipped = clippedProblem({
      code: 'not-yes-no',
      row: 2,
      column: '列'.repeat(500),
      params: { value: 'x'.repeat(5000), field: 'fiber', count: 3 },
    });
    expect(clipped.column).toHaveLength(200);
    expect(clipped.params.value).toHaveLength(200);
    expect(clipped.params).toMatchObject({ field: 'fiber', count: 3 });
  });
});
