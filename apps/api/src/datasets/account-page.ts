import { TesseraError, type AccountTable } from '@tessera/core';
import { FilterSyntaxError, matchAccounts } from '@tessera/scenarios';
import type { z } from 'zod';
import { ApiError } from '../errors.js';
import type {
  accountPageInputSchema,
  accountPageSchema,
  accountRowSchema,
} from './dataset-schemas.js';
import type { ServiceCall } from './datasets-service.js';

export type AccountRowView = z.infer<typeof accountRowSchema>;
export type AccountPage = z.infer<typeof accountPageSchema>;

/**
 * One page of a dataset's accounts in table order, filtered with the filter language. The
 * cursor is the row index after the last row returned, encoded so callers treat it as opaque;
 * the tables come from the dataset store, so paging a large dataset decodes it once.
 */
export async function listAccounts({
  ctx,
  input,
}: ServiceCall<z.infer<typeof accountPageInputSchema>>): Promise<AccountPage> {
  const { accounts } = await ctx.services.datasets.load(ctx.actor.workspaceId, input.id);
  const start = input.cursor === undefined ? 0 : decodeCursor(input.cursor, accounts.length);
  const selected = input.filter === undefined ? null : select(accounts, input.filter);

  const rows: AccountRowView[] = [];
  let i = start;
  for (; i < accounts.length && rows.length < input.limit; i++) {
    if (selected === null || selected[i] === 1) rows.push(accountRow(accounts, i));
  }
  // The next page starts after the last row read; there is one only if a match lies beyond.
  const more = selected === null ? i < accounts.length : selected.indexOf(1, i) >= 0;
  return {
    rows,
    nextCursor: more ? encodeCursor(i) : null,
    total: selected === null ? accounts.length : count(selected),
  };
}

function select(accounts: AccountTable, filter: string): Uint8Array {
  try {
    return matchAccounts(accounts, filter);
  } catch (error) {
    if (error instanceof FilterSyntaxError) {
      throw new ApiError('INVALID', error.message, {
        filter: error.text,
        position: error.position,
        reason: error.reason,
      });
    }
    // A filter that parses but does not fit these accounts (an unknown attribute or area).
    if (error instanceof TesseraError && error.code === 'INVALID_FILTER') {
      throw new ApiError('INVALID', error.message, { filter });
    }
    throw error;
  }
}

function count(mask: Uint8Array): number {
  let n = 0;
  for (const v of mask) n += v;
  return n;
}

// `r<row>`, base64url: a cursor says nothing a caller should build on, and a made-up one fails.
const CURSOR = /^r(0|[1-9]\d{0,9})$/;

function encodeCursor(row: number): string {
  return Buffer.from(`r${row}`).toString('base64url');
}

function decodeCursor(cursor: string, rows: number): number {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  const row = match ? Number(match[1]) : -1;
  if (row < 0 || row > rows) {
    throw new ApiError('INVALID', `cursor "${cursor}" is not one this dataset's pages gave`);
  }
  return row;
}

/** An account as the API shows it: the table's row without its index. */
function accountRow(accounts: AccountTable, i: number): AccountRowView {
  const { index: _index, ...row } = accounts.row(i);
  return row;
}
