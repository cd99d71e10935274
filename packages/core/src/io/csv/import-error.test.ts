import { describe, expect, it } from 'vitest';
import { TesseraError } from '../../errors/tessera-error.js';
import { CsvImportError, formatIssue } from './import-error.js';
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
  it('is a TesseraError with code CSV_INVALID naming the first error', () => {
    const error = new CsvImportError(
      [
        { line: 2, column: 'owner', value: 'R9', reason: 'names no rep', severity: 'warning' },
        { line: 5, column: 'lat', value: '95', reason: 'is outside -90..90', severity: 'error' },
      ],
      7,
    );
    expect(error).toBeInstanceOf(TesseraError);
    expect(error.code).toBe('CSV_INVALID');
    expect(error.message).toBe(
      'line 5, column "lat": value "95" is outside -90..90 (and 6 more problems)',
    );
    expect(error.issueCount).toBe(7);
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
