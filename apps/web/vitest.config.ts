import { tesseraProject } from '@tessera/tooling/vitest';

// Unit tests beside the code (src/**/*.test.ts); the browser suite is its own project (e2e/).
export default tesseraProject('web');
