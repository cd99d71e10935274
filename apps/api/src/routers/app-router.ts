import { router } from '../trpc.js';
import { pluginsRouter } from './plugins.js';
import { scenariosRouter } from './scenarios.js';

/** Every procedure, by resource. The web app and `@tessera/client` are typed by this. */
export const appRouter = router({
  plugins: pluginsRouter,
  scenarios: scenariosRouter,
});

export type AppRouter = typeof appRouter;
