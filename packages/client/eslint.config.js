import { tesseraEslint } from '@tessera/tooling/eslint';

const noDeepImports = {
  group: ['**/src/*', '@tessera/*/src/*', '@tessera/*/dist/*'],
  message: 'Import a package by its public name, never its internals.',
};
const nodeOnly = {
  group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'stream', 'url', 'util', 'crypto'],
  message: 'The client runs in browsers too: Node modules only under src/node/.',
};
/** The server's package for its types alone: its code would drag the server into bundles. */
const serverTypesOnly = {
  name: '@tessera/api',
  allowTypeImports: true,
  message: 'Only types come from the server package: `import type`.',
};

/** @param {object[]} patterns */
const restrict = (patterns) => ({
  'no-restricted-imports': 'off',
  '@typescript-eslint/no-restricted-imports': ['error', { paths: [serverTypesOnly], patterns }],
});

export default [
  ...tesseraEslint('app'),
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/node/**'],
    rules: restrict([noDeepImports, nodeOnly]),
  },
  { files: ['src/node/**/*.ts'], ignores: ['src/**/*.test.ts'], rules: restrict([noDeepImports]) },
];
