// A third-party strategy as `--plugin` or a project config names it, for the CLI's tests.
import { definePlugin, Plan } from '@tessera/core';
import { z } from 'zod';

/** Every account to one rep (the first, or the one `rep` names), locked ones left with theirs. */
export const firstRep = definePlugin({
  id: 'first-rep',
  name: 'First rep',
  version: '1.2.0',
  description: 'Every account to one rep.',
  params: z.strictObject({ rep: z.number().int().min(0).default(0) }),
  segment({ accounts, reps, baseline, locks }, { rep }) {
    const owners = baseline.repOf(reps);
    const repOf = Int32Array.from({ length: accounts.length }, (_, i) =>
      locks[i] === 1 && owners[i]! >= 0 ? owners[i]! : rep,
    );
    return { plan: Plan.fromRepAssignment(reps, repOf) };
  },
});
