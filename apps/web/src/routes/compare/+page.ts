import { trpc } from '#lib/api/client.ts';
import type { PageLoad } from './$types';

// The picker's lists; the comparison itself loads in the page, with its progress shown.
export const load: PageLoad = async () => {
  const [datasets, scenarios] = await Promise.all([
    trpc.datasets.list.query(),
    trpc.scenarios.list.query(),
  ]);
  return { datasets, scenarios };
};
