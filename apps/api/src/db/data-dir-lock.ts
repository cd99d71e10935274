import { randomUUID } from 'node:crypto';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Another process (or this one, elsewhere) has the PGlite folder open. */
export class DataDirLockedError extends Error {
  readonly dataDir: string;
  readonly holder: LockHolder;

  constructor(dataDir: string, holder: LockHolder) {
    super(
      `the data folder ${dataDir} is in use by process ${holder.pid} on ${holder.host} (since ${holder.since}): PGlite allows one process per folder; stop that process first, or use PostgreSQL (DATABASE_URL) to share the data`,
    );
    this.name = 'DataDirLockedError';
    this.dataDir = dataDir;
    this.holder = holder;
  }
}

interface LockHolder {
  pid: number;
  host: string;
  since: string;
  /** Tells this process's own locks from a dead process's that had the same pid. */
  instance: string;
}

const LOCK_FILE = 'tessera.lock';
// Instances this process holds now: a lock naming this pid but no live instance is stale.
const heldHere = new Set<string>();

/**
 * Takes the folder for this process. PGlite itself does not lock its folder, and two
 * processes writing one folder corrupt it; the lock file names the holder so the refusal can
 * say who. A lock left by a process that has died (kill -9) is taken over.
 * Returns the release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    instance: randomUUID(),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(path, JSON.stringify(me), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = await readHolder(path);
      if (holder && isAlive(holder)) throw new DataDirLockedError(dataDir, holder);
      await unlink(path).catch(() => undefined);
    }
  }
  heldHere.add(me.instance);
  return async () => {
    heldHere.delete(me.instance);
    const holder = await readHolder(path);
    if (holder?.instance === me.instance) await unlink(path).catch(() => undefined);
  };
}

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockHolder;
  } catch {
    // Half-written or unreadable: its writer died mid-write, or it is not ours.
    return null;
  }
}

function isAlive(holder: LockHolder): boolean {
  // Another machine's process cannot be checked: assume it runs, and say which one it is.
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return heldHere.has(holder.instance);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
