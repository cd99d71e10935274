import { WebMercatorViewport } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { coreBounds, fitView, US_VIEW } from './fit-view.ts';

describe('coreBounds', () => {
  it('leaves out a few far outliers', () => {
    const points: number[] = [];
    for (let i = 0; i < 1000; i++) points.push(-120 + (i % 50), 30 + (i % 15));
    // Anchorage, Honolulu and San Juan, 1.2% of the points between them.
    for (let i = 0; i < 4; i++) points.push(-150, 61, -158, 21, -66, 18);
    const bounds = coreBounds(Float32Array.from(points), points.length / 2)!;
    expect(bounds[0]).toBeGreaterThanOrEqual(-120);
    expect(bounds[2]).toBeLessThanOrEqual(-71);
    expect(bounds[1]).toBeGreaterThanOrEqual(30);
    expect(bounds[3]).toBeLessThanOrEqual(44);
  });

  it('is null for no points', () => {
    expect(coreBounds(new Float32Array(0), 0)).toBeNull();
  });
});

describe('fitView', () => {
  it('shows the whole box inside the canvas', () => {
    const bounds: [number, number, number, number] = [-124, 25, -67, 49];
    const view = fitView(bounds, 1280, 800);
    const viewport = new WebMercatorViewport({ width: 1280, height: 800, ...view });
    const [x0, y0] = viewport.project([bounds[0], bounds[3]]);
    const [x1, y1] = viewport.project([bounds[2], bounds[1]]);
    for (const x of [x0!, x1!]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1280);
    }
    for (const y of [y0!, y1!]) {
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(800);
    }
    expect(view.zoom).toBeGreaterThan(3);
  });

  it('keeps the box clear of the padding, where the legend sits', () => {
    const bounds: [number, number, number, number] = [-124, 25, -67, 49];
    const padding = { top: 20, right: 300, bottom: 20, left: 60 };
    const view = fitView(bounds, 1280, 800, padding);
    const viewport = new WebMercatorViewport({ width: 1280, height: 800, ...view });
    const [east] = viewport.project([bounds[2], bounds[1]]);
    const [west] = viewport.project([bounds[0], bounds[3]]);
    expect(east).toBeLessThanOrEqual(1280 - 300 + 1);
    expect(west).toBeGreaterThanOrEqual(60 - 1);
  });

  it('still fits a canvas narrower than its padding', () => {
    const view = fitView([-124, 25, -67, 49], 300, 200, {
      top: 20,
      right: 300,
      bottom: 20,
      left: 60,
    });
    expect(Number.isFinite(view.zoom)).toBe(true);
  });

  it('stops at a street-level zoom for a single point', () => {
    const view = fitView([-100, 40, -100, 40], 800, 600);
    expect(view.zoom).toBeLessThanOrEqual(11);
    expect(view.longitude).toBeCloseTo(-100);
  });

  it('shows the US with nothing to fit or no room', () => {
    expect(fitView(null, 800, 600)).toEqual(US_VIEW);
    expect(fitView([-100, 40, -90, 45], 0, 0)).toEqual(US_VIEW);
  });
});
