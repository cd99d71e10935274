import { tesseraEslint } from '@tessera/tooling/eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['build/**', '.svelte-kit/**', 'e2e/screenshots/**'] },
  ...tesseraEslint('app'),
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The planner is served at the root of its origin (the API serves build/ at `/`), never
      // under a base path, and it links to routes later issues add (/compare, /scenarios/…).
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
      },
    },
  },
];
