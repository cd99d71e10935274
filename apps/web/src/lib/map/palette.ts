/** An sRGB colour with alpha, 0–255 each: what deck.gl's colour attributes take. */
export type Rgba = readonly [number, number, number, number];

/**
 * Territory colours: Paul Tol's "muted" qualitative scheme, then his "light" scheme for plans
 * whose adjacency needs more than nine colours (Tol, "Colour Schemes", SRON/EPS/TN/09-002,
 * 2021, https://personal.sron.nl/~pault/#sec:qualitative). Both schemes are built to stay
 * distinct under the common colour-vision deficiencies; their "pale grey" (meant for missing
 * data) is left out here, as unassigned accounts get {@link UNASSIGNED_COLOUR}.
 *
 * Muted is reordered so the colours that read best as small dots on a light map come first:
 * greedy colouring takes the lowest free index, so most territories get one of them.
 */
export const TERRITORY_PALETTE: readonly string[] = [
  // Tol muted
  '#CC6677', // rose
  '#332288', // indigo
  '#117733', // green
  '#44AA99', // teal
  '#882255', // wine
  '#999933', // olive
  '#AA4499', // purple
  '#88CCEE', // cyan
  '#DDCC77', // sand
  // Tol light
  '#77AADD', // light blue
  '#EE8866', // orange
  '#EEDD88', // light yellow
  '#FFAABB', // pink
  '#99DDFF', // light cyan
  '#44BB99', // mint
  '#BBCC33', // pear
  '#AAAA00', // olive (light)
];

/** Accounts in no territory: a neutral grey dark enough to see on the light land colour. */
export const UNASSIGNED_COLOUR = '#6E6E6E';

/** Every account in one colour, when the dataset has no plan to colour by (Tol bright blue). */
export const SINGLE_COLOUR = '#4477AA';

/** `#RRGGBB` to an opaque (or `alpha`) RGBA tuple. */
export function hexToRgba(hex: string, alpha = 255): Rgba {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`"${hex}" is not a colour of the form #RRGGBB`);
  const value = Number.parseInt(match[1]!, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, alpha];
}
