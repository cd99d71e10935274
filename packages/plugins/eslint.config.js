import { tesseraEslint } from '@tessera/tooling/eslint';

export default [
  // The template is a package of its own, with placeholders and its own tsconfig; the
  // `tessera plugins new` test type-checks, builds and tests the package made from it.
  { ignores: ['template/**'] },
  ...tesseraEslint('plugins'),
];
