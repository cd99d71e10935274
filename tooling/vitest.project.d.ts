import type { UserWorkspaceConfig } from 'vitest/config';
export declare function tesseraProject(name: string): UserWorkspaceConfig;
