// The published JSON Schema (scenario.schema.json) is generated from the zod schema; this test
// fails when the two drift. Regenerate on purpose with REGEN=1 and review the diff.
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from './scenario-schema.js';

const file = new URL('../../scenario.schema.json', import.meta.url);

describe('scenario.schema.json', () => {
  it('matches the zod schema', async () => {
    const generated = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    if (process.env.REGEN === '1') await writeFile(file, generated);
    expect(await readFile(file, 'utf8')).toBe(generated);
  });
});
