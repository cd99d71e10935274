import { TesseraError } from '@tessera/core';

/**
 * A filter that does not parse or does not type-check. Besides the one-line message it keeps
 * the 1-based column and the bare reason, so a form can underline the spot and a schema can
 * word its own message.
 */
export class FilterSyntaxError extends TesseraError {
  readonly text: string;
  /** 1-based column (UTF-16 units) in `text`; `text.length + 1` means "at the end". */
  readonly position: number;
  readonly reason: string;

  constructor(text: string, position: number, reason: string) {
    super('INVALID_FILTER', `filter "${text}": position ${position}: ${reason}`);
    this.name = 'FilterSyntaxError';
    this.text = text;
    this.position = position;
    this.reason = reason;
  }
}

/** A filter that parses but cannot be applied to these accounts (unknown area or column). */
export function filterMismatch(text: string, reason: string): TesseraError {
  return new TesseraError('INVALID_FILTER', `filter "${text}": ${reason}`);
}

/** `"West"`: a value quoted for a message. */
export function quote(value: string): string {
  return JSON.stringify(value);
}
