import { tesseraEslint } from '@tessera/tooling/eslint';

export default tesseraEslint('app');
