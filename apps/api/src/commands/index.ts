// `@tessera/api/commands`: the server-side `tessera` commands, loaded by the CLI on demand (the
// CLI has @tessera/api as an optional peer, so it installs without the server).
export { createTokenCommand, createUserCommand, type AdminCommandOptions } from './admin.js';
export { runWorker, type WorkerCommandOptions } from './worker.js';
