// Generated sample data uploaded as CSV, as a user's import sends it: the dataset a benchmark
// measures, on a server started with the benches' admin token. The planner's benches use it too.
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountsToCsv, repsToCsv } from '@tessera/core';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { TOKEN } from './bench-server.ts';

async function writeCsv(path: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/**
 * Generates `accounts` accounts and `reps` reps (seed 1, US places), writes them as CSV files to
 * a temp folder and uploads them to POST /api/datasets as `name`: the new dataset's id.
 */
export async function uploadSample(
  url: string,
  sample: { accounts: number; reps: number; name: string },
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-sample-'));
  try {
    const data = generateSample({
      accounts: sample.accounts,
      reps: sample.reps,
      seed: 1,
      places: loadUsPlaces(),
    });
    await writeCsv(join(dir, 'accounts.csv'), accountsToCsv(data.accounts));
    await writeCsv(join(dir, 'reps.csv'), repsToCsv(data.reps));
    const form = new FormData();
    form.append('name', sample.name);
    form.append(
      'accounts',
      await openAsBlob(join(dir, 'accounts.csv'), { type: 'text/csv' }),
      'a.csv',
    );
    form.append('reps', await openAsBlob(join(dir, 'reps.csv'), { type: 'text/csv' }), 'r.csv');
    const response = await fetch(`${url}/api/datasets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: form,
    });
    const body = (await response.json()) as { id?: string; message?: string };
    if (response.status !== 201 || !body.id) {
      throw new Error(`upload answered ${response.status}: ${body.message ?? ''}`);
    }
    return body.id;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
