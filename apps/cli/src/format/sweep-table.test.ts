import type { SweepResult, SweepRow } from '@tessera/scenarios';
import { describe, expect, it } from 'vitest';
import { formatSweepTable } from './sweep-table.js';

const raised = (k: number): string =>
  `k raised from ${k} to 60: that many reps hold locked accounts and each must lead a territory`;

function row(k: number, samePlanAs: number | null): SweepRow {
  return {
    name: `geographic k=${k}`,
    strategy: 'geographic',
    values: { k },
    balance: 0.05,
    balanceIndex: 95,
    compactnessKm: 160,
    kmeansRatio: 1.2,
    disruption: 0.6,
    skillMatch: 0.2,
    unassigned: 0,
    infeasible: false,
    ms: 1234.4,
    error: null,
    warnings: [raised(k), 'no rep has a home base: territory centres are free'],
    planKey: 'p',
    samePlanAs,
    nonDominated: true,
  };
}

describe('formatSweepTable', () => {
  it('counts each run’s warnings, lists each kind once and names the axis that changed nothing', () => {
    const result: SweepResult = {
      name: 'k',
      rows: [row(40, null), row(50, 0), row(60, 0)],
      nonDominated: [0, 1, 2],
      warnings: [`k: every value gave the same plan as k=40, so this axis changed nothing`],
    };
    const text = formatSweepTable(result);
    expect(text).toContain('sweep "k": 3 runs, 3 non-dominated (★), 3 with warnings;');
    expect(text).toMatch(/★ +2 +geographic k=50 .* 1,234 +2 +same plan as #1\n/);
    expect(text).toContain(
      '\nwarning: k: every value gave the same plan as k=40, so this axis changed nothing\n',
    );
    expect(text).toContain(
      `\nrun warnings, by run #:\n  all runs: ${raised(40)} (figures differ between runs)\n` +
        '  all runs: no rep has a home base: territory centres are free\n',
    );
  });

  it('says nothing more for a sweep without warnings', () => {
    const quiet = { ...row(40, null), warnings: [] };
    const text = formatSweepTable({ name: 'q', rows: [quiet], nonDominated: [0], warnings: [] });
    expect(text).not.toContain('warning');
  });
});
