import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { createScenarioWorkerApi, datasetToData } from '@tessera/scenarios';
import { describe, expect, it } from 'vitest';
import { compressGeoJson } from '../boundaries/boundaries-codec.js';
import { jitteredTiling } from '../testing/tiling.js';
import { withBoundaries } from './boundaries-envelope.js';
import { runWithBoundaries } from './run-worker-api.js';

const { accounts, reps } = generateSample({
  accounts: 300,
  reps: 4,
  seed: 3,
  places: loadUsPlaces(),
});
const tiling = jitteredTiling([-180, 10, -50, 75], 10, 6, 3);
const boundaries = {
  version: 'v1',
  geojson: compressGeoJson(JSON.stringify(tiling)),
  idProperty: 'NUTS_ID',
  nameProperty: null,
};
const scenario = {
  version: 1,
  name: 'regions',
  strategy: { id: 'geographic', params: { units: 'blocks', contiguous: true } },
};

describe("the API's job thread", () => {
  it('runs a scenario sent with boundaries on their blocks, and one without on none', async () => {
    const api = createScenarioWorkerApi({ prepareRun: runWithBoundaries() });
    api.loadDataset('d', datasetToData({ accounts, reps }));
    const outcome = await api.run('t1', 'd', withBoundaries(scenario, boundaries));
    expect(outcome.metrics.contiguity.extraPieces).toBe(0);
    expect(outcome.plan.territoryOf).toHaveLength(300);
    await expect(api.run('t2', 'd', withBoundaries(scenario, null))).rejects.toThrow(
      /"blocks" but the dataset has no boundaries file/,
    );
  });
});
