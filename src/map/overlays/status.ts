// Status colours and the expressions that pick them, shared by the layers drawn by a reported or
// modelled status (villages, relocation sites). Colours are Okabe–Ito (colour-blind safe).
//
// Rules relied on: a status code (src/core/layers/encoding.ts) is "yes" as of a year when it is 1
// or a year up to it, unknown when −1; a modelled year is "yes" when non-zero and up to the year.
import type { ExpressionSpecification } from 'maplibre-gl';
import { get } from './layerOverlay';

export const STATUS_COLOURS = { yes: '#0072B2', no: '#D55E00', unknown: '#9ca3af' } as const;

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

/** Yes, no, or (where `unknown` is an expression) unknown. */
export const statusColour = (
  yes: ExpressionSpecification,
  unknown: ExpressionSpecification | false,
): ExpressionSpecification => [
  'case',
  unknown === false ? false : unknown,
  STATUS_COLOURS.unknown,
  yes,
  STATUS_COLOURS.yes,
  STATUS_COLOURS.no,
];
