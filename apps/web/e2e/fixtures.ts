// Small CSV files for the import tests, written as a planner's export would be.

/** A file for `setInputFiles` / a file chooser. */
export interface CsvFile {
  name: string;
  mimeType: 'text/csv';
  buffer: Buffer;
}

export const csv = (name: string, text: string): CsvFile => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text),
});

/** Accounts with CRM-style headers (aliases of id, name, lat, lon, postal_code) and a Segment. */
export const goodAccounts = csv(
  'accounts.csv',
  [
    'Account ID,Company,Latitude,Longitude,ZIP,workload,Segment',
    'A1,Acme,40.71,-74.00,10001,3,SMB',
    'A2,Globex,34.05,-118.24,90001,5,Enterprise',
    'A3,Initech,41.88,-87.63,60601,2,SMB',
    'A4,Umbrella,29.76,-95.37,77001,4,Mid',
  ].join('\n') + '\n',
);

/** The same accounts with a latitude out of range on line 3. */
export const badAccounts = csv(
  'accounts-bad.csv',
  [
    'Account ID,Company,Latitude,Longitude,ZIP,workload,Segment',
    'A1,Acme,40.71,-74.00,10001,3,SMB',
    'A2,Globex,95,-118.24,90001,5,Enterprise',
    'A3,Initech,41.88,-87.63,60601,2,SMB',
  ].join('\n') + '\n',
);

/** Accounts whose owner names a rep the reps file lacks: imported, with a warning. */
export const accountsWithUnknownOwner = csv(
  'accounts-owner.csv',
  ['id,lat,lon,workload,owner', 'A1,40.71,-74.00,3,R1', 'A2,34.05,-118.24,5,R9'].join('\n') + '\n',
);

export const reps = csv(
  'reps.csv',
  ['rep id,lat,lon,max workload', 'R1,40.7,-74.0,10', 'R2,34.0,-118.2,10'].join('\n') + '\n',
);
