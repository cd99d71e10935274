import { generateSample, type Place } from '@tessera/sample-data';
import { datasetToData, datasetTransferables, type Dataset } from '@tessera/scenarios';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { workspaces } from '../db/schema/index.js';
import { DatasetStore } from './dataset-store.js';
import { saveDataset } from './save-dataset.js';

const PLACES: Place[] = [
  { name: 'Denver', region: 'CO', lat: 39.74, lon: -104.99, population: 700_000 },
  { name: 'Boulder', region: 'CO', lat: 40.01, lon: -105.27, population: 100_000 },
];

function sample(accounts: number): Dataset {
  const { accounts: table, reps } = generateSample({ accounts, reps: 3, seed: 1, places: PLACES });
  return { accounts: table, reps };
}

function bytesOf(dataset: Dataset): number {
  return datasetTransferables(datasetToData(dataset)).reduce((sum, b) => sum + b.byteLength, 0);
}

describe('DatasetStore', () => {
  let handle: DatabaseHandle;
  const small = sample(200);
  const large = sample(2_000);

  beforeAll(async () => {
    handle = await openDatabase({ dataDir: 'memory://' });
    await handle.migrate();
    await handle.db.insert(workspaces).values({ id: 'w1', name: 'default' });
  });
  afterAll(async () => {
    await handle.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads stored tables back once, and holds what it read', async () => {
    const record = await saveDataset(handle.db, {
      workspaceId: 'w1',
      name: 'small',
      dataset: small,
      warnings: [],
    });
    const store = new DatasetStore(handle.db);
    const read = await store.load('w1', record.id);
    expect(read.accounts.id.get(199)).toBe(small.accounts.id.get(199));
    expect(Array.from(read.accounts.potential)).toEqual(Array.from(small.accounts.potential));
    expect(await store.load('w1', record.id)).toBe(read);
    expect(store.heldBytes).toBe(bytesOf(read));
    await expect(store.load('w2', record.id)).rejects.toThrow(/dataset/);
  });

  it('holds the latest tables up to its byte budget, letting the least recently used go first', () => {
    const store = new DatasetStore(handle.db, { holdBytes: bytesOf(large) + bytesOf(small) });
    store.remember('w1', 'a', small);
    store.remember('w1', 'b', large);
    expect(store.heldBytes).toBe(bytesOf(small) + bytesOf(large));
    const other = sample(200);
    store.remember('w1', 'c', other);
    // Over the budget: `a`, used longest ago, goes.
    expect(store.heldBytes).toBe(bytesOf(large) + bytesOf(other));
    store.forget('w1', 'b');
    expect(store.heldBytes).toBe(bytesOf(other));
  });

  it('holds the latest tables even when they alone are over the budget', async () => {
    const store = new DatasetStore(handle.db, { holdBytes: 1 });
    store.remember('w1', 'a', small);
    store.remember('w1', 'b', large);
    expect(store.heldBytes).toBe(bytesOf(large));
    // Still in use here, so still found: the weak entry serves it and holds it again.
    expect(await store.load('w1', 'a')).toBe(small);
    expect(store.heldBytes).toBe(bytesOf(small));
  });

  it('lets tables go a minute after their last use', async () => {
    vi.useFakeTimers();
    const store = new DatasetStore(handle.db);
    store.remember('w1', 'a', small);
    await vi.advanceTimersByTimeAsync(59_000);
    await store.load('w1', 'a');
    await vi.advanceTimersByTimeAsync(59_000);
    expect(store.heldBytes).toBe(bytesOf(small));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.heldBytes).toBe(0);
  });
});
