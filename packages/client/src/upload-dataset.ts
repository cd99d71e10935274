import { TesseraApiError } from './api-error.js';

/**
 * A CSV to upload: its text, or its text in chunks (what `accountsToCsv` from `@tessera/core`
 * yields), a Blob or File (a browser's file input), or in Node a file on disk as `{ path }` or
 * a `file:` URL, streamed from disk rather than read into memory.
 */
export type CsvInput = string | Iterable<string> | Blob | URL | { path: string };

export interface UploadDatasetInput {
  /** What planners see in lists. */
  name: string;
  /** `accounts.csv`: `id` required; see the data contract. */
  accounts: CsvInput;
  /** `reps.csv`: `id` required. */
  reps: CsvInput;
  /** A plan CSV (`account_id,territory_id,rep_id`): the current alignment, for continuity. */
  baseline?: CsvInput | undefined;
}

/** What `POST /api/datasets` answers: the stored dataset and the rows kept despite a doubt. */
export interface UploadedDataset {
  id: string;
  name: string;
  accounts: number;
  reps: number;
  warnings: string[];
}

export interface RestTarget {
  /** The server's base URL, without `/api`. */
  url: string;
  token: string;
  fetch: typeof fetch;
}

/**
 * Uploads a dataset as `multipart/form-data` to `POST /api/datasets`. A file with a bad row is
 * refused whole: the promise rejects with a {@link TesseraApiError} whose `details.issues` list
 * each file, line, column, value and reason, and nothing is stored.
 */
export async function uploadDataset(
  target: RestTarget,
  input: UploadDatasetInput,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<UploadedDataset> {
  const form = new FormData();
  form.set('name', input.name);
  const files: [string, CsvInput | undefined][] = [
    ['accounts', input.accounts],
    ['reps', input.reps],
    ['baseline', input.baseline],
  ];
  for (const [field, csv] of files) {
    if (csv === undefined) continue;
    const { blob, filename } = await toBlob(csv, `${field}.csv`);
    form.set(field, blob, filename);
  }
  const response = await target.fetch(new URL('api/datasets', withSlash(target.url)), {
    method: 'POST',
    headers: { authorization: `Bearer ${target.token}` },
    body: form,
    signal: options.signal ?? null,
  });
  if (!response.ok) throw await TesseraApiError.from(response);
  return (await response.json()) as UploadedDataset;
}

async function toBlob(
  csv: CsvInput,
  fallbackName: string,
): Promise<{ blob: Blob; filename: string }> {
  if (typeof csv === 'string')
    return { blob: new Blob([csv], { type: 'text/csv' }), filename: fallbackName };
  if (isChunks(csv))
    return { blob: new Blob([...csv], { type: 'text/csv' }), filename: fallbackName };
  if (csv instanceof Blob) {
    const filename =
      'name' in csv && typeof csv.name === 'string' && csv.name ? csv.name : fallbackName;
    return { blob: csv, filename };
  }
  // Loaded only when a file is named, so browser bundles never reach for Node's modules.
  const { openFile } = await import('./node/open-file.js');
  return openFile(csv instanceof URL ? csv : csv.path);
}

function isChunks(csv: Exclude<CsvInput, string>): csv is Iterable<string> {
  return Symbol.iterator in csv;
}

/** `new URL('api/x', base)` keeps a base path (`https://host/tessera/`) only with a final slash. */
export function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
