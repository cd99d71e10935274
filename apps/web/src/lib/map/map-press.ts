/**
 * Tells a click on the map from the end of a drag, however long the press lasted.
 *
 * deck.gl's own `onClick` comes from a tap recogniser that gives up when the button is held
 * 250 ms or more by the page's clock, and deck.gl picks synchronously on the press itself: on a
 * slow GPU (or SwiftShader) that picking pass alone can pass 250 ms, and the click is lost. A
 * press that ends where it began (within `slop` pixels) is a click, whatever the time.
 */
export class MapPress {
  #start: { x: number; y: number; pointer: number } | null = null;

  constructor(private readonly slop = 5) {}

  /** A primary button went down at (x, y). */
  down(x: number, y: number, pointer: number): void {
    this.#start = { x, y, pointer };
  }

  /** The press ended at (x, y): true when it was a click rather than a drag. */
  up(x: number, y: number, pointer: number): boolean {
    const start = this.#start;
    this.#start = null;
    if (!start || start.pointer !== pointer) return false;
    return Math.hypot(x - start.x, y - start.y) <= this.slop;
  }

  /** The press was taken elsewhere (pointer cancelled, left the window). */
  cancel(): void {
    this.#start = null;
  }
}
