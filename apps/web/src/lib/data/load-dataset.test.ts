import { encodeColumnFrame } from '@tessera/core';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { datasetToData, type DatasetData } from '@tessera/scenarios';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDatasetDecoderApi } from './dataset-decoder-api.ts';
import { createDatasetLoader, type DatasetLoaderDeps } from './load-dataset.ts';

let expected: DatasetData;
let frame: Uint8Array;

beforeAll(() => {
  const { accounts, reps } = generateSample({
    accounts: 3000,
    reps: 12,
    seed: 5,
    places: loadUsPlaces(),
  });
  expected = datasetToData({ accounts, reps });
  const encoded = encodeColumnFrame(expected);
  frame = new Uint8Array(encoded.byteLength);
  let at = 0;
  for (const chunk of encoded.chunks()) {
    frame.set(chunk, at);
    at += chunk.byteLength;
  }
});

interface FakeServer extends DatasetLoaderDeps {
  requests: string[];
  signals: AbortSignal[];
  /** Lets the next response's body flow; until then it stalls after its first chunk. */
  release(): void;
}

/**
 * The columns route as the loader sees it: the frame in uneven chunks (the prefix split), and
 * the decoder in this thread. `stall` holds each body after its first chunk until released.
 */
function fakeServer(options: { stall?: boolean; fail?: Error } = {}): FakeServer {
  const requests: string[] = [];
  const signals: AbortSignal[] = [];
  const gates: (() => void)[] = [];
  return {
    requests,
    signals,
    release: () => gates.shift()?.(),
    fetchColumns(datasetId, signal) {
      requests.push(datasetId);
      signals.push(signal);
      if (options.fail) return Promise.reject(options.fail);
      const gate = options.stall ? new Promise<void>((resolve) => gates.push(resolve)) : null;
      let at = 0;
      const sizes = [5, 11, 4093, 65536];
      let turn = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (at > 0 && gate) await gate;
          if (signal.aborted) {
            controller.error(signal.reason);
            return;
          }
          if (at >= frame.byteLength) {
            controller.close();
            return;
          }
          const size = sizes[Math.min(turn++, sizes.length - 1)]!;
          // A view into the middle of a larger buffer, as some streams hand out.
          controller.enqueue(frame.subarray(at, at + size));
          at += size;
        },
      });
      return Promise.resolve(new Response(body));
    },
    decoder: () => api,
  };
}

const api = createDatasetDecoderApi();

describe('createDatasetLoader', () => {
  it('downloads, decodes and reports progress up to the whole frame', async () => {
    const server = fakeServer();
    const loader = createDatasetLoader(server);
    const progress: [number, number][] = [];
    const { data } = await loader.load('ds_1', {
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(data).toEqual(expected);
    expect(progress.at(-1)).toEqual([frame.byteLength, frame.byteLength]);
    // Once the 16-byte prefix is in, the total is the frame's, and loaded only grows.
    expect(
      progress.filter(([loaded]) => loaded >= 16).every(([, t]) => t === frame.byteLength),
    ).toBe(true);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]![0]).toBeGreaterThan(progress[i - 1]![0]);
    }
  });

  it('keeps each dataset for the session and shares a download in flight', async () => {
    const server = fakeServer();
    const loader = createDatasetLoader(server);
    const [a, b] = await Promise.all([loader.load('ds_1'), loader.load('ds_1')]);
    expect(a).toBe(b);
    expect(await loader.load('ds_1')).toBe(a);
    expect(server.requests).toEqual(['ds_1']);
    await loader.load('ds_2');
    expect(server.requests).toEqual(['ds_1', 'ds_2']);
    loader.forget('ds_1');
    await loader.load('ds_1');
    expect(server.requests).toEqual(['ds_1', 'ds_2', 'ds_1']);
  });

  it('stops the download when its only caller gives up, and loads afresh next time', async () => {
    const server = fakeServer({ stall: true });
    const loader = createDatasetLoader(server);
    const controller = new AbortController();
    const loading = loader.load('ds_1', { signal: controller.signal });
    await expect.poll(() => server.signals.length).toBe(1);
    controller.abort(new DOMException('left the page', 'AbortError'));
    await expect(loading).rejects.toThrow('left the page');
    expect(server.signals[0]!.aborted).toBe(true);
    server.release();
    const again = loader.load('ds_1');
    await expect.poll(() => server.requests.length).toBe(2);
    server.release();
    expect((await again).data).toEqual(expected);
  });

  it('goes on for the callers still waiting when one gives up', async () => {
    const server = fakeServer({ stall: true });
    const loader = createDatasetLoader(server);
    const controller = new AbortController();
    const leaving = loader.load('ds_1', { signal: controller.signal });
    const staying = loader.load('ds_1');
    controller.abort();
    await expect(leaving).rejects.toMatchObject({ name: 'AbortError' });
    await expect.poll(() => server.signals.length).toBe(1);
    expect(server.signals[0]!.aborted).toBe(false);
    server.release();
    expect((await staying).data).toEqual(expected);
    expect(server.requests).toEqual(['ds_1']);
  });

  it('refuses an aborted signal at once, and forgets a failed load', async () => {
    const server = fakeServer({ fail: new Error('dataset "ds_9" not found') });
    const loader = createDatasetLoader(server);
    await expect(loader.load('ds_9', { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(server.requests).toEqual([]);
    await expect(loader.load('ds_9')).rejects.toThrow('dataset "ds_9" not found');
    await expect(loader.load('ds_9')).rejects.toThrow('dataset "ds_9" not found');
    expect(server.requests).toEqual(['ds_9', 'ds_9']);
  });
});
