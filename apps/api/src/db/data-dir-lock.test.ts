import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const holder = (pid: number) =>
  JSON.stringify({ pid, host: hostname(), since: '2026-01-01T00:00:00Z', instance: 'other' });

describe('lockDataDir', () => {
  it('refuses a second holder in the same process until the first lets go', async () => {
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    await release();
    const again = await lockDataDir(dir);
    await again();
  });

  it('refuses while another live process holds it, and takes it over once that process is gone', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: 'ignore',
    });
    try {
      await writeFile(join(dir, 'tessera.lock'), holder(child.pid!));
      await expect(lockDataDir(dir)).rejects.toThrow(`in use by process ${child.pid}`);
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    const release = await lockDataDir(dir);
    const written = JSON.parse(await readFile(join(dir, 'tessera.lock'), 'utf8')) as {
      pid: number;
    };
    expect(written.pid).toBe(process.pid);
    await release();
  });
});
