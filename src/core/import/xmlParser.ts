// The XML parser KML is read with where the platform has none (Web Workers, Node): xmldom, made to
// throw on malformed XML instead of printing warnings, so the reader can report invalid-kml. Its
// English error text is turned into an XmlSyntaxError (a kind, the line and column, the names
// involved), so the message a person reads is ours, in their language.
import { DOMParser } from '@xmldom/xmldom';
import { XmlSyntaxError, type XmlParser } from './features';

function syntaxError(message: string, line: number | undefined, column: number | undefined): XmlSyntaxError {
  const where = { line: line || undefined, column: line ? column : undefined };
  const mismatch = /tag mismatch: "([^"]*)" != "([^"]*)"/.exec(message);
  if (mismatch) return new XmlSyntaxError('mismatched-tag', where, { open: mismatch[1], close: mismatch[2] });
  if (/attribute value no end/.test(message)) return new XmlSyntaxError('unclosed-attribute', where);
  const entity = /entity not found:\s*(&[^;\s]*;?)/.exec(message);
  if (entity) return new XmlSyntaxError('unknown-entity', where, { entity: entity[1] });
  if (/missing root element/.test(message)) return new XmlSyntaxError('no-root', where);
  return new XmlSyntaxError('syntax', where);
}

export const xmldomParser: XmlParser = (text) => {
  let reported = '';
  try {
    return new DOMParser({
      onError: (level: string, message: string) => {
        if (level === 'warning') return;
        reported = message;
        throw new Error(message);
      },
    }).parseFromString(text, 'text/xml') as unknown as Document;
  } catch (e) {
    const locator = (e as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    throw syntaxError(reported || String((e as Error)?.message), locator?.lineNumber, locator?.columnNumber);
  }
};
