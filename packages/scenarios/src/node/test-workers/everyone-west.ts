// A third-party strategy as a plugin module: what `--plugin` or a project config names.
import { definePlugin, Plan } from '@tessera/core';
import { z } from 'zod';

/** Gives every account to the first rep. */
export default definePlugin({
  id: 'everyone-west',
  name: 'Everyone west',
  version: '1.0.0',
  description: 'Every account to the first rep.',
  params: z.object({}).strict(),
  segment({ accounts, reps }) {
    return { plan: Plan.fromRepAssignment(reps, new Int32Array(accounts.length)) };
  },
});
