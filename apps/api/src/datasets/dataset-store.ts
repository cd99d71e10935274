import { and, asc, eq } from 'drizzle-orm';
import { datasetToData, datasetTransferables, type Dataset } from '@tessera/scenarios';
import type { Database } from '../db/database.js';
import { datasetParts, datasets } from '../db/schema/index.js';
import { notFound } from '../errors.js';
import { decodeDataset, type DatasetParts } from './dataset-codec.js';
import { joinChunks, selectBytes } from './part-chunks.js';

// Tables read lately are held this long, so a client paging through a dataset's accounts, a
// request every few seconds, does not decode it again on every page.
const HOLD_MS = 60_000;
// ... and up to this many bytes of tables together (a million accounts take about 110 MB): the
// latest is held whatever its size, older ones go first.
const HOLD_BYTES = 256 * 1024 * 1024;

interface Held {
  dataset: Dataset;
  bytes: number;
  timer: NodeJS.Timeout;
}

/**
 * Datasets' tables by id, decoded once and kept while they are used: runs on one dataset share
 * one copy. Entries are weak, so an unused dataset's memory goes back to the GC, except those
 * used in the last minute, which are held up to a byte budget.
 */
export class DatasetStore {
  readonly #db: Database;
  readonly #holdBytes: number;
  readonly #cache = new Map<string, WeakRef<Dataset>>();
  readonly #loading = new Map<string, Promise<Dataset>>();
  /** In the order they were last used: the first is the one to let go first. */
  readonly #held = new Map<string, Held>();
  #heldBytes = 0;

  constructor(db: Database, options: { holdBytes?: number } = {}) {
    this.#db = db;
    this.#holdBytes = options.holdBytes ?? HOLD_BYTES;
  }

  /** Bytes of tables held now (those in use elsewhere are not counted). */
  get heldBytes(): number {
    return this.#heldBytes;
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
    const bytes = this.#held.get(key)?.bytes ?? sizeOf(dataset);
    this.#release(key);
    const timer = setTimeout(() => {
      this.#release(key);
    }, HOLD_MS);
    timer.unref();
    this.#held.set(key, { dataset, bytes, timer });
    this.#heldBytes += bytes;
    // Map order is insertion order: the first key is the one used longest ago.
    for (const oldest of this.#held.keys()) {
      if (this.#heldBytes <= this.#holdBytes || oldest === key) break;
      this.#release(oldest);
    }
  }

  #release(key: string): void {
    const held = this.#held.get(key);
    if (!held) return;
    clearTimeout(held.timer);
    this.#held.delete(key);
    this.#heldBytes -= held.bytes;
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

/** The bytes behind a dataset's columns, each buffer once. */
function sizeOf(dataset: Dataset): number {
  let bytes = 0;
  for (const buffer of datasetTransferables(datasetToData(dataset))) bytes += buffer.byteLength;
  return bytes;
}
