import { describe, expect, it } from 'vitest';
import {
  hashString,
  HASH_BASIS_A,
  KeyedStream,
  lognormalTable,
  normalTable,
  seedWords,
  STREAM_ACCOUNT,
  TABLE_SIZE,
} from './shocks.js';

describe('inverse-CDF tables', () => {
  it('hold standard normal quantiles with mean 0 and variance 1', () => {
    const table = normalTable();
    expect(table.length).toBe(TABLE_SIZE);
    const mean = table.reduce((s, z) => s + z, 0) / TABLE_SIZE;
    const variance = table.reduce((s, z) => s + z * z, 0) / TABLE_SIZE;
    expect(mean).toBeCloseTo(0, 12);
    expect(variance).toBeCloseTo(1, 12);
    expect(table[TABLE_SIZE / 2]).toBeGreaterThan(0);
    expect(table[0]).toBeLessThan(-3.5); // the (½ / 4096) quantile, ≈ −3.66
  });

  it('hold mean-one lognormal quantiles', () => {
    const table = lognormalTable(0.3);
    const mean = table.reduce((s, z) => s + z, 0) / TABLE_SIZE;
    expect(mean).toBeCloseTo(1, 12);
    const logs = Array.from(table, Math.log);
    const logMean = logs.reduce((s, z) => s + z, 0) / TABLE_SIZE;
    const logSd = Math.sqrt(logs.reduce((s, z) => s + (z - logMean) ** 2, 0) / TABLE_SIZE);
    expect(logSd).toBeCloseTo(0.3, 3);
    expect(lognormalTable(0).every((z) => z === 1)).toBe(true);
  });
});

describe('keyed streams', () => {
  it('depend on the seed, the kind and the key only', () => {
    const words = seedWords('s');
    const draw = (kind: number, key: number) => {
      const stream = new KeyedStream(words, kind, key, 7);
      return [stream.next(), stream.next(), stream.next()];
    };
    expect(draw(STREAM_ACCOUNT, 1)).toEqual(draw(STREAM_ACCOUNT, 1));
    expect(draw(STREAM_ACCOUNT, 1)).not.toEqual(draw(STREAM_ACCOUNT, 2));
    expect(draw(STREAM_ACCOUNT, 1)).not.toEqual(draw(STREAM_ACCOUNT + 1, 1));
    expect(seedWords('s')).toEqual(words);
    expect(seedWords('t')).not.toEqual(words);
  });

  it('spread their draws evenly over the table', () => {
    const stream = new KeyedStream(seedWords(0), STREAM_ACCOUNT, hashString('a1', HASH_BASIS_A), 1);
    const counts = new Array<number>(16).fill(0);
    for (let k = 0; k < 16_000; k++) counts[stream.next() >>> 28]!++;
    for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });
});
