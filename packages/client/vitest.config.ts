import { tesseraProject } from '@tessera/tooling/vitest';

export default tesseraProject('client');
