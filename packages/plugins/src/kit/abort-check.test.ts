import { definePlugin, type Plan, type SegmentContext } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ABORT_BUDGET_MS, abortFault, measureAbort, type AbortOutcome } from './abort-check.js';
import { conformanceDatasets } from './datasets.js';

const { large } = conformanceDatasets();
const yieldToEventLoop = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Today's plan: valid, locks included. */
const unchanged = (ctx: SegmentContext) => ctx.baseline;

/** A plugin whose segment is the given function. */
const plugin = (segment: (ctx: SegmentContext) => Promise<Plan> | Plan) =>
  definePlugin({
    id: 'probe',
    name: 'Probe',
    version: '1.0.0',
    description: 'behaves as the test needs',
    params: z.object({}),
    segment: async (ctx) => ({ plan: await segment(ctx) }),
  });

/** Yields every `every` accounts and checks the signal, as the contract asks. */
const cooperative = (every: number, onAbort?: () => never) =>
  plugin(async (ctx) => {
    for (let i = 0; i < ctx.accounts.length; i += every) {
      await yieldToEventLoop();
      if (ctx.signal.aborted) onAbort?.();
      ctx.signal.throwIfAborted();
    }
    return unchanged(ctx);
  });

describe('measureAbort', () => {
  it('sees a cooperative plugin reject with the signal reason', async () => {
    const outcome = await measureAbort(cooperative(200), large, {});
    expect(outcome).toMatchObject({ kind: 'aborted', rejectedWithReason: true });
  });

  it('sees a synchronous plugin finish before the abort can fire', async () => {
    expect(await measureAbort(plugin(unchanged), large, {})).toMatchObject({ kind: 'finished' });
  });

  it('tells a plugin that throws its own error on abort from one that throws the reason', async () => {
    const outcome = await measureAbort(
      cooperative(200, () => {
        throw new Error('stopped');
      }),
      large,
      {},
    );
    expect(abortFault(outcome)).toBe('the run rejected with "stopped" instead of signal.reason');
  });

  it('reports a run that fails before any abort', async () => {
    const outcome = await measureAbort(
      plugin(() => {
        throw new Error('bad input');
      }),
      large,
      {},
    );
    expect(abortFault(outcome)).toBe('the run failed before the abort: "bad input"');
  });

  it('blames a plugin that goes on working after the abort', async () => {
    const deaf = plugin(async (ctx) => {
      while (!ctx.signal.aborted) await yieldToEventLoop(); // the abort lands, and is ignored
      const until = performance.now() + 400;
      while (performance.now() < until) {
        // work that never checks the signal
      }
      return unchanged(ctx);
    });
    expect(abortFault(await measureAbort(deaf, large, {}))).toMatch(
      /^the run rejected \d+ ms after the abort \(budget 100 ms\): call ctx\.signal\.throwIfAborted\(\)/,
    );
  });

  it('measures, without failing, how late a held event loop let the abort land', async () => {
    const blocking = plugin(async (ctx) => {
      const until = performance.now() + 400;
      while (performance.now() < until) {
        // a long synchronous stretch without a yield
      }
      await yieldToEventLoop();
      ctx.signal.throwIfAborted();
      return unchanged(ctx);
    });
    const outcome = await measureAbort(blocking, large, {});
    // the yields case judges holds; a late timer alone may be the machine's
    expect(abortFault(outcome)).toBeNull();
    expect(outcome).toMatchObject({ kind: 'aborted' });
    if (outcome.kind === 'aborted') expect(outcome.timerLateMs).toBeGreaterThan(ABORT_BUDGET_MS);
  });
});

describe('abortFault', () => {
  const aborted = (
    latencyMs: number,
    timerLateMs: number,
    cpuLatencyMs = latencyMs,
  ): AbortOutcome => ({
    kind: 'aborted',
    latencyMs,
    cpuLatencyMs,
    timerLateMs,
    rejectedWithReason: true,
    error: new Error('x'),
  });

  it('accepts a run that finished, or rejected within the budget', () => {
    expect(abortFault({ kind: 'finished', ms: 3 })).toBeNull();
    expect(abortFault(aborted(99, 90))).toBeNull();
  });

  it('fails a slow rejection, not a late timer', () => {
    expect(abortFault(aborted(180, 2))).toBe(
      'the run rejected 180 ms after the abort (budget 100 ms): call ctx.signal.throwIfAborted() right after each yield and in every long loop',
    );
    expect(abortFault(aborted(3, 170))).toBeNull();
  });

  it('forgives a busy machine: little CPU time after the abort, a few budgets of wall time', () => {
    expect(abortFault(aborted(250, 2, 30))).toBeNull();
    // …but not a strategy that works on (CPU time) or sleeps on (wall time) after the abort
    expect(abortFault(aborted(250, 2, 240))).toMatch(/^the run rejected 250 ms after the abort/);
    expect(abortFault(aborted(900, 2, 5))).toMatch(/^the run rejected 900 ms after the abort/);
  });
});
