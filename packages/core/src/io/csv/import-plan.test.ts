import { describe, expect, it } from 'vitest';
import { AccountTable } from '../../table/account-table.js';
import { RepTable } from '../../table/rep-table.js';
import { CsvImportError } from './import-error.js';
import { importPlanCsv } from './import-plan.js';

const accounts = AccountTable.fromRows(['A1', 'A2', 'A3', 'A4', 'A5'].map((id) => ({ id })));
const reps = RepTable.fromRows([{ id: 'R1' }, { id: 'R2' }]);

describe('importPlanCsv', () => {
  it('builds territories in order of first appearance, named by their id', async () => {
    const csv =
      'account_id,territory_id,rep_id\nA3,T-east,R2\nA1,T-west,R1\nA2,T-east,R2\nA4,T-pool,\nA5,,\n';
    const plan = await importPlanCsv(csv, accounts, reps);
    expect(plan.territories).toEqual([
      { id: 'T-east', name: 'T-east', repId: 'R2' },
      { id: 'T-west', name: 'T-west', repId: 'R1' },
      { id: 'T-pool', name: 'T-pool', repId: null },
    ]);
    expect([...plan.territoryOf]).toEqual([1, 0, 0, 2, -1]);
  });

  it('leaves accounts the file does not list unassigned', async () => {
    const plan = await importPlanCsv('account_id,territory_id,rep_id\nA2,T1,R1\n', accounts, reps);
    expect([...plan.territoryOf]).toEqual([-1, 0, -1, -1, -1]);
  });

  it('takes the rep from whichever row of a territory names it', async () => {
    const plan = await importPlanCsv(
      'account_id,territory_id,rep_id\nA1,T1,\nA2,T1,R2\n',
      accounts,
      reps,
    );
    expect(plan.territories).toEqual([{ id: 'T1', name: 'T1', repId: 'R2' }]);
  });

  it('reports unknown accounts and reps, repeated accounts and a territory with two reps', async () => {
    const csv = [
      'account_id,territory_id,rep_id',
      'A1,T1,R1',
      'A9,T1,R1',
      'A1,T2,R2',
      'A2,T1,R7',
      'A3,T1,R2',
      'A4,,R1',
    ].join('\n');
    const error = await importPlanCsv(csv, accounts, reps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvImportError);
    const issues = (error as CsvImportError).issues;
    expect(issues.map((i) => [i.line, i.column, i.value, i.reason])).toEqual([
      [3, 'account_id', 'A9', 'names no account in the account table'],
      [4, 'account_id', 'A1', 'is listed twice (first on line 2)'],
      [5, 'rep_id', 'R7', 'names no rep in the rep table'],
      [6, 'rep_id', 'R2', 'gives territory "T1" a second rep (line 2 gave it "R1")'],
      [7, 'territory_id', null, 'is empty but the row names rep "R1"'],
    ]);
  });

  it('needs the account_id and territory_id columns', async () => {
    await expect(importPlanCsv('account_id,rep_id\nA1,R1\n', accounts, reps)).rejects.toThrow(
      'there is no "territory_id" column',
    );
  });
});
