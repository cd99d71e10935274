import { error } from '@sveltejs/kit';
import { trpc } from '#lib/api/client.ts';
import { describeError } from '#lib/api/errors.ts';
import type { PageLoad } from './$types';

// The summary is small and comes first; the columns behind the map load on the page, with
// their progress shown.
export const load = (async ({ params }) => {
  try {
    return { dataset: await trpc.datasets.get.query({ id: params.id }) };
  } catch (cause) {
    const problem = describeError(cause);
    error(problem.status ?? 503, problem.message);
  }
}) satisfies PageLoad;
