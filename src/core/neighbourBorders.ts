// The neighbouring provinces' outlines as lines, less the edges of the window they were cut to
// (geodata/neighbours.geojson is clipped to a box around Guizhou). Drawn as polygon outlines, those
// cut edges read as a border: a dashed straight line with the bare background beyond it, which a
// full-screen presentation or a 16:9 export of the whole province shows at both sides.
//
// Rules relied on: the window is the box of all the outlines' vertices; a segment whose two ends lie
// within `toleranceDegrees` of the same side of it is a cut edge (the datum shift after clipping moves
// the cut by a few metres, never by 1 km); each ring becomes the runs of segments between cut edges.
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

export function bordersWithoutWindow(
  outlines: FeatureCollection<Polygon | MultiPolygon>,
  toleranceDegrees = 0.01,
): FeatureCollection<MultiLineString> {
  const ringsOf = (feature: Feature<Polygon | MultiPolygon>): Position[][] =>
    feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
  let west = Infinity,
    south = Infinity,
    east = -Infinity,
    north = -Infinity;
  for (const feature of outlines.features)
    for (const ring of ringsOf(feature))
      for (const [lon, lat] of ring) {
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
  const near = (value: number, side: number) => Math.abs(value - side) < toleranceDegrees;
  const isCut = (a: Position, b: Position) =>
    (near(a[0], west) && near(b[0], west)) ||
    (near(a[0], east) && near(b[0], east)) ||
    (near(a[1], south) && near(b[1], south)) ||
    (near(a[1], north) && near(b[1], north));

  /** The runs of a closed ring between its cut edges, each run a line of two or more points. */
  function runs(ring: Position[]): Position[][] {
    const points = ring.slice(0, -1);
    const n = points.length;
    const cut = points.map((point, i) => isCut(point, points[(i + 1) % n]));
    const firstCut = cut.indexOf(true);
    if (firstCut < 0) return [ring];
    const lines: Position[][] = [];
    let line: Position[] = [];
    // Start just after a cut edge, so no run is split where the ring happens to start.
    for (let step = 1; step <= n; step++) {
      const i = (firstCut + step) % n;
      if (cut[i]) {
        if (line.length > 0) lines.push([...line, points[i]]);
        line = [];
      } else line.push(points[i]);
    }
    return lines.filter((l) => l.length >= 2);
  }

  return {
    type: 'FeatureCollection',
    features: outlines.features.map((feature) => ({
      type: 'Feature',
      properties: feature.properties,
      geometry: { type: 'MultiLineString', coordinates: ringsOf(feature).flatMap(runs) },
    })),
  };
}
