// The China-sized run on PostgreSQL + PostGIS, as the team server would do it: the same seeded
// stations as the worker's run (chinaSized.ts) loaded at 130,000 … 4,500,000, a per-county
// summary by a spatial join with subdivided county polygons, and station vector tiles with
// ST_AsMVT for the bench views (chinaViews.ts).
//
//   BENCH_DATABASE_URL=postgres://… npx tsx scripts/bench/postgis.ts [sizes…]
//
// Skips (printing why) without BENCH_DATABASE_URL, when the database cannot be reached, or when
// PostGIS cannot be created there; the tile rows also when PostGIS lacks protobuf (ST_AsMVT).
//
// Rules relied on:
// - Everything lives in one schema of its own, dropped before and after: the database may be
//   shared, and nothing else is touched.
// - Loading is `COPY … FROM STDIN` (CSV) through a psql child process fed from Node, the fastest
//   way without a copy-stream package; the point column is generated from lon and lat during the
//   COPY, then the GiST index is built and the table analysed. The table is a normal (logged) one.
// - County polygons come from geodata/counties.geojson, cut by ST_Subdivide (≤ 128 vertices per
//   part) with a GiST index; a point counts for the county whose part it intersects (a point on
//   the seam of two parts would count twice: the counts are compared with the worker's exact
//   assignment, assignCounties, and any difference is printed). Each summary's plan is printed
//   too: at these sizes the planner's choice decides the time more than anything else.
// - JIT is off for the session (see runBench); otherwise the server's defaults.
// - Tiles are in EPSG:3857 (ST_TileEnvelope), points transformed per tile from EPSG:4326, no
//   buffer (as the worker's tiles), properties o b y and the row as feature id; each tile is one
//   query from this process, so a time includes the round trip and the bytes.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { assignCounties } from '../../src/core/assign/countyIndex.ts';
import type { StationLayer } from '../../src/core/layers/stationColumns.ts';
import { CHINA_SIZES, chinaSizedStations, loadChinaTemplate, type ChinaTemplate } from './chinaSized.ts';
import {
  machineLoad,
  markdownTable,
  minAndMedian,
  ms,
  peakRssMb,
  percentile,
  thousands,
  timeRunsAsync,
} from './chinaMeasure.ts';
import { benchViews, tilesOfView } from './chinaViews.ts';

const SCHEMA = 'china_bench';
const SUBDIVIDE_VERTICES = 128;
const COPY_BATCH_ROWS = 50_000;
const runsFor = (size: number) => (size >= 4_500_000 ? 2 : 3);

export async function benchPostgis(
  url: string | undefined = process.env.BENCH_DATABASE_URL,
  sizes: readonly number[] = CHINA_SIZES,
): Promise<string[][]> {
  const skip = (why: string) => [['PostGIS China-sized run', 'skipped', '', why]];
  if (!url) return skip('no BENCH_DATABASE_URL (a PostgreSQL URL with PostGIS) given');
  const psql = psqlPath();
  if (!psql) return skip('psql (the PostgreSQL client) is not on the PATH: it carries the COPY');
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    return skip(`cannot connect to BENCH_DATABASE_URL: ${(error as Error).message}`);
  }
  try {
    try {
      await client.query('create extension if not exists postgis');
    } catch (error) {
      return skip(`PostGIS is not available in that database: ${(error as Error).message}`);
    }
    return await runBench(client, url, psql, sizes);
  } finally {
    await client.query(`drop schema if exists ${SCHEMA} cascade`).catch(() => undefined);
    await client.end();
  }
}

async function runBench(
  client: pg.Client,
  url: string,
  psql: string,
  sizes: readonly number[],
): Promise<string[][]> {
  const rows: string[][] = [];
  const { rows: versionRows } = await client.query<{ postgres: string; postgis: string }>(
    'select current_setting($1) as postgres, postgis_lib_version() as postgis',
    ['server_version'],
  );
  const tilesWork = await client
    .query(
      'select ST_AsMVT(t) from (select ST_AsMVTGeom(ST_Point(0, 0), ST_TileEnvelope(0, 0, 0)) as geom) t',
    )
    .then(
      () => true,
      () => false,
    );
  const template = loadChinaTemplate();
  await client.query(`drop schema if exists ${SCHEMA} cascade`);
  await client.query(`create schema ${SCHEMA}`);
  // JIT compiling costs 0.15–1.6 s per query here and gains nothing on work done inside PostGIS
  // (the 172,000-point tile at 1.5 M: 2.3 s with JIT, 1.5 s without).
  await client.query('set jit = off');

  let started = performance.now();
  await loadCounties(client, template);
  rows.push([
    `county polygons: 88 from GeoJSON, ST_Subdivide (≤ ${SUBDIVIDE_VERTICES} vertices) + GiST`,
    ms(performance.now() - started),
    '',
    `1 run; PostgreSQL ${versionRows[0].postgres}, PostGIS ${versionRows[0].postgis}, jit off; ${machineLoad()}`,
  ]);

  for (const size of sizes) {
    const label = `${thousands(size)} stations`;
    const runs = runsFor(size);
    const stations = chinaSizedStations(template, size);
    const load = await loadStations(client, url, psql, stations);
    rows.push(
      [
        `load ${label}: COPY CSV via psql (point generated from lon/lat)`,
        ms(load.copyMs),
        '',
        `1 run; ${thousands(Math.round((size / load.copyMs) * 1000))} rows/s; ${machineLoad()}`,
      ],
      [`load ${label}: GiST index on the points + ANALYZE`, ms(load.indexMs), '', '1 run'],
      [`load ${label}: total (COPY + index + ANALYZE)`, ms(load.copyMs + load.indexMs), '', '1 run'],
    );

    const expected = workerCounts(template, stations);
    // The plain join at 4.5 million is left to ST_Intersects: ST_Contains leads the planner to
    // probe the county parts once per station (several times slower), minutes at that size.
    const summaries = SUMMARIES.filter((summary) => size <= 1_500_000 || summary.name !== 'join-contains');
    for (const { name, title, sql } of summaries) {
      const plan = await planOf(client, sql);
      const summary = await timeRunsAsync(runs, () => countySummary(client, sql));
      rows.push([
        `per-county summary: ${title}, ${label}`,
        ms(summary.min),
        ms(summary.median),
        `${runs} runs; ${differences(expected, summary.result)}; plan ${plan}${name === 'lateral' ? '' : ' (the planner’s choice)'}`,
      ]);
    }
    if (tilesWork) rows.push(await benchTiles(client, template, label, runs));
    await client.query(`drop table ${SCHEMA}.stations`);
  }
  if (!tilesWork) rows.push(['PostGIS tiles', 'skipped', '', 'this PostGIS has no protobuf: ST_AsMVT fails']);
  rows.push(['peak memory of the Node process (RSS)', `${peakRssMb()} MB`, '', machineLoad()]);
  return rows;
}

async function loadCounties(client: pg.Client, template: ChinaTemplate): Promise<void> {
  await client.query(
    `create table ${SCHEMA}.counties (county integer primary key, adcode text not null, geom geometry(MultiPolygon, 4326) not null)`,
  );
  for (const [county, feature] of template.counties.entries())
    await client.query(
      `insert into ${SCHEMA}.counties values ($1, $2, ST_SetSRID(ST_GeomFromGeoJSON($3), 4326))`,
      [county, feature.properties.adcode, JSON.stringify(feature.geometry)],
    );
  await client.query(
    `create table ${SCHEMA}.county_parts as
       select county, ST_Subdivide(geom, ${SUBDIVIDE_VERTICES}) as geom from ${SCHEMA}.counties`,
  );
  await client.query(`create index on ${SCHEMA}.county_parts using gist (geom)`);
  await client.query(`analyze ${SCHEMA}.county_parts`);
}

async function loadStations(
  client: pg.Client,
  url: string,
  psql: string,
  stations: StationLayer,
): Promise<{ copyMs: number; indexMs: number }> {
  await client.query(
    `create table ${SCHEMA}.stations (
       id integer primary key, operator smallint not null, band smallint not null, build_year smallint not null,
       lon double precision not null, lat double precision not null,
       geom geometry(Point, 4326) generated always as (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) stored)`,
  );
  let started = performance.now();
  await copyCsv(
    url,
    psql,
    `copy ${SCHEMA}.stations (id, operator, band, build_year, lon, lat) from stdin with (format csv)`,
    (from, to) => {
      let text = '';
      for (let i = from; i < to; i++)
        text += `${i},${stations.operator[i]},${stations.band[i]},${stations.buildYear[i]},${stations.lon[i]},${stations.lat[i]}\n`;
      return text;
    },
    stations.lon.length,
  );
  const copyMs = performance.now() - started;
  started = performance.now();
  await client.query(`create index stations_geom on ${SCHEMA}.stations using gist (geom)`);
  await client.query(`analyze ${SCHEMA}.stations`);
  return { copyMs, indexMs: performance.now() - started };
}

/** Feeds rows 0 … count − 1, written as CSV by `csv`, to `copy … from stdin` in a psql child. */
function copyCsv(
  url: string,
  psql: string,
  copy: string,
  csv: (from: number, to: number) => string,
  count: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(psql, [url, '--no-psqlrc', '--quiet', '-v', 'ON_ERROR_STOP=1', '-c', copy], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`psql COPY failed (${code}): ${errors}`)),
    );
    let next = 0;
    const write = () => {
      while (next < count) {
        const to = Math.min(count, next + COPY_BATCH_ROWS);
        const more = child.stdin.write(csv(next, to));
        next = to;
        if (!more) return void child.stdin.once('drain', write);
      }
      child.stdin.end();
    };
    write();
  });
}

/**
 * The per-county station counts, three ways: a plain join (ST_Intersects or ST_Contains, the
 * planner picks the plan), and a LATERAL count per county part, which fixes the plan that reuses
 * each polygon for all the stations in its box (PostGIS caches a prepared polygon per call site,
 * so probing the parts once per station rebuilds it again and again).
 */
const SUMMARIES = [
  {
    name: 'join-intersects',
    title: 'ST_Intersects join with subdivided counties',
    sql: `select p.county, count(*) as stations
            from ${SCHEMA}.stations s join ${SCHEMA}.county_parts p on ST_Intersects(p.geom, s.geom)
           group by p.county`,
  },
  {
    name: 'join-contains',
    title: 'ST_Contains join with subdivided counties',
    sql: `select p.county, count(*) as stations
            from ${SCHEMA}.stations s join ${SCHEMA}.county_parts p on ST_Contains(p.geom, s.geom)
           group by p.county`,
  },
  {
    name: 'lateral',
    title: 'LATERAL ST_Intersects count per subdivided county part',
    sql: `select p.county, sum(part.stations) as stations
            from ${SCHEMA}.county_parts p
            cross join lateral (select count(*) as stations from ${SCHEMA}.stations s
                                 where ST_Intersects(p.geom, s.geom)) part
           group by p.county`,
  },
] as const;

async function countySummary(client: pg.Client, sql: string): Promise<Map<number, number>> {
  const { rows } = await client.query<{ county: number; stations: string }>(sql);
  return new Map(rows.map((r) => [r.county, Number(r.stations)]));
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Workers Planned'?: number;
  Plans?: PlanNode[];
}

/** The plan's joins and scans in short, e.g. "Nested Loop(Seq Scan county_parts, Index Scan stations)". */
async function planOf(client: pg.Client, sql: string): Promise<string> {
  const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (format json) ${sql}`);
  const describe = (node: PlanNode): string => {
    const children = (node.Plans ?? []).map(describe).filter(Boolean);
    const name = `${node['Node Type']}${node['Relation Name'] ? ` ${node['Relation Name']}` : ''}${node['Workers Planned'] ? ` ×${node['Workers Planned']}` : ''}`;
    if (/Scan|Join|Loop|Gather/.test(node['Node Type']))
      return children.length ? `${name}(${children.join(', ')})` : name;
    return children.join(', ');
  };
  return describe(rows[0]['QUERY PLAN'][0].Plan);
}

/** Stations per county by the worker's exact assignment, the reference for the server's counts. */
function workerCounts(template: ChinaTemplate, stations: StationLayer): Map<number, number> {
  const county = assignCounties(template.countyIndex, stations.lon, stations.lat);
  const counts = new Map<number, number>();
  for (const c of county) if (c >= 0) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

function differences(expected: Map<number, number>, found: Map<number, number>): string {
  let stations = 0,
    counties = 0;
  for (const county of new Set([...expected.keys(), ...found.keys()])) {
    const difference = Math.abs((expected.get(county) ?? 0) - (found.get(county) ?? 0));
    stations += difference;
    if (difference) counties++;
  }
  return stations === 0
    ? 'same counts as the worker in every county'
    : `${thousands(stations)} stations counted differently from the worker, in ${counties} counties`;
}

async function benchTiles(
  client: pg.Client,
  template: ChinaTemplate,
  label: string,
  runs: number,
): Promise<string[]> {
  const tiles = benchViews(template.areas).flatMap((view) =>
    tilesOfView(view).map((tile) => ({ name: view.name, ...tile })),
  );
  const query = {
    name: 'china-bench-tile',
    text: `select ST_AsMVT(t, 'stations', 4096, 'geom', 'i') as tile from (
             select s.id as i, s.operator as o, s.band as b, s.build_year as y,
                    ST_AsMVTGeom(ST_Transform(s.geom, 3857), ST_TileEnvelope($1, $2, $3), 4096, 0, false) as geom
               from ${SCHEMA}.stations s
              where s.geom && ST_Transform(ST_TileEnvelope($1, $2, $3), 4326)) t`,
  };
  const p95s: number[] = [];
  let worst = { milliseconds: 0, tile: '' };
  let largest = { bytes: 0, tile: '' };
  for (let run = 0; run < runs; run++) {
    const times: number[] = [];
    for (const { name, z, x, y } of tiles) {
      const started = performance.now();
      const { rows } = await client.query<{ tile: Buffer }>({ ...query, values: [z, x, y] });
      const milliseconds = performance.now() - started;
      times.push(milliseconds);
      if (milliseconds > worst.milliseconds) worst = { milliseconds, tile: `${name} ${z}/${x}/${y}` };
      if (rows[0].tile.length > largest.bytes)
        largest = { bytes: rows[0].tile.length, tile: `${name} ${z}/${x}/${y}` };
    }
    p95s.push(percentile(times, 0.95));
  }
  const { min, median } = minAndMedian(p95s);
  return [
    `PostGIS tiles (ST_AsMVT + ST_AsMVTGeom): p95 per station tile, ${tiles.length} tiles of views at zoom 9–12 (Guiyang, 望谟), ${label}`,
    ms(min),
    ms(median),
    `${runs} runs; slowest tile ${ms(worst.milliseconds)} (${worst.tile}); largest ${(largest.bytes / 2 ** 20).toFixed(1)} MB (${largest.tile})`,
  ];
}

/** psql from the PATH: it is installed with the PostgreSQL client. */
function psqlPath(): string | undefined {
  return (process.env.PATH ?? '')
    .split(':')
    .map((directory) => `${directory}/psql`)
    .find((path) => path.startsWith('/') && existsSync(path));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = process.argv.slice(2).map(Number);
  const rows = await benchPostgis(process.env.BENCH_DATABASE_URL, sizes.length ? sizes : CHINA_SIZES);
  if (rows[0]?.[1] === 'skipped') console.log(`PostGIS bench skipped: ${rows[0][3]}`);
  console.log(markdownTable(rows));
  console.log(`\nNode ${process.version}, seeded data; ${machineLoad()} at the end.`);
}
