// The XML parser KML is read with where the platform has none (Web Workers, Node): xmldom, made to
// throw on malformed XML instead of printing warnings, so the reader can report invalid-kml.
import { DOMParser } from '@xmldom/xmldom';
import type { XmlParser } from './features';

export const xmldomParser: XmlParser = (text) =>
  new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(text, 'text/xml') as unknown as Document;
