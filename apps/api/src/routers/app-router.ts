import { router } from '../trpc.js';
import { authRouter } from './auth.js';
import { comparisonsRouter } from './comparisons.js';
import { datasetsRouter } from './datasets.js';
import { membersRouter } from './members.js';
import { pluginsRouter } from './plugins.js';
import { runsRouter } from './runs.js';
import { scenariosRouter } from './scenarios.js';
import { sweepsRouter } from './sweeps.js';
import { tokensRouter } from './tokens.js';

/** Every procedure, by resource. The web app and `@tessera/client` are typed by this. */
export const appRouter = router({
  auth: authRouter,
  comparisons: comparisonsRouter,
  datasets: datasetsRouter,
  members: membersRouter,
  plugins: pluginsRouter,
  runs: runsRouter,
  scenarios: scenariosRouter,
  sweeps: sweepsRouter,
  tokens: tokensRouter,
});

export type AppRouter = typeof appRouter;
