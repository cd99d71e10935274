import type { UserWorkspaceConfig } from 'vitest/config';
export declare function tesseraProject(name: string): UserWorkspaceConfig;
/** Test files run at once, the same in the root config and every project. */
export declare const TEST_FILES_AT_ONCE: number;
