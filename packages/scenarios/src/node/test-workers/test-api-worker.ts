import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import { nodeEndpoint } from '../node-endpoint.js';
import { registerErrorTransfer } from '../../worker/error-transfer.js';
import { createTestApi } from './test-api.js';

registerErrorTransfer();
expose(
  createTestApi((code) => process.exit(code)),
  nodeEndpoint(parentPort!),
);
