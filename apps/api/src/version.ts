import { createRequire } from 'node:module';

// src/ and dist/ both sit one level below package.json.
export const API_VERSION = (
  createRequire(import.meta.url)('../package.json') as { version: string }
).version;
