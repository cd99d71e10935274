import { describe, expect, it } from 'vitest';
import { RepTable } from '../../table/rep-table.js';
import { importAccountsCsv } from './import-accounts.js';
import { CsvImportError } from './import-error.js';
import type { ImportIssue } from './import-types.js';

const HEADER =
  'id,name,lat,lon,postal_code,region,country,industry,employees,annual_revenue,potential,revenue,workload,owner,locked,skills_required';

async function failure(promise: Promise<unknown>): Promise<CsvImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CsvImportError);
  return error as CsvImportError;
}

const brief = (issues: readonly ImportIssue[]): [number, string | null, string | null][] =>
  issues.map((i) => [i.line, i.column, i.value]);

describe('importAccountsCsv', () => {
  it('reads every contract column into the table', async () => {
    const csv =
      `${HEADER}\n` +
      'A1,Acme,40.7128,-74.006,10001,Northeast,US,healthcare,120,5000000,250000,80000,12.5,R1,true,industry:healthcare;lang:es\n' +
      'A2,Globex,,,,,,,,,,,,,,\n';
    const { table, issues, rowsRead, rowsImported } = await importAccountsCsv(csv);
    expect(issues).toEqual([]);
    expect(rowsRead).toBe(2);
    expect(rowsImported).toBe(2);
    expect(table.row(0)).toEqual({
      index: 0,
      id: 'A1',
      name: 'Acme',
      lat: 40.7128,
      lon: -74.006,
      postalCode: '10001',
      region: 'Northeast',
      country: 'US',
      industry: 'healthcare',
      employees: 120,
      annualRevenue: 5000000,
      potential: 250000,
      revenue: 80000,
      workload: 12.5,
      owner: 'R1',
      locked: true,
      skillsRequired: ['industry:healthcare', 'lang:es'],
      attributes: {},
    });
    // Empty numeric cells are missing values, not errors.
    expect(table.row(1)).toMatchObject({
      id: 'A2',
      lat: null,
      employees: null,
      owner: null,
      locked: false,
    });
    expect(Number.isNaN(table.workload[1]!)).toBe(true);
  });

  it('accepts documented header aliases in any case and with spaces', async () => {
    const csv =
      ' Account_ID ,Latitude,LNG,Zip Code,Employee_Count,Owner_ID,Is-Locked\n' +
      'A1,10,20,02139,5,R9,YES\n';
    const { table } = await importAccountsCsv(csv);
    expect(table.row(0)).toMatchObject({
      id: 'A1',
      lat: 10,
      lon: 20,
      postalCode: '02139',
      employees: 5,
      owner: 'R9',
      locked: true,
    });
    for (const [alias, field] of [
      ['longitude', 'lon'],
      ['long', 'lon'],
      ['zip', 'postalCode'],
      ['zipcode', 'postalCode'],
      ['postcode', 'postalCode'],
      ['rep', 'owner'],
      ['rep_id', 'owner'],
    ] as const) {
      const lat = field === 'lon' ? 'lat,' : '';
      const { table: t } = await importAccountsCsv(`id,${lat}${alias}\nA1,${lat ? '1,' : ''}7\n`);
      expect(t.row(0)[field]).toBe(field === 'lon' ? 7 : '7');
    }
  });

  it('reads the canonical column and keeps an alias beside it as an attribute', async () => {
    const { table } = await importAccountsCsv('id,state,region\nA1,NY,Northeast\n');
    expect(table.row(0).region).toBe('Northeast');
    expect(table.row(0).attributes).toEqual({ state: 'NY' });
  });

  it('keeps unknown columns as attributes in header order', async () => {
    const csv = 'id,Tier,name,Notes\nA1,gold,Acme,"says ""hi"", often"\nA2,,Beta,\n';
    const { table } = await importAccountsCsv(csv);
    expect([...table.attributes.keys()]).toEqual(['Tier', 'Notes']);
    expect(table.row(0).attributes).toEqual({ Tier: 'gold', Notes: 'says "hi", often' });
    expect(table.row(1).attributes).toEqual({});
  });

  it('accepts true/false, 1/0 and yes/no for locked, in any case', async () => {
    const csv = 'id,locked\na,TRUE\nb,false\nc,1\nd,0\ne,Yes\nf,NO\ng,\n';
    const { table } = await importAccountsCsv(csv);
    expect([...table.locked]).toEqual([1, 0, 1, 0, 1, 0, 0]);
  });

  it('reports every kind of bad cell with line, column, value and reason', async () => {
    const csv = [
      'id,lat,lon,employees,annual_revenue,potential,revenue,workload,locked,skills_required',
      ',1,1,,,,,,,', // 2: missing id
      'A1,95,1,,,,,,,', // 3: lat out of range
      'A2,1,-181,,,,,,,', // 4: lon out of range
      'A3,1,,,,,,,,', // 5: lat without lon
      'A4,,1,,,,,,,', // 6: lon without lat
      'A5,,,abc,,,,,,', // 7: employees not a number
      'A6,,,,-1,,,,,', // 8: negative annual_revenue
      'A7,,,,,-2,,,,', // 9: negative potential
      'A8,,,,,,x,,,', // 10: revenue not a number
      'A9,,,,,,,-0.5,,', // 11: negative workload
      'A10,,,,,,,,maybe,', // 12: bad locked
      'A11,,,,,,,,,industry', // 13: malformed skill
      'A12,,,,,,,,,a:b;:c', // 14: malformed skill
      'A1,,,,,,,,,', // 15: duplicate id
      'A13,,,,,,,,,,extra', // 16: more fields than the header
      'A14,1,2,3,4,5,6,7,no,lang:es', // 17: fine
    ].join('\n');
    const error = await failure(importAccountsCsv(csv));
    expect(error.code).toBe('CSV_INVALID');
    expect(brief(error.issues)).toEqual([
      [2, 'id', null],
      [3, 'lat', '95'],
      [4, 'lon', '-181'],
      [5, 'lon', null],
      [6, 'lat', null],
      [7, 'employees', 'abc'],
      [8, 'annual_revenue', '-1'],
      [9, 'potential', '-2'],
      [10, 'revenue', 'x'],
      [11, 'workload', '-0.5'],
      [12, 'locked', 'maybe'],
      [13, 'skills_required', 'industry'],
      [14, 'skills_required', 'a:b;:c'],
      [15, 'id', 'A1'],
      [16, null, null],
    ]);
    expect(error.issues.every((i) => i.severity === 'error')).toBe(true);
    expect(error.issues[1]!.reason).toBe('is outside -90..90');
    expect(error.issues[2]!.reason).toBe('is outside -180..180');
    expect(error.issues[7]!.reason).toBe('is negative');
    expect(error.issues[13]!.reason).toBe('appears twice (first on line 3)');
    expect(error.issues[14]!.reason).toContain('11 fields but the header has 10');
    expect(error.issueCount).toBe(15);
    expect(error.message.split('\n')).toEqual([
      '15 problems in the file:',
      '  line 2, column "id": is empty: every account needs an id',
      '  line 3, column "lat": value "95" is outside -90..90',
      '  line 4, column "lon": value "-181" is outside -180..180',
      '  line 5, column "lon": is empty while "lat" has a value',
      '  line 6, column "lat": is empty while "lon" has a value',
      '  (and 10 more problems)',
    ]);
  });

  it('lists up to five problems under a summary line, one line for a single problem', async () => {
    const csv = 'id,lat,lon\nA1,1,1\nA2,95,1\nA3,96,1\nA4,97,1\nA5,98,1\n';
    const error = await failure(importAccountsCsv(csv));
    expect(error.message).toBe(
      [
        '4 problems in the file:',
        '  line 3, column "lat": value "95" is outside -90..90',
        '  line 4, column "lat": value "96" is outside -90..90',
        '  line 5, column "lat": value "97" is outside -90..90',
        '  line 6, column "lat": value "98" is outside -90..90',
      ].join('\n'),
    );
    const one = await failure(importAccountsCsv('id,lat,lon\nA1,1,1\nA2,95,1\n'));
    expect(one.message).toBe('line 3, column "lat": value "95" is outside -90..90');
  });

  it('uses the header as written in the file for the column of an issue', async () => {
    const error = await failure(importAccountsCsv('Account ID,Latitude,Longitude\nA1,91,0\n'));
    expect(brief(error.issues)).toEqual([[2, 'Latitude', '91']]);
  });

  it('imports nothing by default but the good rows with skipInvalid', async () => {
    const csv = 'id,lat,lon\nA1,1,1\nA2,95,1\nA3,2,2\n';
    await expect(importAccountsCsv(csv)).rejects.toThrow(CsvImportError);
    const { table, issues, rowsRead, rowsImported } = await importAccountsCsv(csv, {
      skipInvalid: true,
    });
    expect([...table.id.values()]).toEqual(['A1', 'A3']);
    expect(brief(issues)).toEqual([[3, 'lat', '95']]);
    expect(rowsRead).toBe(3);
    expect(rowsImported).toBe(2);
  });

  it('keeps the first of two rows with the same id when skipping', async () => {
    const { table, issues } = await importAccountsCsv('id,name\nA1,first\nA1,second\n', {
      skipInvalid: true,
    });
    expect(table.length).toBe(1);
    expect(table.row(0).name).toBe('first');
    expect(issues[0]!.reason).toBe('appears twice (first on line 2)');
  });

  it('warns about an owner who is not in the rep table but keeps the value', async () => {
    const reps = RepTable.fromRows([{ id: 'R1' }]);
    const { table, issues } = await importAccountsCsv('id,owner\nA1,R1\nA2,R2\nA3,\n', { reps });
    expect(table.row(1).owner).toBe('R2');
    expect(issues).toEqual([
      {
        line: 3,
        column: 'owner',
        value: 'R2',
        reason: 'names no rep in the rep table; the account counts as unowned',
        severity: 'warning',
      },
    ]);
  });

  it('caps the issue list but counts every issue', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `A${i},x`);
    const error = await failure(importAccountsCsv(`id,employees\n${rows.join('\n')}\n`));
    expect(error.issues).toHaveLength(1000);
    expect(error.issueCount).toBe(1500);
    expect(error.message.split('\n')).toEqual([
      '1,500 problems in the file:',
      '  line 2, column "employees": value "x" is not a number',
      '  line 3, column "employees": value "x" is not a number',
      '  line 4, column "employees": value "x" is not a number',
      '  line 5, column "employees": value "x" is not a number',
      '  line 6, column "employees": value "x" is not a number',
      '  (and 1,495 more problems)',
    ]);
  });

  it('rejects an empty file', async () => {
    for (const empty of ['', '\uFEFF', '\n\n', new Uint8Array(0)]) {
      const error = await failure(importAccountsCsv(empty));
      expect(error.message).toContain('the file is empty');
    }
  });

  it('reads a header-only file as an empty table', async () => {
    for (const text of [HEADER, `${HEADER}\n`, `${HEADER}\r\n\r\n`]) {
      const { table, rowsRead } = await importAccountsCsv(text);
      expect(table.length).toBe(0);
      expect(rowsRead).toBe(0);
    }
  });

  it('names the columns it found when there is no id column', async () => {
    const error = await failure(importAccountsCsv('name,lat,lon\nAcme,1,2\n'));
    expect(error.message).toBe(
      'line 1, column "id": there is no "id" column (columns found: name, lat, lon)',
    );
  });

  it('rejects a header with the same column twice, or lat without lon', async () => {
    expect((await failure(importAccountsCsv('id,lat,LAT\n'))).message).toContain('appears twice');
    expect((await failure(importAccountsCsv('id,notes,Notes\n'))).message).toContain(
      'appears twice',
    );
    expect((await failure(importAccountsCsv('id,latitude\n'))).message).toContain(
      'there is a "latitude" column but no "lon" column',
    );
  });

  it('strips a UTF-8 byte-order mark, from text or bytes', async () => {
    const text = '\uFEFFid,name\nA1,Zoë\n';
    for (const input of [
      text,
      new TextEncoder().encode(text),
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('id\nA1\n')]),
    ]) {
      const { table } = await importAccountsCsv(input);
      expect(table.id.get(0)).toBe('A1');
    }
  });

  it('names the line, column and character of a byte that is not UTF-8, even with skipInvalid', async () => {
    const encoder = new TextEncoder();
    let text = 'id,name,region\n';
    for (let line = 2; line < 501; line++) text += `A${line},Acme,East\n`;
    const bytes = [...encoder.encode(`${text}A501,Soci`), 0xe9, ...encoder.encode('te,West\n')];
    async function* stream(): AsyncGenerator<Uint8Array> {
      for (let at = 0; at < bytes.length; at += 4096) {
        await Promise.resolve();
        yield new Uint8Array(bytes.slice(at, at + 4096));
      }
    }
    for (const skipInvalid of [false, true]) {
      await expect(importAccountsCsv(stream(), { skipInvalid })).rejects.toThrow(
        'line 501, column "name": is not valid UTF-8 text: byte 0xE9 at character 10 of the line (save the file as UTF-8)',
      );
    }
  });

  it('reads CRLF and LF files, quoted commas, quotes and line breaks, and unicode', async () => {
    const lf =
      'id,name,industry\nA1,"Smith, Jones",retail\nA2,"The ""Best"" Co",tech\nA3,"two\nlines",\nA4,Société Générale 東京,finance\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    for (const text of [lf, crlf]) {
      const { table } = await importAccountsCsv(text);
      expect([...table.name.values()]).toEqual([
        'Smith, Jones',
        'The "Best" Co',
        text === lf ? 'two\nlines' : 'two\r\nlines',
        'Société Générale 東京',
      ]);
    }
    // Line numbers count the physical lines a quoted line break adds.
    const error = await failure(
      importAccountsCsv('id,name,lat,lon\nA1,"a\nb\nc",1,1\nA2,x,99,1\n'),
    );
    expect(error.issues[0]!.line).toBe(5);
  });

  it('reads semicolon-delimited files, with decimal commas', async () => {
    const csv =
      'id;name;lat;lon;skills_required\nA1;"Müller; GmbH";48,137;11,575;"industry:auto;lang:de"\n';
    const { table } = await importAccountsCsv(csv);
    expect(table.row(0)).toMatchObject({
      name: 'Müller; GmbH',
      lat: 48.137,
      lon: 11.575,
      skillsRequired: ['industry:auto', 'lang:de'],
    });
  });

  it('reads thousands separators in amounts, never in coordinates', async () => {
    const semicolon =
      'id;lat;lon;annual_revenue;employees;workload\n' +
      'A1;45,123;7.5;1.200,50;12.000;1,5\n' +
      'A2;45.123;-7,5;1.234.567;800;2\n';
    const { table } = await importAccountsCsv(semicolon);
    expect(
      [...table.rows()].map((r) => [r.lat, r.lon, r.annualRevenue, r.employees, r.workload]),
    ).toEqual([
      [45.123, 7.5, 1200.5, 12000, 1.5],
      [45.123, -7.5, 1234567, 800, 2],
    ]);
    const comma =
      'id,lat,lon,annual_revenue,employees\nA1,45.1,2,"1,200.50","12,000"\nA2,"45,123",2,,\n';
    await expect(importAccountsCsv(comma)).rejects.toThrow(
      'line 3, column "lat": value "45,123" is not a number',
    );
    const { table: good } = await importAccountsCsv(comma, { skipInvalid: true });
    expect(good.row(0)).toMatchObject({ lat: 45.1, annualRevenue: 1200.5, employees: 12000 });
  });

  it('refuses a semicolon file that writes "12.000" for twelve thousand and "1.5" for one and a half', async () => {
    await expect(
      importAccountsCsv('id;employees;workload\nA1;12.000;1\nA2;5;1.5\n'),
    ).rejects.toThrow(
      'line 3, column "workload": value "1.5" has a decimal point, but line 2 has "12.000", read with "." grouping thousands as in a semicolon file: write numbers one way (1.234,5 or 1234,5)',
    );
  });

  it('reads tab-delimited files', async () => {
    const { table } = await importAccountsCsv('id\tname\tlat\tlon\nA1\tAcme, Inc.\t1.5\t-2\n');
    expect(table.row(0)).toMatchObject({ name: 'Acme, Inc.', lat: 1.5, lon: -2 });
  });

  it('keeps semicolon skills inside a comma file', async () => {
    const { table } = await importAccountsCsv(
      'id,skills_required\nA1, industry:retail ; segment:smb ;\n',
    );
    expect(table.row(0).skillsRequired.sort()).toEqual(['industry:retail', 'segment:smb']);
  });

  it('trims cells and ignores blank lines', async () => {
    const { table } = await importAccountsCsv('id , name\n\n A1 ,  Acme  \n\n');
    expect(table.row(0)).toMatchObject({ id: 'A1', name: 'Acme' });
    expect(table.length).toBe(1);
  });

  it('builds the same table from 1..7-byte chunks as from one string', async () => {
    const text =
      '\uFEFFid,name,lat,lon,industry,employees,owner,locked,skills_required,Notes\r\n' +
      'A1,"Zoë, Ltd",40.5,-73.9,retail,12,R1,yes,"industry:retail;lang:es","multi\r\nline ""note"""\r\n' +
      'A2,北京 🚀 Co,,,tech,,R2,0,,\r\n' +
      '\r\n' +
      'A3,"""Quoted""",-33.86,151.2,,7.25,,TRUE,segment:smb,plain\r\n';
    const expected = await importAccountsCsv(text);
    const bytes = new TextEncoder().encode(text);
    for (const sizes of [[1], [2], [3], [4], [5], [6], [7], [1, 2, 3, 4, 5, 6, 7], [7, 3, 1]]) {
      async function* chunks(): AsyncGenerator<Uint8Array> {
        let k = 0;
        for (let at = 0; at < bytes.length;) {
          const size = sizes[k++ % sizes.length]!;
          await Promise.resolve();
          yield bytes.subarray(at, at + size);
          at += size;
        }
      }
      const got = await importAccountsCsv(chunks());
      expect(got.table.toData()).toEqual(expected.table.toData());
      expect(got.rowsRead).toBe(3);
    }
  });

  it('gives the same table when a file of several blocks arrives in 1..7-byte chunks', async () => {
    const n = 25001;
    const file = (badRow: number): string => {
      const lines = ['id,name,lat,lon,employees,Notes'];
      for (let i = 0; i < n; i++) {
        const name = i % 3 === 0 ? `"Näme ${i}, ""Q""\r\nsecond line"` : `Name ${i} 東`;
        const lat = i === badRow ? 999 : (i % 180) - 89.5;
        lines.push(`A${i},${name},${lat},${(i % 360) - 179.5},${i},"n;${i}"`);
      }
      return `${lines.join('\r\n')}\r\n`;
    };
    const text = file(-1);
    const bytes = new TextEncoder().encode(text);
    expect(text.length).toBeGreaterThan(1.1 * (1 << 20));
    const expected = await importAccountsCsv(text);
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let at = 0, k = 0; at < bytes.length; k++) {
        const size = (k % 7) + 1;
        await Promise.resolve();
        yield bytes.subarray(at, at + size);
        at += size;
      }
    }
    const got = await importAccountsCsv(chunks());
    expect(got.table.toData()).toEqual(expected.table.toData());
    expect(got.table.length).toBe(n);
    expect(got.table.name.get(3)).toBe('Näme 3, "Q"\r\nsecond line');
    // A problem far past the first block still has the right line: rows with a quoted line
    // break take two lines, the others one.
    const bad = n - 1;
    const error = await failure(importAccountsCsv(file(bad)));
    expect(error.issues[0]!.line).toBe(2 + bad + Math.ceil(bad / 3));
  });

  it('reads an array of string chunks', async () => {
    const { table } = await importAccountsCsv(['id,na', 'me\nA', '1,"x', '\ny"\n']);
    expect(table.row(0)).toMatchObject({ id: 'A1', name: 'x\ny' });
  });

  it('reports progress and stops on abort', async () => {
    const seen: number[] = [];
    await importAccountsCsv('id\nA1\nA2\n', { onProgress: (n) => seen.push(n) });
    expect(seen.at(-1)).toBe(2);
    const controller = new AbortController();
    controller.abort();
    await expect(importAccountsCsv('id\nA1\n', { signal: controller.signal })).rejects.toThrow();
  });
});
