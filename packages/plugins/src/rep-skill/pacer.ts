/** How long a run may hold the event loop before it yields, so an abort can land in time. */
export const SLICE_MS = 25;

/**
 * Cooperative scheduling for a long computation: `pause()` throws the signal's reason once it
 * is aborted and yields to the event loop when the current slice of work has run long enough.
 * Call it often (every few thousand steps): it is cheap when it does not yield.
 */
export class Pacer {
  readonly #signal: AbortSignal;
  #sliceStart = performance.now();

  constructor(signal: AbortSignal) {
    this.#signal = signal;
  }

  readonly pause = async (): Promise<void> => {
    this.#signal.throwIfAborted();
    if (performance.now() - this.#sliceStart < SLICE_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.#signal.throwIfAborted();
    this.#sliceStart = performance.now();
  };
}
