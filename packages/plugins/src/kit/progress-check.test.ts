import { definePlugin, Plan } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conformanceDatasets } from './datasets.js';
import { progressFault, traceProgress } from './progress-check.js';

describe('progressFault', () => {
  it.each([
    [[0, 0.5, 0.5, 1], null],
    [[], 'segment never called ctx.progress'],
    [[0, 0.6, 0.4], 'progress went backwards at report #3: 0.6 then 0.4'],
    [[0, 1.5], 'progress report #2 is 1.5, outside [0, 1]'],
    [[Number.NaN], 'progress report #1 is NaN, outside [0, 1]'],
  ])('%j → %s', (values, fault) => {
    expect(progressFault(values)).toBe(fault);
  });
});

describe('traceProgress', () => {
  const { standard } = conformanceDatasets();
  const unassigning = (reports: number[]) =>
    definePlugin({
      id: 'reporter',
      name: 'Reporter',
      version: '1.0.0',
      description: 'reports what it is told and keeps the baseline',
      params: z.object({}),
      segment: (ctx) => {
        for (const r of reports) ctx.progress(r);
        return { plan: ctx.baseline };
      },
    });

  it('sees the raw values that runStrategy would clamp', async () => {
    const trace = await traceProgress(unassigning([0.2, 0.1]), standard, {});
    expect(trace).toEqual({
      values: [0.2, 0.1],
      fault: 'progress went backwards at report #2: 0.2 then 0.1',
    });
  });

  it('reports a plan core would reject before the progress', async () => {
    const broken = definePlugin({
      ...unassigning([0]),
      segment: () => ({ plan: new Plan(new Int32Array(1), []) }),
    });
    const { fault } = await traceProgress(broken, standard, {});
    expect(fault).toBe('invalid plan: the plan covers 1 accounts, the table has 240');
  });
});
