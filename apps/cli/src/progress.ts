import cliProgress from 'cli-progress';
import type { CliIO } from './io.js';

export interface Progress {
  update(fraction: number, message?: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr when stderr is a terminal; silent otherwise, so logs and pipes
 * get no control characters.
 */
export function createProgress(io: CliIO, label: string): Progress {
  if (!io.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% {message}`,
      stream: io.stderr as NodeJS.WritableStream,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1000, 0, { message: '' });
  return {
    update: (fraction, message = '') => {
      bar.update(Math.round(fraction * 1000), { message });
    },
    stop: () => {
      bar.stop();
    },
  };
}
