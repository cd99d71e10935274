import { and, eq } from 'drizzle-orm';
import type { Dataset } from '@tessera/scenarios';
import type { Database } from '../db/database.js';
import { datasetParts, datasets } from '../db/schema/index.js';
import { notFound } from '../errors.js';
import { decodeDataset, type DatasetParts } from './dataset-codec.js';

/**
 * Datasets' tables by id, decoded once and kept while they are used: runs on one dataset share
 * one copy. Entries are weak, so an unused dataset's memory goes back to the GC.
 */
export class DatasetStore {
  readonly #db: Database;
  readonly #cache = new Map<string, WeakRef<Dataset>>();
  readonly #loading = new Map<string, Promise<Dataset>>();

  constructor(db: Database) {
    this.#db = db;
  }

  /** The dataset's tables; 404 when it is not in this workspace. */
  async load(workspaceId: string, datasetId: string): Promise<Dataset> {
    const key = `${workspaceId}/${datasetId}`;
    const cached = this.#cache.get(key)?.deref();
    if (cached) return cached;
    let loading = this.#loading.get(key);
    if (!loading) {
      loading = this.#read(workspaceId, datasetId).finally(() => this.#loading.delete(key));
      this.#loading.set(key, loading);
    }
    const dataset = await loading;
    this.#cache.set(key, new WeakRef(dataset));
    return dataset;
  }

  /** Forgets a deleted dataset. */
  forget(workspaceId: string, datasetId: string): void {
    this.#cache.delete(`${workspaceId}/${datasetId}`);
  }

  async #read(workspaceId: string, datasetId: string): Promise<Dataset> {
    const rows = await this.#db
      .select({ part: datasetParts.part, data: datasetParts.data })
      .from(datasetParts)
      .innerJoin(datasets, eq(datasets.id, datasetParts.datasetId))
      .where(and(eq(datasets.workspaceId, workspaceId), eq(datasetParts.datasetId, datasetId)));
    const byPart = new Map(rows.map((row) => [row.part, row.data]));
    const accounts = byPart.get('accounts');
    const reps = byPart.get('reps');
    if (!accounts || !reps) throw notFound('dataset', datasetId);
    const parts: DatasetParts = { accounts, reps, baseline: byPart.get('baseline') ?? null };
    return decodeDataset(parts);
  }
}
