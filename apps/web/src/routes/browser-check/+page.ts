import { trpc } from '#lib/api/client.ts';
import type { PageLoad } from './$types';

export const load = (async ({ url }) => {
  const datasets = await trpc.datasets.list.query();
  return { datasets, chosen: url.searchParams.get('dataset') };
}) satisfies PageLoad;
