import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A file on disk (a path, or a `file:` URL) as a Blob that streams from disk when sent: a
 * 1M-row CSV is never read into memory whole.
 */
export async function openFile(location: string | URL): Promise<{ blob: Blob; filename: string }> {
  try {
    const path = location instanceof URL ? fileURLToPath(location) : location;
    return { blob: await openAsBlob(path, { type: 'text/csv' }), filename: basename(path) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot read the CSV at ${String(location)}: ${reason}`, { cause: error });
  }
}
