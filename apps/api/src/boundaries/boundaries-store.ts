import type { BlockSet } from '@tessera/core';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { datasetBoundaries, datasets } from '../db/schema/index.js';
import { selectBytes } from '../datasets/part-chunks.js';
import { BlockCache } from './block-cache.js';
import type { BoundariesSource } from './boundaries-codec.js';

/**
 * Datasets' boundaries files: the stored source (what a run sends to its thread) and the
 * blocks built from it on this thread (what territory shapes are drawn with), cached by the
 * upload's version. Reads ask the database for the version every time, so a file replaced by
 * another process is never served from this one's cache.
 */
export class BoundariesStore {
  readonly #db: Database;
  readonly #cache = new BlockCache();

  constructor(db: Database) {
    this.#db = db;
  }

  /** The dataset's stored file, or null when it has none (or is not in this workspace). */
  async source(workspaceId: string, datasetId: string): Promise<BoundariesSource | null> {
    const [row] = await this.#db
      .select({
        version: datasetBoundaries.version,
        idProperty: datasetBoundaries.idProperty,
        nameProperty: datasetBoundaries.nameProperty,
        geojson: selectBytes(datasetBoundaries.geojson),
      })
      .from(datasetBoundaries)
      .innerJoin(datasets, eq(datasets.id, datasetBoundaries.datasetId))
      .where(
        and(eq(datasets.workspaceId, workspaceId), eq(datasetBoundaries.datasetId, datasetId)),
      );
    if (!row) return null;
    return { ...row, geojson: new Uint8Array(Buffer.from(row.geojson, 'base64')) };
  }

  /** The dataset's blocks, built here once per upload; null without a boundaries file. */
  async blocks(workspaceId: string, datasetId: string): Promise<BlockSet | null> {
    const [row] = await this.#db
      .select({ version: datasetBoundaries.version })
      .from(datasetBoundaries)
      .innerJoin(datasets, eq(datasets.id, datasetBoundaries.datasetId))
      .where(
        and(eq(datasets.workspaceId, workspaceId), eq(datasetBoundaries.datasetId, datasetId)),
      );
    if (!row) return null;
    const cached = this.#cache.peek(row.version);
    if (cached) return cached;
    const source = await this.source(workspaceId, datasetId);
    return source ? this.#cache.get(source) : null;
  }

  /** Keeps blocks just validated (an upload), so the first read does not build them again. */
  remember(version: string, blocks: BlockSet): void {
    this.#cache.set(version, blocks);
  }

  /** Forgets a replaced or deleted file's blocks. */
  forget(version: string): void {
    this.#cache.delete(version);
  }
}
