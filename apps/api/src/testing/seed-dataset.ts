import { generateSample, type Place } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { saveDataset } from '../datasets/save-dataset.js';
import type { RunningServer } from '../start-server.js';
import { defaultWorkspaceId } from './workspace-tokens.js';

let places: Place[] | undefined;

export interface SeedOptions {
  accounts: number;
  reps: number;
  seed?: number;
  /** Default: the `default` workspace, the test server's admin token's. */
  workspaceId?: string;
}

/** Stores a generated dataset straight through the store, as an upload would; its id. */
export async function seedDataset(server: RunningServer, options: SeedOptions): Promise<string> {
  places ??= loadUsPlaces();
  const seed = options.seed ?? 1;
  const { accounts, reps } = generateSample({
    accounts: options.accounts,
    reps: options.reps,
    seed,
    places,
  });
  const record = await saveDataset(server.services.db, {
    workspaceId: options.workspaceId ?? (await defaultWorkspaceId(server)),
    name: `seeded ${options.accounts} × ${options.reps} (seed ${seed})`,
    dataset: { accounts, reps },
    warnings: [],
  });
  return record.id;
}
