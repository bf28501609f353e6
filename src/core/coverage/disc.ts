// A coverage disc as a polygon ring, for drawing: the points at radiusMeters great-circle distance
// from a centre, on the same sphere as the model's haversine (stationGrid.ts), so a target drawn
// inside the ring is one the model counts as covered (up to the chords between vertices: with 64
// of them a ring lies at most 0.12 % of the radius inside the true circle, 2 m for 1.5 km).
import { EARTH_RADIUS_METERS } from './stationGrid';

const RADIANS = Math.PI / 180;

/** A closed ring (first point repeated last), counter-clockwise, of [lon, lat] in degrees. */
export function discRing(
  lon: number,
  lat: number,
  radiusMeters: number,
  segments = 64,
): Array<[number, number]> {
  const angle = radiusMeters / EARTH_RADIUS_METERS;
  const phi = lat * RADIANS,
    lambda = lon * RADIANS;
  const ring: Array<[number, number]> = [];
  for (let i = 0; i <= segments; i++) {
    // Bearings clockwise from north, taken in reverse so the ring runs counter-clockwise (RFC 7946).
    const bearing = (-2 * Math.PI * (i % segments)) / segments;
    const sinPhi = Math.sin(phi) * Math.cos(angle) + Math.cos(phi) * Math.sin(angle) * Math.cos(bearing);
    const phi2 = Math.asin(sinPhi);
    const lambda2 =
      lambda +
      Math.atan2(
        Math.sin(bearing) * Math.sin(angle) * Math.cos(phi),
        Math.cos(angle) - Math.sin(phi) * sinPhi,
      );
    ring.push([lambda2 / RADIANS, phi2 / RADIANS]);
  }
  return ring;
}
