import { MapController } from '@deck.gl/core';

/**
 * deck.gl's map controller without its animated moves (keyboard pans and zooms glide for
 * 300 ms): for people who ask their system for reduced motion. Every move lands at once.
 */
export class StillMapController extends MapController {
  constructor(...args: ConstructorParameters<typeof MapController>) {
    super(...args);
    this.transition = { ...this.transition, transitionDuration: 0 };
  }
}
