// The expressions that pick a status colour, shared by the layers drawn by a reported or modelled
// status (villages, relocation sites). The colours are src/core/palette.ts's, one set per layer.
//
// Rules relied on: a status code (src/core/layers/encoding.ts) is "yes" as of a year when it is 1
// or a year up to it, unknown when −1; a modelled year is "yes" when non-zero and up to the year.
import type { ExpressionSpecification } from 'maplibre-gl';
import { RELOCATION_COLOURS, VILLAGE_STATUS_COLOURS } from '../../core/palette';
import { get } from './layerOverlay';

/** A layer's yes / no / unknown colours. */
export type StatusColours = { readonly yes: string; readonly no: string; readonly unknown: string };

/** The village layer's status colours (the legends' default). */
export const STATUS_COLOURS: StatusColours = VILLAGE_STATUS_COLOURS;
export const RELOCATION_STATUS_COLOURS: StatusColours = RELOCATION_COLOURS;

export const statusYes = (name: string, asOfYear: number): ExpressionSpecification => [
  'any',
  ['==', get(name), 1],
  ['all', ['>', get(name), 1], ['<=', get(name), asOfYear]],
];

export const modelledYes = (name: string, asOfYear: number): ExpressionSpecification => [
  'all',
  ['!=', get(name), 0],
  ['<=', get(name), asOfYear],
];

/** Yes, no, or (where `unknown` is an expression) unknown, in a layer's colours. */
export const statusColour = (
  yes: ExpressionSpecification,
  unknown: ExpressionSpecification | false,
  colours: StatusColours = STATUS_COLOURS,
): ExpressionSpecification => [
  'case',
  unknown === false ? false : unknown,
  colours.unknown,
  yes,
  colours.yes,
  colours.no,
];
