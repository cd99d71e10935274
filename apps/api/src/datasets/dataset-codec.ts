import { deserialize, serialize } from 'node:v8';
import { constants, zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import { datasetFromData, datasetToData, type Dataset, type DatasetData } from '@tessera/scenarios';

/** A dataset's stored parts: each core table as V8's structured-clone bytes, zstd-compressed. */
export interface DatasetParts {
  accounts: Uint8Array;
  reps: Uint8Array;
  baseline: Uint8Array | null;
}

/**
 * Tables to bytes and back without touching rows: typed arrays serialise as their buffers,
 * so a million accounts round-trip in milliseconds. V8 reads every older version of its own
 * format, so a Node upgrade keeps stored datasets readable. The bytes are compressed with zstd
 * at its fastest level: columns of codes and repeated values shrink about three times, which
 * the database then writes, stores and reads back three times faster.
 */
export function encodeDataset(dataset: Dataset): DatasetParts {
  const data = datasetToData(dataset);
  return {
    accounts: pack(data.accounts),
    reps: pack(data.reps),
    baseline: data.baseline ? pack(data.baseline) : null,
  };
}

export function decodeDataset(parts: DatasetParts): Dataset {
  const data: DatasetData = {
    accounts: unpack(parts.accounts) as DatasetData['accounts'],
    reps: unpack(parts.reps) as DatasetData['reps'],
    baseline: parts.baseline ? (unpack(parts.baseline) as DatasetData['baseline']) : undefined,
  };
  return datasetFromData(data);
}

const ZSTD_MAGIC = 0xfd2fb528;

function pack(value: unknown): Uint8Array {
  return zstdCompressSync(serialize(value), {
    params: { [constants.ZSTD_c_compressionLevel]: 1 },
  });
}

/** Reads compressed parts and, by their first bytes, plain V8 ones written before compression. */
function unpack(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zstd = bytes.byteLength >= 4 && view.getUint32(0, true) === ZSTD_MAGIC;
  return deserialize(zstd ? zstdDecompressSync(bytes) : bytes);
}
