import { AccountTable, encodeColumnFrame, Plan, RepTable } from '@tessera/core';
import { datasetToData } from '@tessera/scenarios';
import { describe, expect, it } from 'vitest';
import { decodeDatasetFrame } from './decode-dataset.ts';

function bytesOf(value: unknown): Uint8Array {
  const encoded = encodeColumnFrame(value);
  const out = new Uint8Array(encoded.byteLength);
  let at = 0;
  for (const chunk of encoded.chunks()) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

const dataset = {
  accounts: AccountTable.fromRows([
    { id: 'a1', name: 'Zoë', lat: 40.7, lon: -74, owner: 'r1', attributes: { tier: 'gold' } },
    { id: 'a2', region: 'CA', skillsRequired: ['lang:es'] },
  ]),
  reps: RepTable.fromRows([{ id: 'r1', capacity: 10, skills: ['lang:es'] }]),
  baseline: new Plan(Int32Array.from([0, -1]), [{ id: 'T1', name: 'East', repId: 'r1' }]),
};

describe('decodeDatasetFrame', () => {
  it("gives the dataset's table data back, arrays as views of the frame's buffer", () => {
    const bytes = bytesOf(datasetToData(dataset));
    const data = decodeDatasetFrame(bytes, 'dataset "d"');
    expect(data).toEqual(datasetToData(dataset));
    expect(data.accounts.measures.lat.buffer).toBe(bytes.buffer);
  });

  it('refuses a frame that is not a dataset, naming the download', () => {
    expect(() => decodeDatasetFrame(bytesOf({ rows: [] }), 'dataset "d"')).toThrow(
      'dataset "d": the columns received are not a dataset (no accounts and reps tables)',
    );
    const data = datasetToData(dataset);
    const broken = { ...data, accounts: { ...data.accounts, locked: new Uint8Array(5) } };
    expect(() => decodeDatasetFrame(bytesOf(broken), 'dataset "d"')).toThrow(
      'dataset "d": the columns received do not make a dataset: account table column "locked" has 5 rows, expected 2',
    );
    expect(() => decodeDatasetFrame(new Uint8Array(8), 'dataset "d"')).toThrow(
      'dataset "d": column frame: the frame is cut short: 8 bytes, not even its prefix',
    );
  });
});
