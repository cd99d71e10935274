// A strategy that takes as long as it is told, for the job engine's process tests: a run or a
// sweep point that is surely still running when a test stops or kills its worker. Loaded as a
// plugin module by servers and `tessera worker` processes (and their worker threads).
import { definePlugin } from '@tessera/core';
import { nearest } from '@tessera/plugins';
import { z } from 'zod';

const REPORT_EVERY_MS = 100;

/** Waits `ms`, reporting progress and heeding its signal, then assigns as `nearest` does. */
export const slow = definePlugin({
  id: 'test-slow',
  name: 'Slow nearest',
  version: '1.0.0',
  description: 'Waits the given time, then assigns every account to the nearest rep.',
  params: z.object({ ms: z.int().min(0).max(600_000) }).strict(),
  async segment(ctx, params) {
    const until = Date.now() + params.ms;
    while (Date.now() < until) {
      ctx.signal.throwIfAborted();
      ctx.progress(1 - (until - Date.now()) / Math.max(1, params.ms), 'taking its time');
      await new Promise((resolve) => setTimeout(resolve, REPORT_EVERY_MS));
    }
    return nearest.segment(ctx, {});
  },
});
