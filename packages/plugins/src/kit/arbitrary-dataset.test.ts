import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetArbitrary, datasetFromRows } from './arbitrary-dataset.js';

describe('datasetArbitrary', () => {
  it('generates postal codes, some blank and some missing, that survive into the table', () => {
    const rows = fc
      .sample(datasetArbitrary({ maxAccounts: 20 }), { numRuns: 50, seed: 7 })
      .flatMap((dataset) => dataset.accounts);
    const codes = new Set(rows.map((a) => a.postalCode));
    expect(codes).toContain('02139');
    expect(codes).toContain('');
    expect(codes).toContain(null);
    const table = datasetFromRows({
      accounts: [
        { id: 'a', postalCode: '02139' },
        { id: 'b', postalCode: '' },
        { id: 'c', postalCode: null },
      ],
      reps: [],
    }).accounts;
    expect([0, 1, 2].map((i) => table.postalCode.get(i))).toEqual(['02139', null, null]);
  });
});
