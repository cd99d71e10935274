// Programmatic entry to the tessera command line (used by its tests and by scripts).
export { run, EXIT } from './main.js';
export type { CliIO } from './io.js';
