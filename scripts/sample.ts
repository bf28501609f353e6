// Writes the seeded SAMPLE datasets (synthetic stations, village statuses, relocation-site and
// scenic-area statuses) as CSV into sample-data/ (git-ignored) for the CLI and import tests, and
// prints what it wrote and the calibration table. The data come from src/core/sample, the same
// pure code the browser worker runs, so a seed gives the same rows here and in the app.
//
//   npm run sample [-- --seed N] [--out DIR] [--repeat N]
//
// --repeat N generates N times and prints the min and median generation time (Node), the figure
// that decides whether the worker can generate the sample at start-up.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { AreaIndex, CountyCollection } from '../src/core/areas';
import { countyIndexOf } from '../src/core/assign/countyIndex';
import { placesCsv, stationsCsv, villagesCsv } from '../src/core/sample/csv';
import {
  DEFAULT_SAMPLE_SEED,
  generateSample,
  SAMPLE_LABEL,
  type Sample,
  type SampleInputs,
} from '../src/core/sample/generate';
import { VILLAGE_COMMITTEE } from '../src/core/sample/layout';

const { values } = parseArgs({
  options: { seed: { type: 'string' }, out: { type: 'string' }, repeat: { type: 'string' } },
});
const seed = values.seed === undefined ? DEFAULT_SAMPLE_SEED : Number(values.seed);
const repeat = values.repeat === undefined ? 1 : Number(values.repeat);
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
  throw new Error(`--seed must be a whole number from 0 to 4294967295 (got "${values.seed}")`);
if (!Number.isInteger(repeat) || repeat < 1)
  throw new Error(`--repeat must be a whole number ≥ 1 (got "${values.repeat}")`);
const outDirectory = values.out ?? 'sample-data';

const geodata = new URL('../geodata/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, geodata), 'utf8');
let started = performance.now();
const countyIndex = countyIndexOf(JSON.parse(read('counties.geojson')) as CountyCollection).index;
const indexMs = performance.now() - started;
const inputs: SampleInputs = {
  areas: JSON.parse(read('areas.json')) as AreaIndex,
  countyIndex,
  villagesCsv: read('villages.csv'),
  relocationSitesCsv: read('sources/relocation-sites.csv'),
  scenicAreasCsv: read('sources/scenic-areas.csv'),
};

const times: number[] = [];
let sample: Sample | undefined;
for (let run = 0; run < repeat; run++) {
  started = performance.now();
  sample = generateSample(seed, inputs);
  times.push(performance.now() - started);
}
const result = sample!;

mkdirSync(outDirectory, { recursive: true });
const files: Array<[name: string, text: string, rows: number]> = [
  ['sample-stations.csv', stationsCsv(result.stations, inputs.areas.counties), result.stations.lon.length],
  ['sample-villages.csv', villagesCsv(result.villages), result.villages.lon.length],
  ['sample-relocation-sites.csv', placesCsv(result.relocationSites), result.relocationSites.rows.length],
  ['sample-scenic-areas.csv', placesCsv(result.scenicAreas), result.scenicAreas.rows.length],
];
for (const [name, text] of files) writeFileSync(join(outDirectory, name), text);
writeFileSync(join(outDirectory, 'README.md'), readme(result));

const print = (line = '') => process.stdout.write(line + '\n');
print(`${SAMPLE_LABEL} — seed ${seed}`);
print(`wrote to ${relative(process.cwd(), outDirectory) || '.'}/:`);
for (const [name, text, rows] of files)
  print(
    `  ${name.padEnd(30)} ${String(rows).padStart(7)} rows  ${(Buffer.byteLength(text) / 1e6).toFixed(1).padStart(5)} MB`,
  );
print('  README.md');
print();
print('calibration (stations on air at the end of each year; * = published figure, others interpolated):');
print('  year   5G built  5G cumulative    4G built  4G cumulative');
for (const row of result.calibration) {
  print(
    `  ${row.year}  ${String(row.fiveGBuilt).padStart(9)}  ${(row.fiveGCumulative.toLocaleString('en') + (row.fiveGPublished ? '*' : ' ')).padStart(13)}  ${String(row.fourGBuilt).padStart(10)}  ${(row.fourGCumulative.toLocaleString('en') + (row.fourGPublished ? '*' : ' ')).padStart(13)}`,
  );
}
print('  (4G built in 2019 = everything on air by the end of 2019)');
print();
for (const line of summaryLines(result, inputs)) print(line);
print();
const sorted = [...times].sort((a, b) => a - b);
print(`county index build ${indexMs.toFixed(0)} ms (an input, not part of the sample)`);
print(
  `generation ${repeat === 1 ? `${times[0].toFixed(0)} ms` : `min ${sorted[0].toFixed(0)} ms, median ${sorted[Math.floor((repeat - 1) / 2)].toFixed(0)} ms over ${repeat} runs`}`,
);

function summaryLines({ stations, villages }: Sample, { areas }: SampleInputs): string[] {
  const fiveG = stations.fiveGCount;
  const byOperator = stations.operators.map(() => [0, 0]);
  for (let i = 0; i < stations.lon.length; i++) byOperator[stations.operator[i]][i < fiveG ? 0 : 1]++;
  const population = areas.counties.reduce((sum, c) => sum + c.population2020, 0);
  const lines = ['operators (share of 5G / 4G stations, sample assumptions):'];
  stations.operators.forEach((name, o) =>
    lines.push(
      `  ${name}  ${((100 * byOperator[o][0]) / fiveG).toFixed(1).padStart(5)} % / ${((100 * byOperator[o][1]) / (stations.lon.length - fiveG)).toFixed(1).padStart(5)} %`,
    ),
  );
  lines.push(
    `5G per 10k residents by 2025: ${((fiveG * 10_000) / population).toFixed(1)} (plan target 33; ${population.toLocaleString('en')} residents, census 2020)`,
  );
  const share = (years: Int16Array, year: number) => {
    let have = 0,
      all = 0;
    for (let i = 0; i < years.length; i++)
      if (villages.villages.kind[i] === VILLAGE_COMMITTEE) {
        all++;
        if (years[i] !== 0 && years[i] <= year) have++;
      }
    return `${((100 * have) / all).toFixed(1)} %`;
  };
  lines.push(
    `administrative villages (村委会) reported with 5G: ${share(villages.fiveGYear, 2022)} by 2022, ${share(villages.fiveGYear, 2025)} by 2025; modelled: ${share(villages.modelledFiveGYear, 2022)}, ${share(villages.modelledFiveGYear, 2025)}`,
  );
  lines.push(`administrative villages with gigabit fiber by 2025: ${share(villages.gigabitYear, 2025)}`);
  return lines;
}

function readme({ seed, label }: Sample): string {
  return `# ${label}

Generated by \`npm run sample -- --seed ${seed}\` from src/core/sample. **Synthetic, not real data.**

- sample-stations.csv: synthetic base stations (every row: 示例数据 = 是). Counts by build year
  are calibrated to the published Guizhou totals (5G: 1,467 end 2019, 20,721 end 2020, 84,300 end
  2022, 130,000 end 2025; 4G: 183,000 in 2020, 196,000 in 2025); positions, operators, bands and
  sharing are invented. Build year 2019 for 4G means "on air by the end of 2019".
- sample-villages.csv: the real NBS 2023 village-level units (codes, names, townships, kinds) with
  synthetic positions and synthetic fiber / gigabit / 5G years (0 = not yet); sample = 1.
- sample-relocation-sites.csv, sample-scenic-areas.csv: the real source rows from
  geodata/sources/ (positions as given, with their quality; position_approximate = 1 unless the
  position is a surveyed POI) plus a synthetic reported 5G status; status_sample = 1.

Coordinates are WGS84.
`;
}
