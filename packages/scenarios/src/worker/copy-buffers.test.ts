import { describe, expect, it } from 'vitest';
import { datasetToData } from '../dataset/dataset.js';
import { twoCities } from '../testing/two-cities.js';
import { copyBuffers } from './copy-buffers.js';

describe('copyBuffers', () => {
  it('copies every buffer once, keeping offsets and shared buffers shared', () => {
    const shared = new Float64Array([1, 2, 3, 4]);
    const data = { whole: shared, tail: shared.subarray(2), codes: new Int32Array([7]), name: 'x' };
    const { copy, transferables } = copyBuffers(data);
    expect(transferables).toHaveLength(2);
    expect(copy.tail).toEqual(new Float64Array([3, 4]));
    expect(copy.tail.buffer).toBe(copy.whole.buffer);
    expect(copy.whole.buffer).not.toBe(shared.buffer);
    expect(copy.name).toBe('x');
    copy.whole[0] = 99;
    expect(shared[0]).toBe(1);
  });

  it('copies a dataset whole, so transferring the copy leaves the original intact', () => {
    const data = datasetToData(twoCities());
    const { copy, transferables } = copyBuffers(data);
    expect(copy).toEqual(data);
    structuredClone(copy, { transfer: transferables });
    expect(data.accounts.measures.lat.length).toBe(60);
    expect(copy.accounts.measures.lat.length).toBe(0);
  });
});
