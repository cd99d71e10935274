import type { StrategyPlugin } from '@tessera/core';
import { ABORT_BUDGET_MS, abortFault, measureAbort } from './abort-check.js';
import type { ConformanceDataset, ConformanceDatasets } from './datasets.js';
import { traceProgress } from './progress-check.js';
import { movedLocks, planBytes, planFaultIgnoringLocks, runOn } from './run-on.js';
import { holdFault, measurePluginHold } from './yield-check.js';

/** The awkward inputs every strategy must turn into a valid plan without throwing. */
const AWKWARD_INPUTS = {
  empty: 'empty',
  'one-account': 'oneAccount',
  'one-rep': 'oneRep',
  'more-reps-than-accounts': 'moreRepsThanAccounts',
  'no-coordinates': 'noCoordinates',
  'one-point': 'onePoint',
  'zero-workloads': 'zeroWorkloads',
} as const satisfies Record<string, keyof ConformanceDatasets>;

/** Every check of the suite, by name: pass a subset as `cases` to run only those. */
export const CONFORMANCE_CASES = [
  'valid-output',
  'determinism',
  'locks',
  'abort',
  'yields',
  'progress',
  ...(Object.keys(AWKWARD_INPUTS) as (keyof typeof AWKWARD_INPUTS)[]),
] as const;
export type ConformanceCase = (typeof CONFORMANCE_CASES)[number];

/** What a check runs on. */
export interface CheckTarget {
  plugin: StrategyPlugin;
  params: unknown;
  data: ConformanceDatasets;
}

export interface ConformanceCheck {
  /** What the test title promises. */
  title: string;
  /** Runs on the large dataset, so it gets a generous timeout. */
  slow?: boolean;
  /** The fault found, or null; a run that throws is a fault too. */
  run(target: CheckTarget): Promise<string | null>;
}

/** How many moved locks a fault spells out before it just counts. */
const MOVED_SHOWN = 5;

/**
 * Each case's check, kept apart from vitest so a case can be run and its fault read (that is
 * how the kit tests that a bad strategy fails the right case, and only that one).
 *
 * Only `locks` judges locks. The others run with the locks in `ctx.locks` as usual but accept
 * a plan that moves a locked account, so a strategy that breaks locks fails once, under the
 * case's own name, and not under every title of the suite.
 */
export const CONFORMANCE_CHECKS: Readonly<Record<ConformanceCase, ConformanceCheck>> = {
  'valid-output': {
    title: 'returns a plan core accepts, covering every account',
    async run({ plugin, params, data }) {
      const { accounts, reps } = data.standard;
      const result = await runOn(plugin, data.standard, params);
      const fault = planFaultIgnoringLocks(result.plan, accounts, reps);
      if (fault !== null) return fault;
      if (result.warnings !== undefined && !result.warnings.every((w) => typeof w === 'string')) {
        return 'warnings must be strings';
      }
      if (result.infeasible !== undefined && typeof result.infeasible.reason !== 'string') {
        return 'infeasible.reason must be a string';
      }
      return null;
    },
  },

  determinism: {
    title: 'gives the same plan, byte for byte, for the same seed, ties included',
    async run({ plugin, params, data }) {
      // The tied dataset is where a tie broken by chance or by timing shows.
      for (const dataset of [data.standard, data.ties]) {
        const fault = await sameTwiceFault(plugin, dataset, params);
        if (fault !== null) return fault;
      }
      return null;
    },
  },

  locks: {
    title: 'keeps locked accounts with their owner, from the column and ctx.locks',
    async run({ plugin, params, data }) {
      for (const dataset of [data.locked, data.explicitLocks, data.standard]) {
        const { plan } = await runOn(plugin, dataset, params);
        const moved = movedLocks(plan, dataset.accounts, dataset.reps, dataset.locks);
        if (moved.length > 0) {
          const more = moved.length > MOVED_SHOWN ? '; …' : '';
          return (
            `${dataset.description}: ${moved.length} locked account(s) moved: ` +
            `${moved.slice(0, MOVED_SHOWN).join('; ')}${more}`
          );
        }
      }
      return null;
    },
  },

  abort: {
    title: `rejects with signal.reason within ${ABORT_BUDGET_MS} ms of an abort`,
    slow: true,
    async run({ plugin, params, data }) {
      // A late abort timer is not judged here: a busy machine delays timers too. How long the
      // strategy itself holds the thread is the `yields` case's, measured twice if need be.
      // A late rejection is measured once more, the better of the two kept: a pause of the
      // machine seldom strikes twice, a strategy that ignores the signal is late every time.
      const fault = abortFault(await measureAbort(plugin, data.large, params));
      if (fault === null) return null;
      if (abortFault(await measureAbort(plugin, data.large, params)) === null) return null;
      return `${data.large.description}: ${fault}`;
    },
  },

  yields: {
    title: `never holds the thread more than ${ABORT_BUDGET_MS} ms at a time`,
    slow: true,
    async run({ plugin, params, data }) {
      // The abort case cannot see a strategy that never yields: it finishes before the abort
      // fires, and passes. So a whole run on the large dataset is watched for long holds.
      const measure = await measurePluginHold(plugin, data.large, params);
      return holdFault(measure, data.large.accounts.length);
    },
  },

  progress: {
    title: 'reports progress in [0, 1] that never goes backwards',
    async run({ plugin, params, data }) {
      return (await traceProgress(plugin, data.standard, params)).fault;
    },
  },

  ...awkwardChecks(),
};

function awkwardChecks(): Record<keyof typeof AWKWARD_INPUTS, ConformanceCheck> {
  const checks = {} as Record<keyof typeof AWKWARD_INPUTS, ConformanceCheck>;
  for (const [name, key] of Object.entries(AWKWARD_INPUTS) as [
    keyof typeof AWKWARD_INPUTS,
    keyof ConformanceDatasets,
  ][]) {
    checks[name] = {
      title: 'returns a valid plan without throwing',
      async run({ plugin, params, data }) {
        // runOn rejects a plan core would not accept (locks aside)
        await runOn(plugin, data[key], params);
        return null;
      },
    };
  }
  return checks;
}

/** Two runs with the conformance seed: the first place their plans differ, or null. */
async function sameTwiceFault(
  plugin: StrategyPlugin,
  dataset: ConformanceDataset,
  params: unknown,
): Promise<string | null> {
  const first = await runOn(plugin, dataset, params);
  const second = await runOn(plugin, dataset, params);
  const a = planBytes(first.plan, dataset.accounts).split('\n');
  const b = planBytes(second.plan, dataset.accounts).split('\n');
  const line = a.findIndex((row, i) => row !== b[i]);
  if (line >= 0 || a.length !== b.length) {
    const at = line >= 0 ? line : Math.min(a.length, b.length);
    return (
      `${dataset.description}: two runs with the same seed gave different plans, first at ` +
      `plan.csv line ${at + 1}: ${JSON.stringify(a[at] ?? '')} then ${JSON.stringify(b[at] ?? '')}` +
      ' (take randomness only from ctx.random and break ties by row index)'
    );
  }
  if (JSON.stringify(second.plan.territories) !== JSON.stringify(first.plan.territories)) {
    return `${dataset.description}: two runs with the same seed gave different territories`;
  }
  return null;
}
