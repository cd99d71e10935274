// Lints the root's own scripts; every package lints itself with its layer's rules.
import { tesseraEslint } from '@tessera/tooling/eslint';

export default [
  { ignores: ['packages/**', 'apps/**', 'examples/**', 'tooling/**'] },
  ...tesseraEslint('tooling'),
];
