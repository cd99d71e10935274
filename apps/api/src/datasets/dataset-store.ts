import { and, asc, eq } from 'drizzle-orm';
import type { Dataset } from '@tessera/scenarios';
import type { Database } from '../db/database.js';
import { datasetParts, datasets } from '../db/schema/index.js';
import { notFound } from '../errors.js';
import { decodeDataset, type DatasetParts } from './dataset-codec.js';
import { joinChunks, selectBytes } from './part-chunks.js';

// Tables read lately are held this long (and at most this many), so a client paging through a
// dataset's accounts, a request every few seconds, does not decode it again on every page.
const HOLD_MS = 60_000;
const HOLD_COUNT = 3;

/**
 * Datasets' tables by id, decoded once and kept while they are used: runs on one dataset share
 * one copy. Entries are weak, so an unused dataset's memory goes back to the GC, except the
 * few used in the last minute, which are held.
 */
export class DatasetStore {
  readonly #db: Database;
  readonly #cache = new Map<string, WeakRef<Dataset>>();
  readonly #loading = new Map<string, Promise<Dataset>>();
  readonly #held = new Map<string, { dataset: Dataset; timer: NodeJS.Timeout }>();

  constructor(db: Database) {
    this.#db = db;
  }

  /** The dataset's tables; 404 when it is not in this workspace. */
  async load(workspaceId: string, datasetId: string): Promise<Dataset> {
    const key = `${workspaceId}/${datasetId}`;
    const cached = this.#cache.get(key)?.deref();
    if (cached) {
      this.#hold(key, cached);
      return cached;
    }
    let loading = this.#loading.get(key);
    if (!loading) {
      loading = this.#read(workspaceId, datasetId).finally(() => this.#loading.delete(key));
      this.#loading.set(key, loading);
    }
    const dataset = await loading;
    this.#cache.set(key, new WeakRef(dataset));
    this.#hold(key, dataset);
    return dataset;
  }

  /** Keeps tables just stored (an import), so the first read does not decode them again. */
  remember(workspaceId: string, datasetId: string, dataset: Dataset): void {
    const key = `${workspaceId}/${datasetId}`;
    this.#cache.set(key, new WeakRef(dataset));
    this.#hold(key, dataset);
  }

  /** Forgets a deleted dataset. */
  forget(workspaceId: string, datasetId: string): void {
    const key = `${workspaceId}/${datasetId}`;
    this.#cache.delete(key);
    this.#release(key);
  }

  #hold(key: string, dataset: Dataset): void {
    this.#release(key);
    const timer = setTimeout(() => {
      this.#held.delete(key);
    }, HOLD_MS);
    timer.unref();
    this.#held.set(key, { dataset, timer });
    // Map order is insertion order: the first key is the one held longest.
    for (const oldest of this.#held.keys()) {
      if (this.#held.size <= HOLD_COUNT) break;
      this.#release(oldest);
    }
  }

  #release(key: string): void {
    const held = this.#held.get(key);
    if (!held) return;
    clearTimeout(held.timer);
    this.#held.delete(key);
  }

  async #read(workspaceId: string, datasetId: string): Promise<Dataset> {
    const rows = await this.#db
      .select({ part: datasetParts.part, data: selectBytes(datasetParts.data) })
      .from(datasetParts)
      .innerJoin(datasets, eq(datasets.id, datasetParts.datasetId))
      .where(and(eq(datasets.workspaceId, workspaceId), eq(datasetParts.datasetId, datasetId)))
      .orderBy(asc(datasetParts.part), asc(datasetParts.chunk));
    const chunksOf = new Map<string, string[]>();
    for (const row of rows) {
      let chunks = chunksOf.get(row.part);
      if (!chunks) chunksOf.set(row.part, (chunks = []));
      chunks.push(row.data);
    }
    const part = (name: string) => {
      const chunks = chunksOf.get(name);
      return chunks ? joinChunks(chunks) : null;
    };
    const accounts = part('accounts');
    const reps = part('reps');
    if (!accounts || !reps) throw notFound('dataset', datasetId);
    const parts: DatasetParts = { accounts, reps, baseline: part('baseline') };
    return decodeDataset(parts);
  }
}
