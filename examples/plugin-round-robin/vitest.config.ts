import { tesseraProject } from '@tessera/tooling/vitest';

export default tesseraProject('example-plugin-round-robin');
