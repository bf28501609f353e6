// County resident population, 7th national census (2020): every county's figure comes from
// geodata/sources/counties-population-2020.csv (the NBS county tabulation, each row with its
// source); the prefecture totals of the provincial bulletin from
// geodata/sources/prefectures-population-2020.csv. Nothing is estimated: the build stops on a
// county without an exact census figure, or on a prefecture whose counties do not sum exactly to
// its bulletin total.
import Papa from 'papaparse';
import type { PopulationSource } from '../../src/core/areas.ts';

export interface CountyPopulation { population2020: number; populationSource: PopulationSource; populationNote: string }

interface CountyRow { adcode: string; name: string; prefectureAdcode: string; population2020: string; precision: string; source: string }
interface PrefectureRow { adcode: string; name: string; population2020: string; source: string }

export function buildPopulation(countiesCsv: string, prefecturesCsv: string): Map<string, CountyPopulation> {
  const counties = Papa.parse<CountyRow>(countiesCsv, { header: true, skipEmptyLines: true }).data;
  const prefectures = Papa.parse<PrefectureRow>(prefecturesCsv, { header: true, skipEmptyLines: true }).data;
  const result = new Map<string, CountyPopulation>();
  for (const c of counties) {
    const population2020 = Number(c.population2020);
    if (!Number.isInteger(population2020) || population2020 <= 0 || c.precision !== 'exact' || !c.source.trim())
      throw new Error(`${c.adcode} ${c.name}: no exact 2020 census figure with its source (population2020 "${c.population2020}", precision "${c.precision}")`);
    if (!prefectures.some((p) => p.adcode === c.prefectureAdcode)) throw new Error(`${c.adcode} ${c.name}: unknown prefecture ${c.prefectureAdcode}`);
    if (result.has(c.adcode)) throw new Error(`${c.adcode} ${c.name}: listed twice`);
    result.set(c.adcode, { population2020, populationSource: 'census', populationNote: c.source });
  }
  for (const p of prefectures) {
    const sum = counties.filter((c) => c.prefectureAdcode === p.adcode).reduce((s, c) => s + result.get(c.adcode)!.population2020, 0);
    if (sum !== Number(p.population2020)) throw new Error(`${p.name}: its counties sum to ${sum}, not its census total ${p.population2020}`);
  }
  return result;
}
