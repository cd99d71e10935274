import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'stream',
  'url',
  'util',
  'crypto',
];
const apps = [
  '@tessera/cli',
  '@tessera/cli/*',
  '@tessera/api',
  '@tessera/api/*',
  '@tessera/web',
  '@tessera/web/*',
];
const scenarios = ['@tessera/scenarios', '@tessera/scenarios/*'];
const plugins = ['@tessera/plugins', '@tessera/plugins/*'];
const sampleData = ['@tessera/sample-data', '@tessera/sample-data/*'];

/**
 * The dependency direction (apps → scenarios → plugins → core) is enforced by lint rather
 * than remembered: each layer names the workspace packages it must never import, and code
 * under packages/ may not reach for Node-only APIs, because it runs in browser workers too.
 * @type {Record<string, { forbidden: string[], browserSafe: boolean }>}
 */
const layers = {
  core: { forbidden: [...plugins, ...scenarios, ...sampleData, ...apps], browserSafe: true },
  plugins: { forbidden: [...scenarios, ...sampleData, ...apps], browserSafe: true },
  'sample-data': { forbidden: [...plugins, ...scenarios, ...apps], browserSafe: true },
  scenarios: { forbidden: [...apps], browserSafe: true },
  app: { forbidden: [], browserSafe: false },
  tooling: { forbidden: [], browserSafe: false },
};

const noDeepImports = {
  group: ['**/src/*', '@tessera/*/src/*', '@tessera/*/dist/*'],
  message: 'Import a package by its public name, never its internals.',
};

/**
 * @param {keyof typeof layers} layer which layer of the architecture the package belongs to
 */
export function tesseraEslint(layer) {
  const { forbidden, browserSafe } = layers[layer];
  return tseslint.config(
    {
      ignores: [
        '**/dist/**',
        '**/node_modules/**',
        '**/.turbo/**',
        '**/coverage/**',
        '**/.examples/**',
        '**/*.d.ts',
      ],
    },
    js.configs.recommended,
    ...tseslint.configs.strictTypeChecked,
    {
      languageOptions: { parserOptions: { projectService: true } },
      linterOptions: { reportUnusedDisableDirectives: 'error' },
      rules: {
        '@typescript-eslint/restrict-template-expressions': [
          'error',
          { allowNumber: true, allowBoolean: true },
        ],
        '@typescript-eslint/no-non-null-assertion': 'off',
        // `const { omitted, ...rest } = value` is how an object loses a key.
        '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
        '@typescript-eslint/prefer-for-of': 'off',
        '@typescript-eslint/no-unnecessary-condition': [
          'error',
          { allowConstantLoopConditions: true },
        ],
        '@typescript-eslint/consistent-type-imports': 'error',
        'no-restricted-imports': ['error', { patterns: [noDeepImports] }],
      },
    },
    { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
    {
      files: ['src/**/*.ts'],
      // Tests, benchmarks and the explicitly Node-only entry points may use Node.
      ignores: ['src/**/*.test.ts', 'src/**/*.bench.ts', 'src/node/**'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              noDeepImports,
              ...(forbidden.length
                ? [
                    {
                      group: forbidden,
                      message: 'Dependencies point one way: apps → scenarios → plugins → core.',
                    },
                  ]
                : []),
              ...(browserSafe
                ? [
                    {
                      group: nodeBuiltins,
                      message:
                        'Code under packages/ runs in browser workers too: no Node-only APIs.',
                    },
                  ]
                : []),
            ],
          },
        ],
      },
    },
  );
}
