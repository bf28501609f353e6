// A township's field checklist: its villages numbered in list order (the numbers the checklist map
// draws), each with what a field crew should look at, and the same rows as a table for XLSX; plus the
// header line that says where each layer's data come from. What the rural-connectivity crews print
// before they drive out.
//
// Rules relied on:
// - A status is worth a visit when its current value is unknown or "no", when a field check
//   disputes it, or (4G and 5G, the two the coverage model estimates) when the current value and
//   the model say different things, both known. A verified "no" stays on the list, marked verified:
//   the village still lacks the service.
// - Villages are numbered 1, 2, … per township in the order the rows arrive (the engine's list,
//   sorted by code), so the printed list, the map and the XLSX agree.
// - Wording comes in already translated (templates with {name} slots, not i18next's {{name}}, so
//   the templates pass through t() unfilled); sample data is written "示例数据 / sample data".
import type { Flag, ListStatus, VillageListRow } from '../tracking/villageList';
import { LIST_STATUSES } from '../tracking/villageList';
import { datasetLabel, SAMPLE_LABEL } from './sourceNote';

/** The statuses the coverage model also estimates. */
const MODELLED: Partial<Record<ListStatus, 'modelled4g' | 'modelled5g'>> = {
  '4g': 'modelled4g',
  '5g': 'modelled5g',
};

/** One status of one village that needs a look, and why. */
export interface CheckItem {
  field: ListStatus;
  reported: Flag;
  current: Flag;
  /** 255 when the status has no model or the village no position. */
  modelled: Flag;
  disputed: boolean;
  verified: boolean;
}

export interface ChecklistVillage {
  /** 1-based, per township, in list order: the number on the map. */
  number: number;
  code: string;
  name: string;
  lon: number;
  lat: number;
  checks: CheckItem[];
}

export interface ChecklistTownship {
  code: string;
  name: string;
  villages: ChecklistVillage[];
}

/** The statuses of a village that need a look (see the rules above), in LIST_STATUSES order. */
export function whatToCheck(row: VillageListRow): CheckItem[] {
  const checks: CheckItem[] = [];
  for (const field of LIST_STATUSES) {
    const cell = row.status[field];
    const modelKey = MODELLED[field];
    const modelled: Flag = modelKey ? row[modelKey] : 255;
    const disputed = cell.verification === 'disputed';
    const disagrees = cell.current !== 255 && modelled !== 255 && cell.current !== modelled;
    if (cell.current === 255 || cell.current === 0 || disputed || disagrees)
      checks.push({
        field,
        reported: cell.reported,
        current: cell.current,
        modelled,
        disputed,
        verified: cell.verification === 'verified',
      });
  }
  return checks;
}

/** The rows grouped by township (townships in code order), villages numbered in the order given. */
export function checklistTownships(rows: readonly VillageListRow[]): ChecklistTownship[] {
  const byCode = new Map<string, ChecklistTownship>();
  for (const row of rows) {
    let township = byCode.get(row.townshipCode);
    if (!township)
      byCode.set(
        row.townshipCode,
        (township = { code: row.townshipCode, name: row.townshipName, villages: [] }),
      );
    township.villages.push({
      number: township.villages.length + 1,
      code: row.code,
      name: row.name,
      lon: row.lon,
      lat: row.lat,
      checks: whatToCheck(row),
    });
  }
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Already translated; `{name}` slots are filled here. */
export interface CheckWords {
  /** 光纤, 千兆, 4G, 5G. */
  fields: Record<ListStatus, string>;
  /** 是, 否, 未知. */
  yes: string;
  no: string;
  unknown: string;
  /** "核实{field}：{details}". */
  check: string;
  /** "上报{value}". */
  reported: string;
  /** "已改为{value}": the team's edit changed the sheet's value. */
  changed: string;
  /** "模型覆盖" / "模型未覆盖". */
  modelledCovered: string;
  modelledNotCovered: string;
  /** "实地核查有争议". */
  disputed: string;
  /** "已核实". */
  verified: string;
  /** Between the details of one status ("，") and between statuses ("；"). */
  detailSeparator: string;
  checkSeparator: string;
  /** For a village with nothing to check. */
  nothing: string;
}

export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (slot, key: string) => (key in values ? String(values[key]) : slot));

const valueWord = (flag: Flag, words: CheckWords) =>
  flag === 1 ? words.yes : flag === 0 ? words.no : words.unknown;

/** One status in words: "核实千兆：上报否", "核实5G：上报否，模型覆盖". */
export function checkText(item: CheckItem, words: CheckWords): string {
  const details = [fill(words.reported, { value: valueWord(item.reported, words) })];
  if (item.current !== item.reported)
    details.push(fill(words.changed, { value: valueWord(item.current, words) }));
  if (item.modelled !== 255)
    details.push(item.modelled === 1 ? words.modelledCovered : words.modelledNotCovered);
  if (item.disputed) details.push(words.disputed);
  if (item.verified) details.push(words.verified);
  return fill(words.check, { field: words.fields[item.field], details: details.join(words.detailSeparator) });
}

/** All of a village's checks in one line, or the "nothing to check" words. */
export const checksText = (checks: readonly CheckItem[], words: CheckWords) =>
  checks.length === 0 ? words.nothing : checks.map((c) => checkText(c, words)).join(words.checkSeparator);

/** Where one layer's rows come from. */
export interface ChecklistLayerSource {
  /** The layer in words ("村", "基站"). */
  layer: string;
  /** Undefined when the layer has no data loaded. */
  source?: { kind: 'sample' | 'dataset'; name: string; sourceFile?: string; importedAt?: string };
}

export interface SourceWords {
  /** "{layer}：{source}". */
  entry: string;
  /** "；". */
  separator: string;
  /** "未加载". */
  notLoaded: string;
  /** "（导入 {date}）". */
  imported: string;
}

/** The local calendar day of an ISO time, as YYYY-MM-DD. */
export function isoDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "村：villages.xlsx（导入 2026-12-01）；基站：示例数据 / sample data". */
export function layerSourcesText(layers: readonly ChecklistLayerSource[], words: SourceWords): string {
  return layers
    .map(({ layer, source }) => {
      let from = words.notLoaded;
      if (source?.kind === 'sample') from = SAMPLE_LABEL;
      else if (source) {
        const day = source.importedAt ? isoDay(source.importedAt) : '';
        from =
          datasetLabel(source.name, source.sourceFile) + (day ? fill(words.imported, { date: day }) : '');
      }
      return fill(words.entry, { layer, source: from });
    })
    .join(words.separator);
}

/** Column headers of the XLSX, already translated. */
export interface ChecklistColumns {
  townshipCode: string;
  township: string;
  number: string;
  name: string;
  code: string;
  lon: string;
  lat: string;
  toCheck: string;
  verified: string;
  wrong: string;
  note: string;
}

/** An empty tick box, to tick on paper or overwrite in the spreadsheet. */
export const TICK_BOX = '□';

/** The checklist as one table: a row per village, townships one after another. */
export function checklistTable(
  townships: readonly ChecklistTownship[],
  columns: ChecklistColumns,
  words: CheckWords,
): { header: string[]; rows: string[][] } {
  const header = [
    columns.townshipCode,
    columns.township,
    columns.number,
    columns.name,
    columns.code,
    columns.lon,
    columns.lat,
    columns.toCheck,
    columns.verified,
    columns.wrong,
    columns.note,
  ];
  const coordinate = (value: number) => (Number.isFinite(value) ? value.toFixed(6) : '');
  const rows = townships.flatMap((township) =>
    township.villages.map((v) => [
      township.code,
      township.name,
      String(v.number),
      v.name,
      v.code,
      coordinate(v.lon),
      coordinate(v.lat),
      checksText(v.checks, words),
      TICK_BOX,
      TICK_BOX,
      '',
    ]),
  );
  return { header, rows };
}
