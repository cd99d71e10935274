import { COLUMN_FRAME_PREFIX_BYTES, columnFrameLength } from '@tessera/core';
import type { DatasetData } from '@tessera/scenarios';
import { registerErrorTransfer } from '@tessera/scenarios/worker';
import { transfer, wrap, type Remote } from 'comlink';
import { restFetch } from '../api/rest.ts';
import type { DatasetDecoderApi } from './dataset-decoder-api.ts';
import { yieldToPage } from './yield-to-page.ts';

export interface LoadDatasetOptions {
  /** Stops waiting; the download itself stops once no caller waits for it any more. */
  signal?: AbortSignal | undefined;
  /** Bytes received and the whole frame's bytes (uncompressed), as the download goes. */
  onProgress?: ((loaded: number, total: number) => void) | undefined;
}

/** A loaded dataset: core's table data, shared by every caller (do not transfer its buffers). */
export interface LoadedDataset {
  data: DatasetData;
}

/** Where a loader gets its bytes and decodes them; the page's defaults are below. */
export interface DatasetLoaderDeps {
  /** The columns route's answer (a 2xx with a body, or a thrown error). */
  fetchColumns(datasetId: string, signal: AbortSignal): Promise<Response>;
  /** The decoder, in a worker on the page. */
  decoder(): Remote<DatasetDecoderApi> | DatasetDecoderApi;
}

export interface DatasetLoader {
  load(datasetId: string, options?: LoadDatasetOptions): Promise<LoadedDataset>;
  /** Drops a dataset from the cache (it was deleted, or the session ended). */
  forget(datasetId?: string): void;
}

interface Entry {
  promise: Promise<LoadedDataset>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
  listeners: Set<(loaded: number, total: number) => void>;
  last: [number, number] | null;
}

/**
 * A dataset loader: each dataset is downloaded as binary columns once and kept for the
 * session; callers asking for it meanwhile share the download and its progress. The bytes go
 * chunk by chunk to the decoder (a worker), which builds the table data and hands it back.
 */
export function createDatasetLoader(deps: DatasetLoaderDeps): DatasetLoader {
  const cache = new Map<string, Entry>();
  let nextLoad = 1;

  const start = (datasetId: string): Entry => {
    const controller = new AbortController();
    const listeners = new Set<(loaded: number, total: number) => void>();
    const report = (loaded: number, total: number): void => {
      entry.last = [loaded, total];
      for (const listener of listeners) listener(loaded, total);
    };
    const promise = download(deps, datasetId, `load-${nextLoad++}`, controller.signal, report);
    const entry: Entry = {
      promise: promise.then((data) => ({ data })),
      controller,
      waiters: 0,
      settled: false,
      listeners,
      last: null,
    };
    entry.promise.then(
      () => {
        entry.settled = true;
      },
      () => {
        entry.settled = true;
        if (cache.get(datasetId) === entry) cache.delete(datasetId);
      },
    );
    return entry;
  };

  return {
    load(datasetId, options = {}) {
      const { signal, onProgress } = options;
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      let entry = cache.get(datasetId);
      if (!entry) {
        entry = start(datasetId);
        cache.set(datasetId, entry);
      }
      const joined = entry;
      joined.waiters++;
      if (onProgress) {
        joined.listeners.add(onProgress);
        if (joined.last) onProgress(...joined.last);
      }
      return new Promise<LoadedDataset>((resolve, reject) => {
        const leave = (): void => {
          joined.waiters--;
          if (onProgress) joined.listeners.delete(onProgress);
          signal?.removeEventListener('abort', onAbort);
        };
        const onAbort = (): void => {
          leave();
          reject(abortReason(signal!));
          // Nobody waits any more: stop the download rather than finish it for the cache.
          if (joined.waiters === 0 && !joined.settled) {
            joined.controller.abort(abortReason(signal!));
            if (cache.get(datasetId) === joined) cache.delete(datasetId);
          }
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        joined.promise.then(
          (loaded) => {
            leave();
            resolve(loaded);
          },
          (error: unknown) => {
            leave();
            reject(asError(error));
          },
        );
      });
    },
    forget(datasetId) {
      if (datasetId === undefined) cache.clear();
      else cache.delete(datasetId);
    },
  };
}

async function download(
  deps: DatasetLoaderDeps,
  datasetId: string,
  loadId: string,
  signal: AbortSignal,
  report: (loaded: number, total: number) => void,
): Promise<DatasetData> {
  const response = await deps.fetchColumns(datasetId, signal);
  if (!response.body) throw new Error(`dataset "${datasetId}": the server sent no columns`);
  const decoder = deps.decoder();
  const label = `dataset "${datasetId}"`;
  await decoder.begin(loadId, label);
  const reader = response.body.getReader();
  const prefix = new Uint8Array(COLUMN_FRAME_PREFIX_BYTES);
  let loaded = 0;
  let total = 0;
  let sliceStart = performance.now();
  try {
    for (;;) {
      // Chunks already buffered resolve at once, as microtasks of one task: give the page its
      // turn every few milliseconds, or a fast download is one long task.
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = performance.now();
      }
      const { done, value } = await reader.read();
      if (done) break;
      if (loaded < COLUMN_FRAME_PREFIX_BYTES) {
        const take = Math.min(COLUMN_FRAME_PREFIX_BYTES - loaded, value.byteLength);
        prefix.set(value.subarray(0, take), loaded);
        // A bad prefix is caught by the decoder, which says so when the download ends.
        if (loaded + take === COLUMN_FRAME_PREFIX_BYTES) total = frameLengthOr(prefix, 0);
      }
      loaded += value.byteLength;
      // The chunk moves to the worker: nothing of the download stays on this thread.
      const own = ownBuffer(value);
      // A fault is kept by the decoder and thrown by finish().
      Promise.resolve(decoder.append(loadId, transfer(own, [own.buffer]))).catch(() => undefined);
      report(loaded, Math.max(total, loaded));
    }
    return await decoder.finish(loadId);
  } catch (error) {
    void Promise.resolve(decoder.cancel(loadId)).catch(() => undefined);
    await reader.cancel().catch(() => undefined);
    throw error;
  }
}

// How long the download loop runs before it yields to the page.
const SLICE_MS = 8;

/** The chunk alone in its buffer, so transferring that buffer moves nothing else. */
function ownBuffer(chunk: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole =
    chunk.buffer instanceof ArrayBuffer &&
    chunk.byteOffset === 0 &&
    chunk.byteLength === chunk.buffer.byteLength;
  return whole ? (chunk as Uint8Array<ArrayBuffer>) : chunk.slice();
}

function frameLengthOr(prefix: Uint8Array, fallback: number): number {
  try {
    return columnFrameLength(prefix);
  } catch {
    return fallback;
  }
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const said = typeof reason === 'string' ? reason : 'The load was aborted.';
  return new DOMException(said, 'AbortError');
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

let decoderWorker: Remote<DatasetDecoderApi> | undefined;

/** The page's loader: `GET /api/datasets/{id}/columns` with the session, decoded in a worker. */
const pageLoader = createDatasetLoader({
  fetchColumns: (datasetId, signal) =>
    restFetch(`/api/datasets/${encodeURIComponent(datasetId)}/columns`, { signal }),
  decoder: () => {
    if (!decoderWorker) {
      registerErrorTransfer();
      decoderWorker = wrap<DatasetDecoderApi>(
        new Worker(new URL('./dataset-decoder.worker.ts', import.meta.url), {
          type: 'module',
          name: 'tessera-dataset-decoder',
        }),
      );
    }
    return decoderWorker;
  },
});

/**
 * A dataset as core's table data, for the map and the scenario worker: downloaded as binary
 * columns with the session cookie, decoded in a web worker (the page never parses it), kept in
 * memory for the session, so a second call for the same id is immediate.
 */
export function loadDataset(
  datasetId: string,
  options: LoadDatasetOptions = {},
): Promise<LoadedDataset> {
  return pageLoader.load(datasetId, options);
}

/** Forgets one dataset (deleted), or all of them (signed out). */
export function forgetDatasets(datasetId?: string): void {
  pageLoader.forget(datasetId);
}
