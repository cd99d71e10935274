// Strategies for the API's run tests, loaded as a plugin module by the test server (and by its
// worker threads): one that runs until it is cancelled, one that fails at run time.
import { definePlugin, TesseraError } from '@tessera/core';
import { z } from 'zod';

const noParams = z.object({}).strict();

// How often the waiting strategy reports progress: each report is when the job engine looks
// at the run's row, so it is how soon a cancel reaches the strategy.
const REPORT_EVERY_MS = 50;

/** Reports progress until its signal aborts, then throws the reason, as a long strategy does. */
export const untilCancelled = definePlugin({
  id: 'test-until-cancelled',
  name: 'Until cancelled',
  version: '1.0.0',
  description: 'Waits, reporting progress, until the run is cancelled.',
  params: noParams,
  async segment(ctx) {
    let beat = 0;
    while (!ctx.signal.aborted) {
      ctx.progress(Math.min(0.9, ++beat / 1000), 'waiting to be cancelled');
      await new Promise((resolve) => setTimeout(resolve, REPORT_EVERY_MS));
    }
    throw ctx.signal.reason instanceof Error
      ? ctx.signal.reason
      : new TesseraError('RUN_CANCELLED', 'test-until-cancelled: cancelled');
  },
});

/** Fails once it has started, with a message the run must report. */
export const failsAtRun = definePlugin({
  id: 'test-fails',
  name: 'Fails',
  version: '1.0.0',
  description: 'Throws at run time.',
  params: noParams,
  segment() {
    throw new Error('test-fails: no territories today');
  },
});
