// Timing and printing shared by the China-sized benchmarks: min and median of a few runs, a
// percentile, the process's peak memory and a markdown table of [measure, min, median, note] rows.
import { cpus, loadavg } from 'node:os';

export interface Timed<T> {
  min: number;
  median: number;
  runs: number;
  result: T;
}

/** Runs `run` `runs` times and keeps its last result. */
export function timeRuns<T>(runs: number, run: () => T): Timed<T> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = run();
    times.push(performance.now() - started);
  }
  return { ...minAndMedian(times), runs, result };
}

/** timeRuns for work that answers a promise (a database query): each run awaited in turn. */
export async function timeRunsAsync<T>(runs: number, run: () => Promise<T>): Promise<Timed<T>> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await run();
    times.push(performance.now() - started);
  }
  return { ...minAndMedian(times), runs, result };
}

/** The smallest and the median (the mean of the middle two of an even count) of some times. */
export function minAndMedian(times: readonly number[]): { min: number; median: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { min: sorted[0], median };
}

/** The value below which `share` of the values lie (nearest rank). */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}

export const ms = (milliseconds: number) =>
  milliseconds >= 10_000 ? `${(milliseconds / 1000).toFixed(1)} s` : `${milliseconds.toFixed(1)} ms`;
export const perSecond = (count: number, milliseconds: number) =>
  `${(((count / milliseconds) * 1000) / 1e6).toFixed(1)} M/s`;
export const thousands = (n: number) => n.toLocaleString('en');

/** Peak resident memory of this process so far (the kernel's high-water mark), in MB. */
export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** The load average now, to print beside the figures (the machine is shared). */
export const machineLoad = () =>
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ')} on ${cpus().length} cores`;

export function markdownTable(rows: readonly string[][]): string {
  return `| measure | min | median | target / note |\n|---|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`;
}
