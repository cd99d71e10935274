// The revenue simulation off the main thread: 100k accounts × 1,000 draws is a third of a
// second of work (docs/simulation.md), far more than a frame.
import { registerErrorTransfer } from '@tessera/scenarios/worker';
import { expose } from 'comlink';
import { createSimulationApi } from './simulation-api.ts';

registerErrorTransfer();
expose(createSimulationApi());
