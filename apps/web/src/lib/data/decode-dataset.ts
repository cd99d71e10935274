import { decodeColumnFrame, TesseraError } from '@tessera/core';
import { datasetFromData, type DatasetData } from '@tessera/scenarios';

/**
 * A dataset's column frame (`GET /api/datasets/{id}/columns`) as {@link DatasetData}, its
 * typed arrays views into `bytes`' buffer. Checked by building core's tables over it, so a
 * frame that is not a whole dataset fails here, with `label` in the message, and not later in
 * a strategy or on the map.
 */
export function decodeDatasetFrame(bytes: Uint8Array, label: string): DatasetData {
  let value: unknown;
  try {
    value = decodeColumnFrame(bytes);
  } catch (error) {
    throw new TesseraError('DATASET_DOWNLOAD', `${label}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!isDatasetShaped(value)) {
    throw new TesseraError(
      'DATASET_DOWNLOAD',
      `${label}: the columns received are not a dataset (no accounts and reps tables)`,
    );
  }
  try {
    datasetFromData(value);
  } catch (error) {
    throw new TesseraError(
      'DATASET_DOWNLOAD',
      `${label}: the columns received do not make a dataset: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return value;
}

function isDatasetShaped(value: unknown): value is DatasetData {
  if (value === null || typeof value !== 'object') return false;
  const { accounts, reps, baseline } = value as Record<string, unknown>;
  const kind = (table: unknown) =>
    table !== null && typeof table === 'object' ? (table as { kind?: unknown }).kind : undefined;
  return (
    kind(accounts) === 'accounts' &&
    kind(reps) === 'reps' &&
    (baseline === undefined ||
      (baseline !== null &&
        typeof baseline === 'object' &&
        (baseline as { territoryOf?: unknown }).territoryOf instanceof Int32Array))
  );
}
