import type { Dataset } from '@tessera/scenarios';
import type { Database } from '../db/database.js';
import { datasetParts, datasets } from '../db/schema/index.js';
import { newId } from '../ids.js';
import { encodeDataset } from './dataset-codec.js';
import { partChunks, sqlBytes } from './part-chunks.js';
import { summarizeDataset } from './dataset-summary.js';

export type DatasetRecord = typeof datasets.$inferSelect;

export interface NewDataset {
  workspaceId: string;
  name: string;
  dataset: Dataset;
  warnings: string[];
}

/**
 * Stores a dataset: its row, its summary and its encoded tables in one transaction, so a crash
 * at any point leaves the whole dataset or none of it. Everything slow (summary, encoding)
 * happens before the transaction opens.
 */
export async function saveDataset(db: Database, input: NewDataset): Promise<DatasetRecord> {
  const { dataset } = input;
  const summary = summarizeDataset(dataset);
  const parts = encodeDataset(dataset);
  const id = newId('dataset');
  return db.transaction(async (tx) => {
    const [record] = await tx
      .insert(datasets)
      .values({
        id,
        workspaceId: input.workspaceId,
        name: input.name,
        accounts: dataset.accounts.length,
        reps: dataset.reps.length,
        summary,
        warnings: input.warnings,
      })
      .returning();
    for (const [part, bytes] of [
      ['accounts', parts.accounts],
      ['reps', parts.reps],
      ['baseline', parts.baseline],
    ] as const) {
      if (!bytes) continue;
      // A statement per chunk: the database holds one chunk at a time, not the whole part.
      for (const [chunk, data] of partChunks(bytes)) {
        await tx.insert(datasetParts).values({ datasetId: id, part, chunk, data: sqlBytes(data) });
      }
    }
    return record!;
  });
}
