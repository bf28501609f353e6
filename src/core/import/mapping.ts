// What kind of dataset a file holds (a DatasetKind: 5G stations, villages, relocation sites …; a
// kind feeds at most one map layer, see core/layers/fromDataset.ts) and which of its columns holds
// each field, guessed from the header in Chinese or English; the user confirms or corrects both
// before anything is validated.
//
// Rules:
// - Header names are compared after NFKC (full-width → half-width), lower case, without
//   spaces/underscores/dashes and without a bracketed suffix: "经度（WGS84）" reads "经度".
// - Three passes, each over all fields in order, each column used at most once: exact name; then an
//   English synonym (≥ 3 letters) as a whole word of the header ("lng_gcj02" → lng); then a Chinese
//   synonym inside the header ("基站经度" → 经度). Earlier passes win, so "lat" is never taken by a
//   looser match meant for another field.
import type { Datum } from './datum';
import type { FileFormat } from './importedTable';

export type DatasetKind =
  'stations5g' | 'stations4g' | 'stations' | 'villages' | 'relocationSites' | 'scenicAreas' | 'points';
export const DATASET_KINDS: readonly DatasetKind[] = [
  'stations5g',
  'stations4g',
  'stations',
  'villages',
  'relocationSites',
  'scenicAreas',
  'points',
];

/** How a field's text is read and stored (see validate.ts and dataset.ts). */
export type FieldKind =
  | 'id'
  | 'text'
  | 'category'
  | 'technology'
  | 'scenicLevel'
  | 'flag'
  | 'year'
  | 'date'
  | 'count'
  | 'villageCode'
  | 'longitude'
  | 'latitude';

export interface FieldSpec {
  field: string;
  kind: FieldKind;
  required: boolean;
  /** A column for this field suggests the layer (guessDatasetKind); ids, names and coordinates do not. */
  distinctive: boolean;
  synonyms: readonly string[];
}

/** Field → column index in the file's header. */
export type Mapping = Record<string, number | undefined>;

const field = (
  name: string,
  kind: FieldKind,
  synonyms: string[],
  options: { required?: boolean; distinctive?: boolean } = {},
): FieldSpec => ({
  field: name,
  kind,
  synonyms,
  required: options.required ?? false,
  distinctive: options.distinctive ?? false,
});

const LONGITUDE = field(
  'lon',
  'longitude',
  ['lon', 'lng', 'longitude', 'long', '经度', 'x', '东经', 'lonwgs84', 'lngwgs84', 'lon84'],
  { required: true },
);
const LATITUDE = field('lat', 'latitude', ['lat', 'latitude', '纬度', 'y', '北纬', 'latwgs84', 'lat84'], {
  required: true,
});
const OPTIONAL_LONGITUDE = { ...LONGITUDE, required: false };
const OPTIONAL_LATITUDE = { ...LATITUDE, required: false };
const ID = field('id', 'id', [
  'id',
  'stationid',
  'siteid',
  '站号',
  '基站编号',
  '编号',
  '站点编号',
  '站址编码',
  '基站id',
  'code',
  '代码',
  '序号',
]);
const NAME = field('name', 'text', [
  'name',
  '名称',
  '站名',
  '基站名称',
  '站点名称',
  '站址名称',
  '村名',
  '村名称',
  '景区名称',
  '景区',
  '安置点名称',
  '安置点',
  'placemark',
]);

const STATION_FIELDS = (technologyRequired: boolean): FieldSpec[] => [
  ID,
  NAME,
  field('operator', 'category', ['operator', 'carrier', '运营商', '所属运营商', '建设单位'], {
    distinctive: true,
  }),
  field('band', 'category', ['band', 'frequency', 'freq', '频段', '频率', '工作频段'], { distinctive: true }),
  field(
    'technology',
    'technology',
    ['technology', 'tech', 'network', 'rat', '制式', '网络制式', '网络类型', '技术', '网络'],
    { required: technologyRequired, distinctive: true },
  ),
  field(
    'buildYear',
    'year',
    [
      'buildyear',
      'year',
      'built',
      '建成年份',
      '开通年份',
      '建设年份',
      '年份',
      '开通时间',
      '建成时间',
      '开通日期',
      '建成日期',
    ],
    { distinctive: true },
  ),
  LONGITUDE,
  LATITUDE,
];

const APPROXIMATE = field('positionApproximate', 'flag', [
  'positionapproximate',
  'approximate',
  '位置近似',
  '近似位置',
  '坐标近似',
]);
const COVERED = field('covered', 'flag', [
  'covered',
  'reported5gcovered',
  '已覆盖',
  '是否覆盖',
  '覆盖',
  '网络覆盖',
  '5g覆盖',
]);
const COVERED_YEAR = field('coveredYear', 'year', ['coveredyear', 'reported5gyear', '覆盖年份', '覆盖时间']);

export const DATASET_FIELDS: Record<DatasetKind, readonly FieldSpec[]> = {
  stations5g: STATION_FIELDS(false),
  stations4g: STATION_FIELDS(false),
  stations: STATION_FIELDS(true),
  villages: [
    field(
      'villageCode',
      'villageCode',
      [
        'villagecode',
        'code',
        '村代码',
        '行政村代码',
        '村级代码',
        '统计用区划代码',
        '区划代码',
        '行政区划代码',
        '代码',
      ],
      { required: true, distinctive: true },
    ),
    { ...NAME, synonyms: ['name', '村名', '村名称', '行政村', '村委会', '行政村名称', '名称'] },
    field('fiber', 'flag', ['fiber', 'fibre', '光纤', '通光纤', '光纤通达', '是否通光纤', '光纤覆盖'], {
      distinctive: true,
    }),
    field('gigabit', 'flag', ['gigabit', '千兆', '千兆光网', '是否千兆', '千兆覆盖', '10gpon'], {
      distinctive: true,
    }),
    field('has4g', 'flag', ['4g', 'has4g', '4g覆盖', '通4g', '是否通4g'], { distinctive: true }),
    field('has5g', 'flag', ['5g', 'has5g', '5g覆盖', '通5g', '是否通5g'], { distinctive: true }),
    field('statusDate', 'date', [
      'date',
      'statusdate',
      '日期',
      '统计日期',
      '更新日期',
      '时间',
      'year',
      '年份',
    ]),
    field('fiberYear', 'year', ['fiberyear', '光纤年份', '通光纤年份']),
    field('gigabitYear', 'year', ['gigabityear', '千兆年份']),
    field('fiveGYear', 'year', ['fivegyear', '5gyear', '5g年份', '通5g年份']),
    OPTIONAL_LONGITUDE,
    OPTIONAL_LATITUDE,
  ],
  relocationSites: [
    ID,
    NAME,
    field(
      'relocatedPopulation',
      'count',
      ['relocatedpopulation', 'population', '搬迁人口', '安置人口', '搬迁人数', '安置人数', '人口'],
      { distinctive: true },
    ),
    COVERED,
    COVERED_YEAR,
    APPROXIMATE,
    LONGITUDE,
    LATITUDE,
  ],
  scenicAreas: [
    ID,
    NAME,
    field('level', 'scenicLevel', ['level', 'grade', '等级', '景区等级', 'a级', '级别'], {
      distinctive: true,
    }),
    COVERED,
    COVERED_YEAR,
    APPROXIMATE,
    LONGITUDE,
    LATITUDE,
  ],
  points: [ID, NAME, LONGITUDE, LATITUDE],
};

export const normaliseName = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[\s_\-.·:：/\\]/g, '');

const words = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
const hasChinese = (text: string) => /[\u3400-\u9fff]/.test(text);

export function guessMapping(header: readonly string[], layer: DatasetKind): Mapping {
  const specs = DATASET_FIELDS[layer];
  const names = header.map(normaliseName);
  const headerWords = header.map(words);
  const mapping: Mapping = {};
  const used = new Set<number>();
  const passes: Array<(synonym: string, column: number) => boolean> = [
    (synonym, c) => names[c] === synonym,
    (synonym, c) => /^[a-z0-9]{3,}$/.test(synonym) && headerWords[c].includes(synonym),
    (synonym, c) => hasChinese(synonym) && synonym.length >= 2 && names[c].includes(synonym),
  ];
  for (const matches of passes) {
    for (const spec of specs) {
      if (mapping[spec.field] !== undefined) continue;
      search: for (const synonym of spec.synonyms) {
        for (let c = 0; c < header.length; c++) {
          if (!used.has(c) && matches(synonym, c)) {
            mapping[spec.field] = c;
            used.add(c);
            break search;
          }
        }
      }
    }
  }
  return mapping;
}

/** Required fields of the layer without a column: the import cannot go on until they have one. */
export function missingRequiredFields(mapping: Mapping, layer: DatasetKind): string[] {
  return DATASET_FIELDS[layer]
    .filter((spec) => spec.required && mapping[spec.field] === undefined)
    .map((spec) => spec.field);
}

/**
 * The layer whose distinctive fields the header matches most; ties go to the more specific layer
 * (villages, relocation sites, scenic areas, stations). A station file with a technology column
 * is 'stations' (technology per row), without one '5G stations' — the header cannot say which, so
 * that guess is the most common case and the user confirms it.
 */
export function guessDatasetKind(header: readonly string[]): DatasetKind {
  let best: DatasetKind = 'points',
    bestScore = 0;
  for (const layer of ['villages', 'relocationSites', 'scenicAreas', 'stations'] as const) {
    const mapping = guessMapping(header, layer);
    const score = DATASET_FIELDS[layer].filter(
      (spec) => spec.distinctive && mapping[spec.field] !== undefined,
    ).length;
    if (score > bestScore) {
      best = layer;
      bestScore = score;
    }
  }
  if (best === 'stations' && guessMapping(header, 'stations').technology === undefined) return 'stations5g';
  return best;
}

export interface DatumGuess {
  datum: Datum;
  /** What the guess rests on; 'default' means nothing in the file said, and the user must be asked. */
  basis: 'column-name' | 'file-name' | 'crs' | 'format' | 'default';
  /** The column name, file name or coordinate system that decided it. */
  evidence?: string;
}

const GCJ_WORDS = ['gcj', 'gcj02', 'amap', 'gaode', 'tencent', 'mars'];
const BAIDU_WORDS = ['bd', 'bd09', 'bd09ll', 'baidu', 'bmap'];
const WGS_WORDS = ['wgs', 'wgs84', 'gps', 'cgcs2000', 'cgcs', 'tianditu'];

function datumNamed(text: string): Datum | null {
  const tokens = words(text).flatMap((w) => [
    w,
    w.replace(/^(lng|lon|lat)/, '').replace(/(lng|lon|lat)$/, ''),
  ]);
  if (/高德|火星|腾讯/.test(text) || tokens.some((t) => GCJ_WORDS.includes(t))) return 'gcj02';
  if (/百度/.test(text) || tokens.some((t) => BAIDU_WORDS.includes(t))) return 'bd09';
  if (/天地图|北斗|大地2000/.test(text) || tokens.some((t) => WGS_WORDS.includes(t))) return 'wgs84';
  return null;
}

/**
 * The datum a file's coordinates are probably in. Coordinates alone cannot tell: GCJ-02 differs
 * from WGS84 by a smooth offset of a few hundred metres, and a point shifted so is as plausible as
 * the original (both lie in Guizhou), so the guess reads only what the file says about itself:
 * the coordinate columns' names, then the file name, then a Shapefile's .prj (a geographic
 * CGCS2000/WGS84 system: within centimetres of WGS84), then KML's own rule (always WGS84). Else WGS84,
 * marked 'default' so the app asks rather than assumes.
 */
export function guessDatum(input: {
  header: readonly string[];
  mapping?: Mapping;
  fileName?: string;
  crs?: string;
  format?: FileFormat;
}): DatumGuess {
  const { header, mapping, fileName, crs, format } = input;
  const coordinateColumns = mapping
    ? [mapping.lon, mapping.lat].filter((c): c is number => c !== undefined).map((c) => header[c])
    : header;
  for (const name of coordinateColumns) {
    const datum = datumNamed(name);
    if (datum) return { datum, basis: 'column-name', evidence: name };
  }
  const fromFile = fileName ? datumNamed(fileName) : null;
  if (fromFile) return { datum: fromFile, basis: 'file-name', evidence: fileName };
  if (crs) return { datum: 'wgs84', basis: 'crs', evidence: crs };
  if (format === 'kml') return { datum: 'wgs84', basis: 'format', evidence: 'kml' };
  return { datum: 'wgs84', basis: 'default' };
}
