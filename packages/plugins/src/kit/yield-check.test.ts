import { definePlugin, type SegmentContext, type SegmentResult } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conformanceDatasets } from './datasets.js';
import { holdClock, holdFault, longestGap, measureHold, type HoldMeasure } from './yield-check.js';

const { large } = conformanceDatasets();
const yieldToEventLoop = () => new Promise((resolve) => setTimeout(resolve, 0));

const plugin = (segment: (ctx: SegmentContext) => Promise<SegmentResult> | SegmentResult) =>
  definePlugin({
    id: 'probe',
    name: 'Probe',
    version: '1.0.0',
    description: 'behaves as the test needs',
    params: z.object({}),
    segment,
  });

const busyFor = (ms: number) => {
  // CPU time where the kit measures it: a loaded machine must not shorten the hold.
  const until = holdClock() + ms;
  while (holdClock() < until) {
    // holds the thread
  }
};

describe('longestGap', () => {
  it('measures from the start, between the beats inside the span, and to the end', () => {
    expect(longestGap([1, 12, 14, 40, 45, 90], 10, 50)).toEqual({ longestMs: 26, turns: 4 });
    expect(longestGap([], 10, 50)).toEqual({ longestMs: 40, turns: 0 });
    expect(longestGap([5, 60], 10, 50)).toEqual({ longestMs: 40, turns: 0 });
  });
});

describe('measureHold', () => {
  it('sees a run that never yields hold the thread for all of segment', async () => {
    const measure = await measureHold(
      plugin((ctx) => {
        busyFor(150);
        return { plan: ctx.baseline };
      }),
      large,
      {},
    );
    expect(measure.turns).toBe(0);
    expect(measure.longestHoldMs).toBeGreaterThanOrEqual(150);
    // the hold is CPU time, the run's length wall time: a busy machine only widens the gap
    expect(measure.longestHoldMs).toBeLessThanOrEqual(measure.ms + 5);
  });

  it('sees the one long stretch of a run that otherwise yields', async () => {
    const measure = await measureHold(
      plugin(async (ctx) => {
        for (let k = 0; k < 5; k++) await yieldToEventLoop();
        busyFor(150);
        for (let k = 0; k < 5; k++) await yieldToEventLoop();
        return { plan: ctx.baseline };
      }),
      large,
      {},
    );
    expect(measure.turns).toBeGreaterThan(0);
    expect(measure.longestHoldMs).toBeGreaterThanOrEqual(150);
  });

  it('does not count a resolved promise as a yield', async () => {
    const measure = await measureHold(
      plugin(async (ctx) => {
        for (let k = 0; k < 15; k++) {
          busyFor(10);
          await Promise.resolve();
        }
        return { plan: ctx.baseline };
      }),
      large,
      {},
    );
    expect(measure.turns).toBe(0);
    expect(measure.longestHoldMs).toBeGreaterThanOrEqual(150);
  });

  it('passes a run that yields often, with lots of room to spare', async () => {
    const measure = await measureHold(
      plugin(async (ctx) => {
        for (let k = 0; k < 20; k++) {
          busyFor(2);
          await yieldToEventLoop();
        }
        return { plan: ctx.baseline };
      }),
      large,
      {},
    );
    expect(holdFault(measure, large.accounts.length)).toBeNull();
  });
});

describe('holdFault', () => {
  const measured = (longestHoldMs: number, turns: number): HoldMeasure => ({
    longestHoldMs,
    ms: 400,
    turns,
  });

  it('says how long the thread was held and what to do', () => {
    expect(holdFault(measured(100, 3), 60_000)).toBeNull();
    expect(holdFault(measured(312.4, 3), 60_000)).toBe(
      'segment held the thread for 312 ms without yielding (on 60000 accounts); an abort cannot land before it yields, and must within 100 ms. Every few ms of work, await new Promise((r) => setTimeout(r, 0)), then call ctx.signal.throwIfAborted() (awaiting a resolved promise does not yield)',
    );
    expect(holdFault(measured(400, 0), 60_000)).toContain(
      '(on 60000 accounts, the whole run: it never yielded)',
    );
    expect(holdFault({ ...measured(0, 0), error: new Error('bad') }, 5)).toBe(
      'the run failed: "bad"',
    );
  });
});
