import { tesseraProject } from '@tessera/tooling/vitest';
import { mergeConfig } from 'vitest/config';

// Unit tests beside the code (src/**/*.test.ts); the browser suite is its own project (e2e/).
// The Vite plugin's tests sit beside it in vite/.
export default mergeConfig(tesseraProject('web'), { test: { include: ['vite/**/*.test.ts'] } });
