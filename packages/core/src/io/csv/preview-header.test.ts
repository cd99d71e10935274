import { describe, expect, it } from 'vitest';
import { previewCsvHeader } from './preview-header.js';

describe('previewCsvHeader', () => {
  it('maps aliases onto contract columns and keeps unknown headers as attributes', () => {
    const preview = previewCsvHeader(
      'accounts',
      'Account ID,Company,Latitude,LNG,ZIP,Segment\nA1,Acme,40.7,-74,10001,SMB\nA2,',
    );
    expect(preview).toEqual({
      columns: [
        { header: 'Account ID', column: 'id', alias: true },
        { header: 'Company', column: 'name', alias: true },
        { header: 'Latitude', column: 'lat', alias: true },
        { header: 'LNG', column: 'lon', alias: true },
        { header: 'ZIP', column: 'postal_code', alias: true },
        { header: 'Segment', column: null, alias: false },
      ],
      problem: null,
    });
  });

  it('reads the canonical column over an alias, as the importer does', () => {
    const preview = previewCsvHeader('accounts', 'id,state,region\n');
    expect(preview?.columns).toEqual([
      { header: 'id', column: 'id', alias: false },
      { header: 'state', column: null, alias: false },
      { header: 'region', column: 'region', alias: false },
    ]);
  });

  it('handles semicolon files, a BOM, quoted headers and a header with no line break yet', () => {
    expect(previewCsvHeader('reps', '\uFEFF"rep id";"max workload"\r\n"R1";"3"')?.columns).toEqual([
      { header: 'rep id', column: 'id', alias: true },
      { header: 'max workload', column: 'capacity', alias: true },
    ]);
    expect(previewCsvHeader('plan', 'account,territory,rep')?.columns.map((c) => c.column)).toEqual(
      ['account_id', 'territory_id', 'rep_id'],
    );
  });

  it('says what would refuse the file: a missing id, a repeated column, half a coordinate', () => {
    expect(previewCsvHeader('accounts', 'name,lat,lon\n')?.problem).toMatch(/no "id" column/);
    expect(previewCsvHeader('accounts', 'name,lat,lon\n')?.columns[1]).toEqual({
      header: 'lat',
      column: 'lat',
      alias: false,
    });
    expect(previewCsvHeader('reps', 'id,Name,name\n')?.problem).toMatch(/appears twice/);
    expect(previewCsvHeader('reps', 'id,lat\n')?.problem).toMatch(/no "lon" column/);
    expect(previewCsvHeader('plan', 'account_id,rep_id\n')?.problem).toMatch(/territory_id/);
  });

  it('is null for a file with no header row', () => {
    expect(previewCsvHeader('accounts', '')).toBeNull();
    expect(previewCsvHeader('accounts', '\n\n')).toBeNull();
    expect(previewCsvHeader('accounts', '\uFEFF')).toBeNull();
  });
});
