import { describe, expect, it } from 'vitest';
import { repsToCsv } from './export-tables.js';
import { CsvImportError } from './import-error.js';
import { importRepsCsv } from './import-reps.js';

describe('importRepsCsv', () => {
  it('reads the contract columns, skills as tags and extra columns as attributes', async () => {
    const csv =
      'id,name,lat,lon,capacity,skills,level,team\n' +
      'R1,Ana López,40.4,-3.7,120,industry:healthcare;segment:enterprise;lang:es,3,East\n' +
      'R2,Bo,,,,,,\n';
    const { table, issues } = await importRepsCsv(csv);
    expect(issues).toEqual([]);
    expect(table.row(0)).toEqual({
      index: 0,
      id: 'R1',
      name: 'Ana López',
      lat: 40.4,
      lon: -3.7,
      capacity: 120,
      skills: ['industry:healthcare', 'segment:enterprise', 'lang:es'],
      level: 3,
      levelLabel: null,
      attributes: { team: 'East' },
    });
    expect(table.row(1)).toMatchObject({ capacity: null, level: null, skills: [], attributes: {} });
  });

  it('accepts rep header aliases', async () => {
    const { table } = await importRepsCsv(
      'Rep ID,Rep Name,Latitude,Longitude,Max Workload,Tags,Seniority\nR1,Ann,1,2,30,lang:fr,2\n',
    );
    expect(table.row(0)).toMatchObject({
      id: 'R1',
      name: 'Ann',
      lat: 1,
      lon: 2,
      capacity: 30,
      skills: ['lang:fr'],
      level: 2,
    });
  });

  it('reports bad reps: negative or non-numeric capacity, malformed skills, duplicates', async () => {
    const csv = [
      'id,capacity,skills,level',
      'R1,-5,,',
      'R2,lots,,',
      'R3,,lang,',
      'R4,,lang:es;segment:,',
      'R1,,,',
      ',1,,',
    ].join('\n');
    const error = await importRepsCsv(csv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvImportError);
    const issues = (error as CsvImportError).issues;
    expect(issues.map((i) => [i.line, i.column, i.value, i.reason])).toEqual([
      [2, 'capacity', '-5', 'is negative'],
      [3, 'capacity', 'lots', 'is not a number'],
      [
        4,
        'skills',
        'lang',
        expect.stringContaining('"lang", which is not a tag of the form prefix:value') as string,
      ],
      [5, 'skills', 'lang:es;segment:', expect.stringContaining('"segment:"') as string],
      [6, 'id', 'R1', 'appears twice (first on line 2)'],
      [7, 'id', null, 'is empty: every rep needs an id'],
    ]);
  });

  it('reads levels as numbers or titles, ranking titles on the ladder and never refusing one', async () => {
    const csv = [
      'id,level',
      'R1,3',
      'R2,senior',
      'R3,junior',
      'R4,AE II',
      'R5,Rockstar',
      'R6,-1',
      'R7,',
    ].join('\n');
    const { table, issues } = await importRepsCsv(csv);
    expect(issues).toEqual([]);
    expect([...table.rows()].map((r) => [r.id, r.level, r.levelLabel])).toEqual([
      ['R1', 3, null],
      ['R2', 3, 'senior'],
      ['R3', 1, 'junior'],
      ['R4', 2, 'AE II'],
      ['R5', null, 'Rockstar'],
      ['R6', -1, null],
      ['R7', null, null],
    ]);
    expect(
      [...repsToCsv(table)]
        .join('')
        .split('\n')
        .map((l) => l.split(',').at(-1)),
    ).toEqual(['level', '3', 'senior', 'junior', 'AE II', 'Rockstar', '-1', '', '']);
  });

  it('imports the good reps with skipInvalid', async () => {
    const { table, rowsRead, rowsImported } = await importRepsCsv(
      'id,lat,lon\nR1,1,1\nR2,1,200\n',
      {
        skipInvalid: true,
      },
    );
    expect([...table.id.values()]).toEqual(['R1']);
    expect([rowsRead, rowsImported]).toEqual([2, 1]);
  });

  it('rejects a file without an id column', async () => {
    await expect(importRepsCsv('name,capacity\nAnn,3\n')).rejects.toThrow(
      'there is no "id" column (columns found: name, capacity)',
    );
  });
});
