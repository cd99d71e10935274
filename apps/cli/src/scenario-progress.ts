import type { RunProgress } from '@tessera/scenarios';
import type { CliIO } from './io.js';
import { createProgress } from './progress.js';

export interface RunProgressReporter {
  update(progress: RunProgress): void;
  stop(): void;
}

/**
 * A run's progress on stderr: a bar on a terminal; elsewhere (logs, CI) one line per stage, so
 * a long run still shows where it is without flooding the log.
 */
export function runProgressReporter(io: CliIO, label: string): RunProgressReporter {
  if (io.stderr.isTTY) {
    const bar = createProgress(io, label);
    return {
      update: (p) => {
        bar.update(p.fraction, p.message);
      },
      stop: () => {
        bar.stop();
      },
    };
  }
  let stage: string | undefined;
  return {
    update: (p) => {
      if (p.stage === stage) return;
      stage = p.stage;
      io.stderr.write(`${label}: ${STAGE_TEXT[p.stage]}\n`);
    },
    stop: () => undefined,
  };
}

const STAGE_TEXT: Record<RunProgress['stage'], string> = {
  edits: 'applying edits',
  strategy: 'running the strategy',
  metrics: 'measuring the plan',
};

/** Progress over many runs (a sweep, a comparison): a bar, or a line per finished run. */
export function batchProgressReporter(
  io: CliIO,
  label: string,
): { done(finished: number, total: number, what: string): void; stop(): void } {
  if (io.stderr.isTTY) {
    const bar = createProgress(io, label);
    return {
      done: (finished, total, what) => {
        bar.update(finished / total, what);
      },
      stop: () => {
        bar.stop();
      },
    };
  }
  return {
    done: (finished, total, what) => {
      io.stderr.write(`${label}: ${finished}/${total} ${what}\n`);
    },
    stop: () => undefined,
  };
}
