/** What waiting needs of a run: where it is and how far along. */
export interface RunProgress {
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  /** 0 to 1. */
  progress: number;
  message?: string | null | undefined;
  error?: unknown;
}

export interface WaitForRunOptions<Run extends RunProgress = RunProgress> {
  /** Stops waiting (the run goes on: cancel it with `runs.cancel`). */
  signal?: AbortSignal | undefined;
  /** Called with the run each time its status, progress or message changes. */
  onProgress?: ((run: Run) => void) | undefined;
  /** The first pause between polls in ms (default 100); it grows to `maxIntervalMs`. */
  intervalMs?: number | undefined;
  /** The longest pause between polls in ms (default 1000). */
  maxIntervalMs?: number | undefined;
}

/** A run that ended without a plan: failed (its `error` says why) or cancelled. */
export class RunFailedError<Run extends RunProgress = RunProgress> extends Error {
  readonly run: Run;

  constructor(runId: string, run: Run) {
    const why = run.status === 'cancelled' ? 'was cancelled' : `failed: ${describe(run)}`;
    super(`run ${runId} ${why}`);
    this.name = 'RunFailedError';
    this.run = run;
  }
}

/**
 * Polls a run until it is done, and resolves with it then. A failed or cancelled run rejects
 * with {@link RunFailedError}; an aborted signal rejects with the signal's reason. Polls start
 * quick, for short runs, and back off to `maxIntervalMs`, for long ones.
 */
export async function waitForRun<Run extends RunProgress>(
  getRun: (runId: string, signal: AbortSignal | undefined) => Promise<Run>,
  runId: string,
  options: WaitForRunOptions<Run> = {},
): Promise<Run> {
  const { signal, onProgress } = options;
  const maxInterval = options.maxIntervalMs ?? 1000;
  let interval = Math.min(options.intervalMs ?? 100, maxInterval);
  let last = '';
  for (;;) {
    signal?.throwIfAborted();
    const run = await getRun(runId, signal);
    const seen = `${run.status} ${String(run.progress)} ${run.message ?? ''}`;
    if (seen !== last) {
      last = seen;
      onProgress?.(run);
    }
    if (run.status === 'done') return run;
    if (run.status === 'failed' || run.status === 'cancelled') throw new RunFailedError(runId, run);
    await pause(interval, signal);
    interval = Math.min(interval * 1.5, maxInterval);
  }
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    // An abort listener added after the abort never fires.
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const done = () => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const aborted = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

function describe(run: RunProgress): string {
  const { error } = run;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String(error.message);
  }
  return run.message ?? 'no reason given';
}
