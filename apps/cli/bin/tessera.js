#!/usr/bin/env node
/* global process, URL */
// The `tessera` command. It lives outside dist/ so package managers can link it before the
// first build; until then it says how to build rather than failing with a missing module.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(entry)) {
  const dir = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(
    `tessera: the CLI is not built yet: run \`pnpm build\` (it looked for ${fileURLToPath(entry)} in ${dir})\n`,
  );
  process.exit(1);
}
await import(entry.href);
