// The package's public surface: the router's type for typed clients (`@tessera/client`), and
// what embedding the server in another Node program needs.
export type { AppRouter } from './routers/app-router.js';
export type { ClientRouter } from './client-router.js';
export { createApp } from './app.js';
export { readConfig, type Config } from './config.js';
export { startServer, type RunningServer } from './start-server.js';
