// Every colour a data point can take on the map, in one place: the map's overlays
// (src/map/overlays/) draw with them and the legends and the inspector show them. Since every
// layer can be on at once, no two of these colours may be confused, by anyone: palette.test.ts
// checks every pair by CIEDE2000 under normal vision and under simulated protanopia,
// deuteranopia and tritanopia (colourVision.ts).
//
// How the palette was chosen: hue families carry meaning (blue "yes", vermilion/brown "no",
// greys "unknown", a blue-violet ramp for the scenic areas' distance, the operators' customary
// hues), and within those families lightness and chroma were searched for the largest smallest
// difference over all pairs and all four visions, then rounded to these values. Lightness does
// most of the work for colour-blind readers: each family spans dark to light.
//
// Rules relied on:
// - A village's reported and modelled colourings never show at once (one colouring is chosen), so
//   modelled covered / not covered take the village yes / no colours; likewise a relocation site's
//   reported and modelled bases. Villages and relocation sites differ from each other.
// - Scenic classes: metres to the nearest 5G station on air, upper bounds inclusive; darker is
//   farther, so the order reads without hue; no station at all is near-black.

/** The four operators by the names the station data use, each with its own colour. */
export const OPERATOR_COLOURS: Readonly<Record<string, string>> = {
  中国移动: '#3ea8f5',
  中国电信: '#e9b55c',
  中国联通: '#e56cbd',
  中国广电: '#689a60',
};
/** Any other operator, or none given. */
export const OTHER_OPERATOR_COLOUR = '#86817c';
/** The ~10 km cells standing for the stations below the single-station zoom: neutral, not an operator's. */
export const STATION_CELL_COLOUR = '#45414a';

/** Village statuses (reported), and the modelled colouring's covered / not covered. */
export const VILLAGE_STATUS_COLOURS = { yes: '#0b507b', no: '#d34001', unknown: '#b2adaa' } as const;

/**
 * Rings around the villages the team edited, verified in the field or disputed (amber, green, dark
 * red): drawn on the village colours above and on white strokes, so they must stand apart from
 * those and from each other (palette.test.ts).
 */
export const VILLAGE_MARK_COLOURS = { edited: '#ffad41', verified: '#5a8965', disputed: '#551e22' } as const;

/** Relocation sites: covered / not covered (reported or modelled) and unknown. */
export const RELOCATION_COLOURS = { yes: '#22818e', no: '#6d3325', unknown: '#5c6565' } as const;

/** Scenic areas: upper bounds (metres) of the distance classes, and the classes' colours, near to far. */
export const SCENIC_DISTANCE_CLASSES_METERS = [500, 1500, 3000] as const;
export const SCENIC_DISTANCE_COLOURS = ['#bfcaf3', '#387aff', '#7745c2', '#2b029d'] as const;
export const SCENIC_NO_STATION_COLOUR = '#101b1b';

/** The distance class (0 nearest … 3) of metres to the nearest 5G station; 4 when there is none. */
export function scenicDistanceClass(meters: number | null): number {
  if (meters === null || !Number.isFinite(meters) || meters < 0) return SCENIC_DISTANCE_COLOURS.length;
  const index = SCENIC_DISTANCE_CLASSES_METERS.findIndex((bound) => meters <= bound);
  return index === -1 ? SCENIC_DISTANCE_CLASSES_METERS.length : index;
}

/** The colour of a scenic area's distance class (scenicDistanceClass). */
export const scenicDistanceColour = (meters: number | null) =>
  [...SCENIC_DISTANCE_COLOURS, SCENIC_NO_STATION_COLOUR][scenicDistanceClass(meters)];

/**
 * Every colour that can be on the map at the same time, by role: what must never be confused.
 * (The single stations and the cells never show together, but neither may be mistaken for a place.)
 */
export const MAP_COLOURS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    Object.entries(OPERATOR_COLOURS).map(([name, colour]) => [`operator ${name}`, colour]),
  ),
  'operator other': OTHER_OPERATOR_COLOUR,
  'station cell': STATION_CELL_COLOUR,
  ...Object.fromEntries(
    Object.entries(VILLAGE_STATUS_COLOURS).map(([key, colour]) => [`village ${key}`, colour]),
  ),
  ...Object.fromEntries(
    Object.entries(RELOCATION_COLOURS).map(([key, colour]) => [`relocation ${key}`, colour]),
  ),
  ...Object.fromEntries(SCENIC_DISTANCE_COLOURS.map((colour, i) => [`scenic class ${i}`, colour])),
  'scenic no station': SCENIC_NO_STATION_COLOUR,
};
