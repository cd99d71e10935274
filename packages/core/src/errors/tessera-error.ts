/**
 * The one error type Tessera throws on purpose. `code` is stable for programs to branch on;
 * the message is one line a person can act on (what went wrong and where).
 */
export class TesseraError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TesseraError';
    this.code = code;
  }
}
