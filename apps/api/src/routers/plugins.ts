import { z } from 'zod';
import { router, viewerProcedure } from '../trpc.js';

const pluginInfo = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  description: z.string(),
  paramsSchema: z.record(z.string(), z.unknown()),
});

export const pluginsRouter = router({
  list: viewerProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/plugins',
        protect: true,
        summary: 'The strategies: built-in and from the project config, with parameter schemas',
        tags: ['plugins'],
      },
    })
    .input(z.void())
    .output(z.array(pluginInfo))
    .query(({ ctx }) => ctx.services.registry.list()),
});
