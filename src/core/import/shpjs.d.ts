// Types for the two parsers of shpjs that the Shapefile reader uses (the package ships none).
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  type Bytes = ArrayBuffer | ArrayBufferView | DataView;
  /** Geometries in record order; null for null shapes. With no projection, coordinates are as stored. */
  export function parseShp(shp: Bytes, prj?: string | false): Array<Geometry | null>;
  /** Attribute records; `cpg` is a TextDecoder label for the text fields and field names. */
  export function parseDbf(dbf: Bytes, cpg?: string): Array<Record<string, string | number | boolean | Date>>;
}
