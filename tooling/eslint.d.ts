import type { Linter } from 'eslint';
export declare function tesseraEslint(
  layer: 'core' | 'plugins' | 'sample-data' | 'scenarios' | 'app' | 'tooling',
): Linter.Config[];
