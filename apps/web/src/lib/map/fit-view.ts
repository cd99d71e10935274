import { WebMercatorViewport } from '@deck.gl/core';
import type { Bounds } from './bounds.ts';
import type { MapViewState } from './types.ts';

/** The contiguous United States: the view when there is nothing to fit. */
export const US_VIEW: MapViewState = { longitude: -96.5, latitude: 38.5, zoom: 3.4 };

/** Closest zoom a fit goes to, so one account (or a tight cluster) is shown in context. */
const MAX_FIT_ZOOM = 11;

/**
 * The box holding all but the outlying `trim` share of the points on each side: a dataset of
 * the lower 48 with a few accounts in Alaska, Hawaii or Puerto Rico (about 1% of US accounts
 * together) fits the lower 48, not the Pacific; the fit button and zooming out reach the rest. Quantiles come from at most `sampleSize` evenly strided points, so a million points
 * cost a few milliseconds.
 */
export function coreBounds(
  positions: Float32Array,
  length: number,
  trim = 0.02,
  sampleSize = 20_000,
): Bounds | null {
  if (length === 0) return null;
  const stride = Math.max(1, Math.floor(length / sampleSize));
  const n = Math.ceil(length / stride);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let j = 0, k = 0; j < n; j++, k += stride) {
    xs[j] = positions[2 * k]!;
    ys[j] = positions[2 * k + 1]!;
  }
  xs.sort();
  ys.sort();
  const low = Math.floor(trim * (n - 1));
  const high = Math.ceil((1 - trim) * (n - 1));
  return [xs[low]!, ys[low]!, xs[high]!, ys[high]!];
}

/** Room kept free around the fitted box, in pixels: overlays (legend, buttons) sit there. */
export interface FitPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The view that shows `bounds` in a `width` × `height` canvas, clear of `padding`, or the US
 * when there are no bounds or no room yet (a canvas not laid out). Padding that would leave
 * less than half the canvas is scaled down, so a narrow map still fits its data.
 */
export function fitView(
  bounds: Bounds | null,
  width: number,
  height: number,
  padding: FitPadding = { top: 32, right: 32, bottom: 32, left: 32 },
): MapViewState {
  if (bounds === null || !(width > 1 && height > 1)) return US_VIEW;
  const [west, south, east, north] = bounds;
  const across = Math.min(1, width / 2 / Math.max(1, padding.left + padding.right));
  const down = Math.min(1, height / 2 / Math.max(1, padding.top + padding.bottom));
  const viewport = new WebMercatorViewport({ width, height }).fitBounds(
    [
      [west, south],
      [east, north],
    ],
    {
      padding: {
        top: Math.floor(padding.top * down),
        bottom: Math.floor(padding.bottom * down),
        left: Math.floor(padding.left * across),
        right: Math.floor(padding.right * across),
      },
      maxZoom: MAX_FIT_ZOOM,
    },
  );
  return { longitude: viewport.longitude, latitude: viewport.latitude, zoom: viewport.zoom };
}
