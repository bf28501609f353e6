// Column names recognised in users' files, Chinese and English, for the roles the sample data and
// the command line's options name. Matching is case-insensitive on the trimmed header; the first
// name found wins. (The import dialog's fuller guess, with synonyms inside longer headers, is
// import/mapping.ts.)
export const COLUMN_NAMES = {
  id: ['id', 'station_id', 'site_id', '站号', '基站编号', '编号', '站点编号', 'code', '村代码', '代码'],
  name: ['name', '名称', '站名', '基站名称', '村名', '村名称', '景区名称', '安置点名称'],
  technology: ['technology', 'tech', 'network', '制式', '网络制式', '技术', '网络'],
  band: ['band', '频段', 'frequency', '频率', 'freq'],
  buildYear: ['build_year', 'year', 'buildyear', '建成年份', '开通年份', '年份', '建设年份'],
} as const;

/** Index of the column whose name matches one of `names` (case-insensitive, trimmed), or −1. */
export function findColumn(header: readonly string[], names: readonly string[]): number {
  const normalised = header.map((h) => h.trim().toLowerCase());
  for (const name of names) {
    const i = normalised.indexOf(name.toLowerCase());
    if (i !== -1) return i;
  }
  return -1;
}
