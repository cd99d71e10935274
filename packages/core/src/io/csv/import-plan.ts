import { Plan, UNASSIGNED, type Territory } from '../../plan/plan.js';
import type { AccountTable } from '../../table/account-table.js';
import type { RepTable } from '../../table/rep-table.js';
import { CellReader } from './cell-reader.js';
import { PLAN_COLUMNS, resolveHeader } from './columns.js';
import { importRecords, type RecordSink, type SinkContext } from './import-records.js';
import type { CsvInput } from './import-types.js';

/**
 * Reads a plan CSV (`account_id,territory_id,rep_id`) against the tables it was made for.
 * Territories come in order of first appearance and are named by their id; a territory whose
 * rows name no rep is unstaffed; accounts the file does not list are unassigned. Any problem
 * (unknown account or rep, an account listed twice, a territory with two reps) throws a
 * CsvImportError listing them all.
 */
export async function importPlanCsv(
  input: CsvInput,
  accounts: AccountTable,
  reps: RepTable,
): Promise<Plan> {
  const result = await importRecords(input, {}, (context) => new PlanSink(context, accounts, reps));
  return result.value;
}

type PlanColumn = keyof typeof PLAN_COLUMNS;

interface TerritoryDraft extends Territory {
  /** Line that named the rep, to point at when another line names a different one. */
  repLine: number;
}

class PlanSink implements RecordSink<Plan> {
  readonly #context: SinkContext;
  readonly #cells: CellReader;
  readonly #accounts: AccountTable;
  readonly #reps: RepTable;
  readonly #ix: Record<PlanColumn, number>;
  readonly #label: Record<PlanColumn, string>;
  readonly #territoryOf: Int32Array;
  /** Line that listed each account (0 = not yet listed). */
  readonly #listedOn: Int32Array;
  readonly #territories: TerritoryDraft[] = [];
  readonly #territoryIndex = new Map<string, number>();

  constructor(context: SinkContext, accounts: AccountTable, reps: RepTable) {
    const header = resolveHeader(context.header, PLAN_COLUMNS, ['account_id', 'territory_id']);
    this.#context = context;
    this.#cells = new CellReader(context.log, false);
    this.#accounts = accounts;
    this.#reps = reps;
    this.#ix = header.index;
    this.#label = header.label;
    this.#territoryOf = new Int32Array(accounts.length).fill(UNASSIGNED);
    this.#listedOn = new Int32Array(accounts.length);
  }

  accept(fields: readonly string[], line: number): boolean {
    const log = this.#context.log;
    const errors = log.errorCount;
    const c = this.#cells;
    const ix = this.#ix;
    const label = this.#label;
    c.line = line;

    const accountId = c.text(fields, ix.account_id);
    const territoryId = c.text(fields, ix.territory_id);
    const repId = c.text(fields, ix.rep_id);
    let account = -1;
    if (accountId === '') {
      log.error(line, label.account_id, null, 'is empty');
    } else {
      account = this.#accounts.indexOf(accountId);
      if (account < 0) {
        log.error(line, label.account_id, accountId, 'names no account in the account table');
      } else if (this.#listedOn[account] !== 0) {
        log.error(
          line,
          label.account_id,
          accountId,
          `is listed twice (first on line ${this.#listedOn[account]!})`,
        );
      } else {
        this.#listedOn[account] = line;
      }
    }
    if (repId !== '' && this.#reps.indexOf(repId) < 0) {
      log.error(line, label.rep_id, repId, 'names no rep in the rep table');
    }
    if (territoryId === '' && repId !== '') {
      log.error(line, label.territory_id, null, `is empty but the row names rep "${repId}"`);
    }
    if (log.errorCount !== errors || territoryId === '') return log.errorCount === errors;

    let t = this.#territoryIndex.get(territoryId);
    if (t === undefined) {
      t = this.#territories.length;
      this.#territoryIndex.set(territoryId, t);
      this.#territories.push({ id: territoryId, name: territoryId, repId: null, repLine: 0 });
    }
    const territory = this.#territories[t]!;
    if (repId !== '') {
      if (territory.repId === null) {
        territory.repId = repId;
        territory.repLine = line;
      } else if (territory.repId !== repId) {
        log.error(
          line,
          label.rep_id,
          repId,
          `gives territory "${territoryId}" a second rep (line ${territory.repLine} gave it "${territory.repId}")`,
        );
        return false;
      }
    }
    this.#territoryOf[account] = t;
    return true;
  }

  finish(): Plan {
    const territories = this.#territories.map(({ id, name, repId }) => ({ id, name, repId }));
    return new Plan(this.#territoryOf, territories);
  }
}
