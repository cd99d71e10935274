export {
  createClient,
  type ClientHelpers,
  type ClientOptions,
  type RouterInputs,
  type RouterOutputs,
  type Run,
  type TesseraClient,
  type TesseraRouter,
} from './create-client.js';
export { TesseraApiError, type ErrorBody } from './api-error.js';
export type { CsvInput, UploadDatasetInput, UploadedDataset } from './upload-dataset.js';
export { RunFailedError, type RunProgress, type WaitForRunOptions } from './wait-for-run.js';
