import { trpc } from '#lib/api/client.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
  // One batched request for both lists.
  const [datasets, scenarios] = await Promise.all([
    trpc.datasets.list.query(),
    trpc.scenarios.list.query(),
  ]);
  return { datasets, scenarios };
};
