/** Longest stretch of work between two yields to the event loop. */
const YIELD_EVERY_MS = 30;

/**
 * Keeps a long solve a good citizen: it yields to the event loop every few tens of
 * milliseconds (so an abort fired from a timer can land), checks the signal, and reports
 * progress scaled into the current stage's share of the run.
 */
export class Pacer {
  readonly #signal: AbortSignal;
  readonly #progress: (fraction: number, message?: string) => void;
  #last = performance.now();
  #from = 0;
  #to = 1;
  #message = '';
  #reported = 0;

  constructor(signal: AbortSignal, progress: (fraction: number, message?: string) => void) {
    this.#signal = signal;
    this.#progress = progress;
  }

  /** Whether enough work has passed that the caller should `await pace()`. */
  due(): boolean {
    return performance.now() - this.#last >= YIELD_EVERY_MS;
  }

  /** Yields if due, then throws the abort reason if the run was cancelled. */
  async pace(): Promise<void> {
    if (this.due()) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.#last = performance.now();
    }
    this.#signal.throwIfAborted();
  }

  /** Starts a stage that owns progress from `from` to `to`. */
  stage(from: number, to: number, message: string): void {
    this.#from = from;
    this.#to = to;
    this.#message = message;
    this.#emit(from);
  }

  /** Reports progress within the current stage (fraction of the stage in [0, 1]). */
  report(fraction: number): void {
    const f = Math.min(1, Math.max(0, fraction));
    this.#emit(this.#from + (this.#to - this.#from) * f);
  }

  /** Progress never goes backwards, even when a stage is entered again. */
  #emit(value: number): void {
    this.#reported = Math.max(this.#reported, value);
    this.#progress(this.#reported, this.#message);
  }
}
