/**
 * How a job's attempt ended, as the process that ran it saw it:
 * - `done` / `failed`: the result or the reason it failed is stored;
 * - `cancelled`: a caller cancelled it, the row says so;
 * - `requeued`: this process is stopping; the row is queued again and the job must be sent again;
 * - `lost`: the queue gave the job to another attempt (a missed heartbeat, a time-out) or the
 *   row was claimed by one; this attempt wrote nothing and the other one finishes it;
 * - `skipped`: nothing to do (already finished, cancelled, or deleted).
 */
export type AttemptOutcome = 'done' | 'failed' | 'cancelled' | 'requeued' | 'lost' | 'skipped';

/** Why an attempt was stopped before its end. */
export type Interruption = 'shutdown' | 'lost' | 'cancelled';

export class AttemptInterrupted extends Error {
  constructor(readonly reason: Interruption) {
    super(`the attempt was interrupted: ${reason}`);
    this.name = 'AttemptInterrupted';
  }
}

/** The signals a job's attempt listens to: this process stopping, and pg-boss's claim on it. */
export interface AttemptSignals {
  /** Aborted when this process stops taking jobs. */
  shutdown: AbortSignal;
  /** The job's own signal: pg-boss aborts it when the job is no longer this attempt's. */
  claim: AbortSignal;
}

/**
 * One abort signal for the work of an attempt, which remembers why it was aborted: a shutdown,
 * a lost claim, or a cancel seen by the attempt itself (`interrupt('cancelled')`).
 */
export class AttemptControl implements Disposable {
  readonly #controller = new AbortController();
  readonly #signals: AttemptSignals;
  readonly #onShutdown = () => {
    this.interrupt('shutdown');
  };
  readonly #onLost = () => {
    this.interrupt('lost');
  };

  constructor(signals: AttemptSignals) {
    this.#signals = signals;
    if (signals.shutdown.aborted) this.interrupt('shutdown');
    else if (signals.claim.aborted) this.interrupt('lost');
    signals.shutdown.addEventListener('abort', this.#onShutdown, { once: true });
    signals.claim.addEventListener('abort', this.#onLost, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Why the work was stopped, or null while it was not. */
  get interruption(): Interruption | null {
    const reason = this.#controller.signal.reason as unknown;
    return reason instanceof AttemptInterrupted ? reason.reason : null;
  }

  interrupt(reason: Interruption): void {
    if (!this.#controller.signal.aborted) this.#controller.abort(new AttemptInterrupted(reason));
  }

  [Symbol.dispose](): void {
    this.#signals.shutdown.removeEventListener('abort', this.#onShutdown);
    this.#signals.claim.removeEventListener('abort', this.#onLost);
  }
}

/** A failure's reason for the caller: Tessera's own errors say what was wrong; others are internal. */
export function describeFailure(error: unknown): { code: string; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && error instanceof Error && error.name === 'TesseraError') {
    return { code, message };
  }
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return { code, message };
  return { code: 'INTERNAL', message: 'the run failed unexpectedly: the server logged it' };
}
