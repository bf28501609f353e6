// The plan's indicators as the scorecard shows them: every row of the plan's target table and the
// coverage targets stated in its text, the figures reported since, and whether (and how) the
// loaded layers can measure each one.
//
// Sources:
// - Baselines and targets: Guizhou ICT 14th Five-Year Plan (2021–2025), target table and text, as
//   published and transcribed in ../shared/DATA.md ("The plan's targets"); the station figures
//   come from summary/plan.ts so the choropleth and the scorecard read one number.
// - Reported figures: DATA.md "Reported 5G totals" (5G stations end 2019 1,467, end 2020 20,721,
//   end 2022 84,300 with administrative-village 5G coverage > 50 %, October 2025 126,000 = 31.2 %
//   of mobile base stations, 10G-PON ports 860k; 5G in every township in 2021); villages with
//   fiber: all administrative villages by end 2017 (the plan's text).
//
// Rules:
// - Values are in the indicator's unit as published, except station counts, which are stations
//   (the plan's 2.07万 → 13万 become 20,721 → 130,000), and shares, which are percentages.
// - An indicator is measurable only from what the layers hold: 5G and 4G stations, village
//   statuses (and townships through village codes), relocation sites and 4A/5A scenic areas.
//   The data has no users, ports, bandwidth, cable, racks, IoT connections, or 2G/3G stations, so
//   totals over all mobile base stations and 5G's share of them are not measurable.
// - Reported and modelled coverage are separate measures, never merged.
import type { Figure } from '../layers/figures';
import type { LayerName } from '../layers/types';
import { PLAN } from './plan';

export type IndicatorUnit =
  'stations' | 'per10kResidents' | 'percent' | 'tenThousand' | 'tenThousandKm' | 'gbps' | 'count';

/** A figure published after the plan; `month` 12 means the end of the year. */
export interface ReportedFigure {
  year: number;
  month: number;
  value: number;
  /** The figure is a lower bound ("more than"). */
  atLeast?: boolean;
  /** When the figure is of another quantity than the indicator (e.g. a port count for a port share). */
  quantity?: { id: 'tenGPonPorts'; unit: IndicatorUnit };
}

/** How the loaded data measure an indicator; a share is a percentage of `whole`. */
export type Measure =
  | { kind: 'count'; layer: LayerName; figure: Figure }
  | { kind: 'per10kResidents'; layer: LayerName; figure: Figure }
  | { kind: 'share'; basis: 'reported' | 'modelled'; layer: LayerName; part: Figure; whole: Figure };

export interface PlanIndicator {
  id: IndicatorId;
  unit: IndicatorUnit;
  /** null where the plan gives none ('–'). */
  baseline2020: number | null;
  target2025: number | null;
  /** The plan's wording where it sets no number (i18n key suffix). */
  targetWording?: 'basicallyCovered';
  reported: ReportedFigure[];
  /** Empty when the loaded data cannot measure it; otherwise one line each (reported, modelled). */
  measures: Measure[];
  /** Measurable per prefecture and county, with laggards listed. */
  spatial: boolean;
  /** Why it cannot be measured, where more needs saying than "not in the data" (i18n key suffix). */
  note?: 'onlyFourGAndFiveG';
}

export const INDICATOR_IDS = [
  'fiveGStations',
  'fiveGStationsPer10k',
  'fourGStations',
  'townshipsWith5g',
  'villagesWith5g',
  'villagesWithFiber',
  'relocationSitesCovered',
  'scenicAreas4a5aWith5g',
  'telephoneUsers',
  'mobilePhoneUsers',
  'fiveGPhoneUsers',
  'fiveGUserShare',
  'fixedBroadbandUsers',
  'gigabitHouseholdPenetration',
  'mobileInternetUsers',
  'ftthHouseholds',
  'fixedBroadbandPorts',
  'ftthPorts',
  'tenGPonPortShare',
  'internetEgressBandwidth',
  'mobileBaseStations',
  'fiveGShareOfStations',
  'opticalCableLength',
  'dataCentreRacks',
  'iotConnections',
  'fiveGPrivateNetworks',
  'fiveGApplicationScenarios',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

const FULL_PERCENT = 100;
const endOf = (year: number, value: number, extra: Partial<ReportedFigure> = {}): ReportedFigure => ({
  year,
  month: 12,
  value,
  ...extra,
});

/** Published only: no measure, not spatial. */
const published = (
  id: IndicatorId,
  unit: IndicatorUnit,
  baseline2020: number | null,
  target2025: number | null,
  extra: Partial<PlanIndicator> = {},
): PlanIndicator => ({
  id,
  unit,
  baseline2020,
  target2025,
  reported: [],
  measures: [],
  spatial: false,
  ...extra,
});

const reportedAndModelled = (
  layer: LayerName,
  reported: [Figure, Figure],
  modelled: [Figure, Figure],
): Measure[] => [
  { kind: 'share', basis: 'reported', layer, part: reported[0], whole: reported[1] },
  { kind: 'share', basis: 'modelled', layer, part: modelled[0], whole: modelled[1] },
];

export const PLAN_INDICATORS: readonly PlanIndicator[] = [
  {
    id: 'fiveGStations',
    unit: 'stations',
    baseline2020: PLAN.fiveGStations.baseline2020,
    target2025: PLAN.fiveGStations.target2025,
    reported: [
      endOf(2019, 1_467),
      endOf(2020, 20_721),
      endOf(2022, 84_300),
      { year: 2025, month: 10, value: 126_000 },
    ],
    measures: [{ kind: 'count', layer: 'stations', figure: 'stations5g' }],
    spatial: false,
  },
  {
    id: 'fiveGStationsPer10k',
    unit: 'per10kResidents',
    baseline2020: PLAN.fiveGStationsPer10kResidents.baseline2020,
    target2025: PLAN.fiveGStationsPer10kResidents.target2025,
    reported: [],
    measures: [{ kind: 'per10kResidents', layer: 'stations', figure: 'stations5g' }],
    spatial: true,
  },
  {
    id: 'fourGStations',
    unit: 'stations',
    baseline2020: PLAN.fourGStations.baseline2020,
    target2025: PLAN.fourGStations.target2025,
    reported: [],
    measures: [{ kind: 'count', layer: 'stations', figure: 'stations4g' }],
    spatial: false,
  },
  {
    id: 'townshipsWith5g',
    unit: 'percent',
    baseline2020: null,
    target2025: FULL_PERCENT * PLAN.townshipsWith5g.target2025,
    reported: [endOf(2021, 100)],
    spatial: true,
    measures: reportedAndModelled(
      'villages',
      ['townships5g', 'townshipsKnown5g'],
      ['townshipsModelled5g', 'townships'],
    ),
  },
  {
    id: 'villagesWith5g',
    unit: 'percent',
    baseline2020: null,
    target2025: null,
    targetWording: 'basicallyCovered',
    reported: [endOf(2022, 50, { atLeast: true })],
    spatial: true,
    measures: [{ kind: 'share', basis: 'reported', layer: 'villages', part: 'fiveG', whole: 'fiveGKnown' }],
  },
  {
    id: 'villagesWithFiber',
    unit: 'percent',
    baseline2020: FULL_PERCENT,
    target2025: FULL_PERCENT,
    reported: [endOf(2017, 100)],
    spatial: true,
    measures: [{ kind: 'share', basis: 'reported', layer: 'villages', part: 'fiber', whole: 'fiberKnown' }],
  },
  {
    id: 'relocationSitesCovered',
    unit: 'percent',
    baseline2020: null,
    target2025: FULL_PERCENT * PLAN.relocationSitesCovered.target2025,
    reported: [],
    spatial: true,
    measures: reportedAndModelled(
      'relocationSites',
      ['relocationReported', 'relocationKnown'],
      ['relocationModelled', 'relocationSites'],
    ),
  },
  {
    id: 'scenicAreas4a5aWith5g',
    unit: 'percent',
    baseline2020: null,
    target2025: FULL_PERCENT * PLAN.scenicAreas4a5aWith5g.target2025,
    reported: [],
    spatial: true,
    measures: reportedAndModelled(
      'scenicAreas',
      ['scenicReported', 'scenicKnown'],
      ['scenicModelled', 'scenicAreas'],
    ),
  },
  published('telephoneUsers', 'tenThousand', 4610, 5107),
  published('mobilePhoneUsers', 'tenThousand', 4387, 4897),
  published('fiveGPhoneUsers', 'tenThousand', 980, 3013),
  published('fiveGUserShare', 'percent', 22, 62),
  published('fixedBroadbandUsers', 'tenThousand', 1002, 1129),
  published('gigabitHouseholdPenetration', 'percent', 0.3, 15),
  published('mobileInternetUsers', 'tenThousand', 3597, 3710),
  published('ftthHouseholds', 'tenThousand', 2756, 2924),
  published('fixedBroadbandPorts', 'tenThousand', 1744, 2053),
  published('ftthPorts', 'tenThousand', 1593, 2053),
  published('tenGPonPortShare', 'percent', null, 30, {
    reported: [{ year: 2025, month: 10, value: 86, quantity: { id: 'tenGPonPorts', unit: 'tenThousand' } }],
  }),
  published('internetEgressBandwidth', 'gbps', 17_000, 45_000),
  published('mobileBaseStations', 'tenThousand', 28, 37, { note: 'onlyFourGAndFiveG' }),
  published('fiveGShareOfStations', 'percent', 7, 33, {
    reported: [{ year: 2025, month: 10, value: 31.2 }],
    note: 'onlyFourGAndFiveG',
  }),
  published('opticalCableLength', 'tenThousandKm', 123, 180),
  published('dataCentreRacks', 'tenThousand', null, 100),
  published('iotConnections', 'tenThousand', 630, 3316),
  published('fiveGPrivateNetworks', 'count', null, 200),
  published('fiveGApplicationScenarios', 'count', null, 100),
];
