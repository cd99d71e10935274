import type { RouterOutputs } from '@tessera/client';
import { describeError, type ApiProblem } from './errors.ts';
import { restFetch } from './rest.ts';

/** What `POST /api/datasets` answers: the stored dataset and the rows kept despite a doubt. */
export type CreatedDataset = RouterOutputs['datasets']['sample'];

/** One refused row (or header) of an uploaded file, as the API reports it. */
export interface RowIssue {
  file: 'accounts' | 'reps' | 'baseline';
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}

/** Why an upload was refused: the row-level report when the files were read, else the message. */
export interface UploadRefusal {
  problem: ApiProblem;
  /** Rows at fault, in file order (at most the first 100 the server lists). */
  issues: RowIssue[];
  /** Every error found, listed or not. */
  total: number;
  /** Form-level problems (a missing or non-CSV part): `part: message`. */
  parts: string[];
}

export type UploadResult =
  { ok: true; dataset: CreatedDataset } | { ok: false; refusal: UploadRefusal };

export interface UploadFiles {
  name: string;
  accounts: File;
  reps: File;
  baseline?: File | undefined;
}

/**
 * Uploads the files as one multipart request. All or nothing: a file with a bad row comes back
 * as a refusal listing every row at fault, and the server stored nothing.
 */
export async function uploadDataset(
  files: UploadFiles,
  signal?: AbortSignal,
): Promise<UploadResult> {
  const form = new FormData();
  form.set('name', files.name);
  form.set('accounts', files.accounts, files.accounts.name);
  form.set('reps', files.reps, files.reps.name);
  if (files.baseline) form.set('baseline', files.baseline, files.baseline.name);
  try {
    const response = await restFetch('/api/datasets', {
      method: 'POST',
      body: form,
      signal: signal ?? null,
    });
    return { ok: true, dataset: (await response.json()) as CreatedDataset };
  } catch (error) {
    return { ok: false, refusal: refusalOf(error) };
  }
}

function refusalOf(error: unknown): UploadRefusal {
  const problem = describeError(error);
  const details = (problem.details ?? {}) as { issues?: unknown; total?: unknown };
  const listed = Array.isArray(details.issues) ? (details.issues as unknown[]) : [];
  const issues = listed.filter(isRowIssue);
  const parts = listed
    .filter(isPartIssue)
    .map((i) => `${i.path.join('.') || 'the form'}: ${i.message}`);
  const total = typeof details.total === 'number' ? details.total : issues.length;
  return { problem, issues, total, parts };
}

function isRowIssue(value: unknown): value is RowIssue {
  const v = value as Partial<RowIssue> | null;
  return typeof v?.line === 'number' && typeof v.reason === 'string' && typeof v.file === 'string';
}

function isPartIssue(value: unknown): value is { path: string[]; message: string } {
  const v = value as { path?: unknown; message?: unknown } | null;
  return Array.isArray(v?.path) && typeof v.message === 'string';
}
