import { error } from '@sveltejs/kit';
import { trpc } from '#lib/api/client.ts';
import { describeError } from '#lib/api/errors.ts';
import type { PageLoad } from './$types';

export const load = (async ({ params }) => {
  try {
    const record = await trpc.scenarios.get.query({ id: params.id });
    const ref = record.scenario.dataset as { id?: unknown } | undefined;
    const datasetId = typeof ref?.id === 'string' ? ref.id : null;
    if (!datasetId) error(500, `Scenario "${params.id}" names no dataset.`);
    const dataset = await trpc.datasets.get.query({ id: datasetId });
    return { record, dataset: { id: dataset.id, name: dataset.name } };
  } catch (cause) {
    if (cause && typeof cause === 'object' && 'status' in cause && 'body' in cause) throw cause;
    const problem = describeError(cause);
    error(problem.status ?? 503, problem.message);
  }
}) satisfies PageLoad;
