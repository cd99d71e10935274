// The dataset decoder worker: assembles a download of binary columns and decodes it into
// core's table data off the main thread (see dataset-decoder-api.ts).
import { registerErrorTransfer } from '@tessera/scenarios/worker';
import { expose } from 'comlink';
import { createDatasetDecoderApi } from './dataset-decoder-api.ts';

registerErrorTransfer();
expose(createDatasetDecoderApi());
