import { describe, expect, it } from 'vitest';
import { detectDialect } from './csv-dialect.js';

describe('detectDialect', () => {
  it('reads delimiter and line break off the first non-blank line', () => {
    expect(detectDialect('id,name\n1,a', false)).toEqual({ delimiter: ',', newline: '\n' });
    expect(detectDialect('id;name\r\n1;a', false)).toEqual({ delimiter: ';', newline: '\r\n' });
    expect(detectDialect('id\tname\r1\ta', false)).toEqual({ delimiter: '\t', newline: '\r' });
    expect(detectDialect('\n\nid;name\n', false)).toEqual({ delimiter: ';', newline: '\n' });
  });

  it('lets commas win over semicolons and ignores delimiters inside quotes', () => {
    expect(detectDialect('id,skills;x\n', false)?.delimiter).toBe(',');
    expect(detectDialect('id;"a,b"\n', false)?.delimiter).toBe(';');
    expect(detectDialect('id\n', false)?.delimiter).toBe(',');
  });

  it('waits for a complete line unless the text is final', () => {
    expect(detectDialect('id,na', false)).toBeNull();
    expect(detectDialect('id,name\r', false)).toBeNull();
    expect(detectDialect('id,name\r', true)).toEqual({ delimiter: ',', newline: '\r' });
    expect(detectDialect('id;name', true)).toEqual({ delimiter: ';', newline: '\n' });
  });
});
