import type { Rgba } from './palette.ts';

/**
 * The base map's look: quiet greys and a pale sea, so the territory colours carry the map.
 * Land is near-white (the points' colours are tuned against it), borders a step darker than
 * the land around them, counties fainter still and only when zoomed in.
 */
export const MAP_STYLE = {
  sea: '#dde5ed',
  otherLand: [236, 234, 229, 255] as Rgba,
  usLand: [250, 249, 246, 255] as Rgba,
  coast: [150, 160, 172, 255] as Rgba,
  stateBorder: [160, 168, 180, 230] as Rgba,
  countyBorder: [196, 201, 209, 200] as Rgba,
  /** Counties from this zoom on (a state fills most of a laptop screen). */
  countyMinZoom: 5.5,
  repHalo: [27, 35, 48, 255] as Rgba,
  repRing: [255, 255, 255, 255] as Rgba,
  /** Rings around moved accounts: dark enough to find, light enough that many stay readable. */
  movedRing: [20, 20, 20, 190] as Rgba,
  selection: [194, 65, 12, 255] as Rgba,
} as const;

/**
 * Dot size in metres, clamped to a pixel range: dots stay visible at national scale and grow
 * as the planner zooms into a metro. Dense datasets get smaller dots so a million accounts
 * read as density rather than a solid blot.
 */
export function pointSize(located: number): {
  metres: number;
  minPixels: number;
  maxPixels: number;
} {
  if (located > 400_000) return { metres: 300, minPixels: 1.2, maxPixels: 6 };
  if (located > 60_000) return { metres: 500, minPixels: 1.6, maxPixels: 7 };
  return { metres: 800, minPixels: 2.4, maxPixels: 8 };
}
