import { describe, expect, it } from 'vitest';
import { RunFailedError, waitForRun, type RunProgress } from './wait-for-run.js';

/** A run that answers each poll with the next state, then repeats the last. */
function scripted(states: RunProgress[]): {
  getRun: () => Promise<RunProgress>;
  polls: () => number;
} {
  let polls = 0;
  return {
    getRun: () => Promise.resolve(states[Math.min(polls++, states.length - 1)]!),
    polls: () => polls,
  };
}

const fast = { intervalMs: 1, maxIntervalMs: 2 };

describe('waitForRun', () => {
  it('polls until the run is done and reports each change once', async () => {
    const run = scripted([
      { status: 'queued', progress: 0 },
      { status: 'queued', progress: 0 },
      { status: 'running', progress: 0.5, message: 'segmenting' },
      { status: 'done', progress: 1 },
    ]);
    const seen: string[] = [];
    const done = await waitForRun(run.getRun, 'run_1', {
      ...fast,
      onProgress: (r) => seen.push(`${r.status} ${r.progress}`),
    });
    expect(done.status).toBe('done');
    expect(run.polls()).toBe(4);
    expect(seen).toEqual(['queued 0', 'running 0.5', 'done 1']);
  });

  it('rejects with the run when it fails, naming its error', async () => {
    const run = scripted([
      { status: 'running', progress: 0.2 },
      { status: 'failed', progress: 0.2, error: { code: 'INVALID', message: 'no reps left' } },
    ]);
    const error = await waitForRun(run.getRun, 'run_2', fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as RunFailedError).message).toBe('run run_2 failed: no reps left');
    expect((error as RunFailedError).run.status).toBe('failed');
  });

  it('rejects when the run is cancelled', async () => {
    const run = scripted([{ status: 'cancelled', progress: 0.1 }]);
    await expect(waitForRun(run.getRun, 'run_3', fast)).rejects.toThrow('run run_3 was cancelled');
  });

  it('stops waiting when the signal aborts, between polls', async () => {
    const controller = new AbortController();
    const run = scripted([{ status: 'running', progress: 0.1 }]);
    const waiting = waitForRun(run.getRun, 'run_4', {
      signal: controller.signal,
      intervalMs: 60_000,
      maxIntervalMs: 60_000,
      onProgress: () => {
        controller.abort(new Error('enough'));
      },
    });
    await expect(waiting).rejects.toThrow('enough');
    expect(run.polls()).toBe(1);
  });
});
