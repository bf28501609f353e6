// County resident population, 7th national census (2020). Census figures come from
// geodata/sources/counties-population-2020.csv (each with its source); prefecture totals from
// geodata/sources/prefectures-population-2020.csv. Two repairs keep every prefecture summing to
// its census total, and each is flagged on the county:
// - figures published rounded to 100 persons are moved, within their rounding interval, so that a
//   prefecture whose counties are all known sums exactly ("census-rounded");
// - missing figures are estimated by sharing the prefecture's remainder in proportion to the
//   county's count of village-level units (NBS 2023), and marked "estimate".
import Papa from 'papaparse';

export type PopulationSource = 'census' | 'census-rounded' | 'estimate';
export interface CountyPopulation { population2020: number; populationSource: PopulationSource; populationNote: string }

interface CountyRow { adcode: string; name: string; prefectureAdcode: string; population2020: string; precision: string; source: string }
interface PrefectureRow { adcode: string; name: string; population2020: string; source: string }

const ROUNDING_UNIT: Record<string, number> = { rounded_100: 100, possibly_rounded: 100 };

/** Splits `total` into integers proportional to `weights` (largest remainder), summing exactly. */
export function apportion(total: number, weights: number[]): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / weightSum);
  const result = exact.map(Math.floor);
  let remainder = total - result.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; remainder > 0; k = (k + 1) % order.length, remainder--) result[order[k][1]]++;
  return result;
}

export function buildPopulation(countiesCsv: string, prefecturesCsv: string, villageUnitsByCounty: Map<string, number>): Map<string, CountyPopulation> {
  const counties = Papa.parse<CountyRow>(countiesCsv, { header: true, skipEmptyLines: true }).data;
  const prefectures = Papa.parse<PrefectureRow>(prefecturesCsv, { header: true, skipEmptyLines: true }).data;
  const result = new Map<string, CountyPopulation>();
  for (const prefecture of prefectures) {
    const members = counties.filter((c) => c.prefectureAdcode === prefecture.adcode);
    const known = members.filter((c) => c.population2020.trim() !== '');
    const missing = members.filter((c) => c.population2020.trim() === '');
    const total = Number(prefecture.population2020);
    let remainder = total - known.reduce((sum, c) => sum + Number(c.population2020), 0);
    const adjustments = new Map<string, number>();
    if (missing.length === 0 && remainder !== 0) {
      const rounded = known.filter((c) => ROUNDING_UNIT[c.precision]);
      const maxShift = rounded.reduce((s, c) => s + ROUNDING_UNIT[c.precision] / 2, 0);
      if (Math.abs(remainder) > maxShift) throw new Error(`${prefecture.name}: counties sum off by ${remainder}, more than their rounding allows`);
      const shares = apportion(Math.abs(remainder), rounded.map(() => 1));
      rounded.forEach((c, i) => adjustments.set(c.adcode, Math.sign(remainder) * shares[i]));
      remainder = 0;
    }
    for (const c of known) {
      const shift = adjustments.get(c.adcode) ?? 0;
      const rounded = Boolean(ROUNDING_UNIT[c.precision]);
      result.set(c.adcode, {
        population2020: Number(c.population2020) + shift,
        populationSource: rounded ? 'census-rounded' : 'census',
        populationNote: c.source + (shift ? ` | published rounded to ${ROUNDING_UNIT[c.precision]}; shifted by ${shift} within that rounding so ${prefecture.name} sums to its census total` : ''),
      });
    }
    if (missing.length) {
      const weights = missing.map((c) => villageUnitsByCounty.get(c.adcode) ?? 0);
      if (remainder <= 0 || weights.some((w) => w === 0)) throw new Error(`${prefecture.name}: cannot estimate ${missing.length} missing counties from remainder ${remainder}`);
      apportion(remainder, weights).forEach((population2020, i) => result.set(missing[i].adcode, {
        population2020,
        populationSource: 'estimate',
        populationNote: `estimate: ${prefecture.name}'s census total ${total} minus its known counties, shared among the ${missing.length} counties without a found figure in proportion to their village-level units (NBS 2023)`,
      }));
    }
  }
  return result;
}
