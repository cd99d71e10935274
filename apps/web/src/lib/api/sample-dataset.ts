import { trpc } from './client.ts';

/** The sample's size: enough for a realistic map and runs that finish in seconds. */
export const SAMPLE = { accounts: 10_000, reps: 50, seed: 1 } as const;

/** "Try with sample data": the API generates and stores the seeded sample; its dataset id. */
export async function createSampleDataset(): Promise<string> {
  const created = await trpc.datasets.sample.mutate({ ...SAMPLE });
  return created.id;
}
