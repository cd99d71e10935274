import { describe, expect, it } from 'vitest';
import { TesseraError } from '../../errors/tessera-error.js';
import { CsvImportError, formatIssue } from './import-error.js';
import type { ImportIssue } from './import-types.js';
import { IssueLog } from './issue-log.js';

describe('formatIssue', () => {
  it('says line, column, value and reason in one line', () => {
    expect(
      formatIssue({
        line: 12,
        column: 'lat',
        value: '95',
        reason: 'is outside -90..90',
        severity: 'error',
      }),
    ).toBe('line 12, column "lat": value "95" is outside -90..90');
    expect(
      formatIssue({
        line: 3,
        column: null,
        value: null,
        reason: 'the record has 5 fields',
        severity: 'error',
      }),
    ).toBe('line 3: the record has 5 fields');
    expect(
      formatIssue({
        line: 4,
        column: 'name',
        value: `a\nb${'x'.repeat(80)}`,
        reason: 'r',
        severity: 'error',
      }),
    ).toMatch(/^line 4, column "name": value "a bx+\.\.\." r$/);
  });
});

describe('CsvImportError', () => {
  const error = (line: number, reason = 'is outside -90..90'): ImportIssue => ({
    line,
    column: 'lat',
    value: '95',
    reason,
    severity: 'error',
  });

  it('is a TesseraError with code CSV_INVALID; one problem is a one-line message', () => {
    const single = new CsvImportError([error(5)]);
    expect(single).toBeInstanceOf(TesseraError);
    expect(single.code).toBe('CSV_INVALID');
    expect(single.message).toBe('line 5, column "lat": value "95" is outside -90..90');
  });

  it('lists five problems, errors first, in file order, then counts the rest', () => {
    const warning: ImportIssue = {
      line: 2,
      column: 'owner',
      value: 'R9',
      reason: 'names no rep',
      severity: 'warning',
    };
    const many = new CsvImportError([warning, ...[9, 3, 4, 7, 8, 12].map((l) => error(l))], 8);
    expect(many.message).toBe(
      [
        '8 problems in the file:',
        '  line 3, column "lat": value "95" is outside -90..90',
        '  line 4, column "lat": value "95" is outside -90..90',
        '  line 7, column "lat": value "95" is outside -90..90',
        '  line 8, column "lat": value "95" is outside -90..90',
        '  line 9, column "lat": value "95" is outside -90..90',
        '  (and 3 more problems)',
      ].join('\n'),
    );
    expect(many.issueCount).toBe(8);
  });

  it('shows warnings when there are fewer than five errors, and says "problem" for one more', () => {
    const warning: ImportIssue = {
      line: 2,
      column: 'owner',
      value: 'R9',
      reason: 'names no rep',
      severity: 'warning',
    };
    expect(new CsvImportError([error(3), warning], 3).message).toBe(
      [
        '3 problems in the file:',
        '  line 2, column "owner": value "R9" names no rep (warning)',
        '  line 3, column "lat": value "95" is outside -90..90',
        '  (and 1 more problem)',
      ].join('\n'),
    );
  });
});

describe('IssueLog', () => {
  it('keeps errors and warnings in line order and caps each separately', () => {
    const log = new IssueLog(2);
    log.warning(1, 'a', null, 'w1');
    log.error(3, 'b', null, 'e1');
    log.warning(2, 'a', null, 'w2');
    log.warning(4, 'a', null, 'w3');
    log.error(2, 'b', null, 'e2');
    log.error(5, 'b', null, 'e3');
    expect(log.issues().map((i) => i.reason)).toEqual(['w1', 'e2', 'w2', 'e1']);
    expect([log.errorCount, log.warningCount, log.total]).toEqual([3, 3, 6]);
  });
});
