/** The error body every REST response carries on failure. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

/**
 * A refused REST call: the server's `code` (`INVALID`, `NOT_FOUND`, …), its message, the HTTP
 * status and the `details` (for a bad CSV, `details.issues` names each file, line and column).
 */
export class TesseraApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'TesseraApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
    this.requestId = body.requestId;
  }

  /** The error a failed response stands for; a body that is not the API's shape still says so. */
  static async from(response: Response): Promise<TesseraApiError> {
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: a proxy's page, say; keep its first words below
    }
    if (isErrorBody(body)) return new TesseraApiError(response.status, body);
    const snippet = text.slice(0, 200).trim();
    return new TesseraApiError(response.status, {
      code: 'HTTP_' + String(response.status),
      message: `${response.status} ${response.statusText}${snippet ? `: ${snippet}` : ''}`,
    });
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    typeof (value as ErrorBody).message === 'string'
  );
}
