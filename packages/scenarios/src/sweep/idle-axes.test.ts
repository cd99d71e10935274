import { describe, expect, it } from 'vitest';
import { idleAxisWarnings, type AxisRow } from './idle-axes.js';

const row = (
  values: Record<string, unknown>,
  planKey: string | null,
  warnings: string[] = [],
): AxisRow => ({
  strategy: 'geographic',
  values,
  planKey,
  warnings,
});

describe('idleAxisWarnings', () => {
  it('names an axis whose every value gave the same plan at each setting of the others', () => {
    const rows = [
      row({ k: 40, tolerance: 0.05 }, 'p1', [
        'k raised from 40 to 60: that many reps hold locked accounts',
      ]),
      row({ k: 40, tolerance: 0.1 }, 'p2'),
      row({ k: 50, tolerance: 0.05 }, 'p1'),
      row({ k: 50, tolerance: 0.1 }, 'p2'),
    ];
    expect(idleAxisWarnings(rows)).toEqual([
      'k: every value gave the same plan as k=40 at each tolerance, so this axis changed nothing (the runs warn: "k raised from 40 to 60: that many reps hold locked accounts")',
    ]);
  });

  it('names the values that gave the same plans when others did not', () => {
    const rows = [
      row({ k: 10 }, 'p'),
      row({ k: 20 }, 'p'),
      row({ k: 30 }, 'p'),
      row({ k: 40 }, 'q'),
    ];
    expect(idleAxisWarnings(rows)).toEqual(['k: 10, 20 and 30 gave the same plan as k=10']);
  });

  it('says nothing when the values matter somewhere, or runs failed', () => {
    expect(
      idleAxisWarnings([
        row({ k: 1, tolerance: 0.1 }, 'a'),
        row({ k: 2, tolerance: 0.1 }, 'a'),
        row({ k: 1, tolerance: 0.2 }, 'b'),
        row({ k: 2, tolerance: 0.2 }, 'c'),
      ]).filter((w) => w.startsWith('k:')),
    ).toEqual([]);
    expect(idleAxisWarnings([row({ k: 1 }, null), row({ k: 2 }, null)])).toEqual([]);
    expect(idleAxisWarnings([row({ k: 1 }, 'a')])).toEqual([]);
  });
});
