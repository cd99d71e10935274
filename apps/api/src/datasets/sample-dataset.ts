import { generateSample, type Place } from '@tessera/sample-data';
import type { z } from 'zod';
import type { sampleInputSchema } from './dataset-schemas.js';
import { createDataset, type CreatedDataset, type ServiceCall } from './datasets-service.js';

// The US places are read from a large package: once per process, and only when asked for.
let places: Promise<Place[]> | undefined;

function usPlaces(): Promise<Place[]> {
  places ??= import('@tessera/sample-data/node').then(
    (module) => module.loadUsPlaces(),
    (error: unknown) => {
      places = undefined;
      throw error;
    },
  );
  return places;
}

/**
 * "Try with sample data": realistic accounts and reps around real US places, as
 * `tessera generate` writes them, stored like an upload. The same seed gives the same dataset.
 */
export async function createSampleDataset({
  ctx,
  input,
}: ServiceCall<z.infer<typeof sampleInputSchema>>): Promise<CreatedDataset> {
  const { accounts, reps } = generateSample({
    accounts: input.accounts,
    reps: input.reps,
    seed: input.seed,
    places: await usPlaces(),
  });
  const name =
    input.name ??
    `Sample: ${accounts.length.toLocaleString('en-US')} accounts, ${reps.length} reps (seed ${input.seed})`;
  return createDataset({ ctx, input: { name, dataset: { accounts, reps }, warnings: [] } });
}
