import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleSpools } from './receive-multipart.js';

const dir = await mkdtemp(join(tmpdir(), 'tessera-spools-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('removeStaleSpools', () => {
  it('removes the spools of gone processes and keeps live ones and other folders', async () => {
    // pid 2^22 + 1 is above Linux's pid_max default, so no process has it
    const gone = `tessera-upload-${2 ** 22 + 1}-abc`;
    const mine = `tessera-upload-${process.pid}-def`;
    for (const name of [gone, mine, 'tessera-upload-x', 'something-else']) {
      await mkdir(join(dir, name));
    }
    expect(await removeStaleSpools(dir)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(
      [mine, 'something-else', 'tessera-upload-x'].sort(),
    );
  });
});
