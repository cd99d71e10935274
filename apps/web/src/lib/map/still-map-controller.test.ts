import { MapController, WebMercatorViewport } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { StillMapController } from './still-map-controller.ts';

interface Seen {
  zoom: number;
  longitude: number;
  /** How long deck.gl is asked to glide to this view (0 or absent: it jumps there). */
  transitionDuration?: number | 'auto';
}

/** A controller as deck.gl makes one, minus the DOM: key events handed to it directly. */
function drive(Controller: typeof MapController, code: string): Seen[] {
  const seen: Seen[] = [];
  const controller = new Controller({
    // The transition clock: stands still, so a glide never reaches its end here.
    timeline: { getTime: () => 0, addChannel: () => 0, removeChannel: () => undefined },
    eventManager: { on: () => undefined, off: () => undefined },
    makeViewport: (props: ConstructorParameters<typeof WebMercatorViewport>[0]) =>
      new WebMercatorViewport(props),
    onViewStateChange: ({ viewState }: { viewState: Seen }) => {
      seen.push(viewState);
    },
  } as unknown as ConstructorParameters<typeof MapController>[0]);
  controller.setProps({
    id: 'map',
    x: 0,
    y: 0,
    width: 800,
    height: 600,
    longitude: -96,
    latitude: 38,
    zoom: 4,
    keyboard: true,
  });
  controller.handleEvent({
    type: 'keydown',
    srcEvent: { code, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false },
  } as unknown as Parameters<MapController['handleEvent']>[0]);
  return seen;
}

// deck.gl's controller answers a key with the view to reach and how long to glide there; the
// map hands both back to deck.gl, which animates (see TerritoryMap's onViewStateChange).
describe('StillMapController', () => {
  it('asks for no glide on a keyboard zoom', () => {
    const target = drive(StillMapController, 'Equal').at(-1);
    expect(target?.zoom).toBeCloseTo(5);
    expect(target?.transitionDuration ?? 0).toBe(0);
  });

  it('asks for no glide on a keyboard pan', () => {
    const target = drive(StillMapController, 'ArrowRight').at(-1);
    expect(target?.longitude).toBeGreaterThan(-96);
    expect(target?.transitionDuration ?? 0).toBe(0);
  });

  it("differs from deck.gl's own controller, which glides there", () => {
    const target = drive(MapController, 'Equal').at(-1);
    expect(target?.zoom).toBeCloseTo(5);
    expect(target?.transitionDuration).toBe(300);
  });
});
