import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/database.js';
import { createQueues } from '../jobs/queues.js';
import { newBoss } from '../jobs/start-jobs.js';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * An empty embedded database with every migration and pg-boss's schema and queues in place,
 * as a data-directory dump. A fresh PGlite runs initdb, the migrations and pg-boss's setup:
 * about 1.5 s of a 3 s server start, dozens of times a run. Every in-memory test server starts
 * from this dump instead. It is made once per machine for the migrations and versions it was
 * made from (the file name is their hash) and kept in the temp folder.
 */
export async function pgliteTemplate(): Promise<Blob> {
  const path = join(tmpdir(), `tessera-pglite-template-${await templateKey()}.tar`);
  const kept = await readFile(path).catch(() => null);
  if (kept) return new Blob([kept]);
  const dump = await makeTemplate();
  // Written aside, then renamed: test files making it at once never read half a file.
  const partial = `${path}.${String(process.pid)}.${String(Date.now())}`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, path);
  return dump;
}

async function makeTemplate(): Promise<Blob> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await database.migrate();
    const boss = newBoss(database);
    await boss.start();
    await createQueues(boss);
    await boss.stop({ graceful: false, close: false });
    return await database.pglite!.dumpDataDir('none');
  } finally {
    await database.close();
  }
}

/** What the template depends on: the migrations and the PGlite and pg-boss versions. */
async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of ['@electric-sql/pglite', 'pg-boss']) {
    // Neither exports its package.json; the API's own node_modules holds both.
    const manifest = JSON.parse(
      await readFile(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8'),
    ) as { version: string };
    hash.update(`${name}@${manifest.version}\n`);
  }
  const files = (await readdir(migrationsFolder, { recursive: true })).sort();
  for (const file of files) {
    const content = await readFile(join(migrationsFolder, file)).catch(() => null);
    if (content) hash.update(file).update(content);
  }
  return hash.digest('hex').slice(0, 16);
}
