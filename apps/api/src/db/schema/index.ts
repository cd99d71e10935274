// The database schema: one module per entity, re-exported for drizzle and drizzle-kit.
export * from './workspaces.js';
export * from './credentials.js';
export * from './datasets.js';
export * from './scenarios.js';
export * from './runs.js';
export * from './sweeps.js';
