import { deserialize, serialize } from 'node:v8';
import { datasetFromData, datasetToData, type Dataset, type DatasetData } from '@tessera/scenarios';

/** A dataset's stored parts: each core table as V8's structured-clone bytes. */
export interface DatasetParts {
  accounts: Uint8Array;
  reps: Uint8Array;
  baseline: Uint8Array | null;
}

/**
 * Tables to bytes and back without touching rows: typed arrays serialise as their buffers,
 * so a million accounts round-trip in milliseconds. V8 reads every older version of its own
 * format, so a Node upgrade keeps stored datasets readable.
 */
export function encodeDataset(dataset: Dataset): DatasetParts {
  const data = datasetToData(dataset);
  return {
    accounts: serialize(data.accounts),
    reps: serialize(data.reps),
    baseline: data.baseline ? serialize(data.baseline) : null,
  };
}

export function decodeDataset(parts: DatasetParts): Dataset {
  const data: DatasetData = {
    accounts: deserialize(parts.accounts) as DatasetData['accounts'],
    reps: deserialize(parts.reps) as DatasetData['reps'],
    baseline: parts.baseline ? (deserialize(parts.baseline) as DatasetData['baseline']) : undefined,
  };
  return datasetFromData(data);
}
