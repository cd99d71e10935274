import { error } from '@sveltejs/kit';
import { trpc } from '#lib/api/client.ts';
import { describeError } from '#lib/api/errors.ts';
import type { PageLoad } from './$types';

// /scenarios/new?dataset=<id>: a new scenario on a stored dataset.
export const load = (async ({ url }) => {
  const datasetId = url.searchParams.get('dataset');
  if (!datasetId) {
    error(
      400,
      'Which dataset? Open a dataset and choose “New scenario”, or add ?dataset=<id> to the address.',
    );
  }
  try {
    const dataset = await trpc.datasets.get.query({ id: datasetId });
    return { dataset: { id: dataset.id, name: dataset.name } };
  } catch (cause) {
    const problem = describeError(cause);
    error(problem.status ?? 503, problem.message);
  }
}) satisfies PageLoad;
