import { router } from '../trpc.js';
import { pluginsRouter } from './plugins.js';

/** Every procedure, by resource. The web app and `@tessera/client` are typed by this. */
export const appRouter = router({
  plugins: pluginsRouter,
});

export type AppRouter = typeof appRouter;
