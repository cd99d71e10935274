import type { CsvInput } from './import-types.js';
import { lastBytes, locateUtf8Fault } from './utf8-fault.js';

/**
 * Thrown when bytes are not UTF-8; the reader turns it into an issue with a line number, which
 * it counts from the text handed on so far plus `before`.
 */
export class NotUtf8Error extends Error {
  /** The good text between the last piece handed on and the bad byte. */
  readonly before: string;
  /** The first byte of the bad sequence. */
  readonly byte: number;

  constructor(before: string, byte: number) {
    super('the file is not valid UTF-8 text');
    this.name = 'NotUtf8Error';
    this.before = before;
    this.byte = byte;
  }
}

/** Size of the pieces a whole-file string or byte array is cut into. */
const PIECE = 1 << 20;

/**
 * Turns any {@link CsvInput} into a stream of text pieces: bytes go through one streaming UTF-8
 * decoder (so a character split across chunks survives), a leading byte-order mark is dropped,
 * and a whole file given at once is handed on in 1 MB pieces so nothing downstream holds it twice.
 */
export async function* textChunks(input: CsvInput): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  // The last bytes decoded: where a fault starts when the decoder was mid-character.
  let recent: Uint8Array | null = null;
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      const out = decoder.decode(bytes, { stream });
      recent = lastBytes(recent ?? bytes.subarray(0, 0), bytes);
      return out;
    } catch {
      const fault = locateUtf8Fault(recent ?? bytes.subarray(0, 0), bytes, recent === null);
      throw new NotUtf8Error(fault.before, fault.byte);
    }
  };
  // TextDecoder drops the BOM from bytes itself; text handed over as strings may still carry one.
  const text = (piece: string): string => {
    if (first && piece !== '') {
      first = false;
      if (piece.charCodeAt(0) === 0xfeff) return piece.slice(1);
    }
    return piece;
  };

  if (typeof input === 'string') {
    for (let at = 0; at < input.length; at += PIECE) yield text(input.slice(at, at + PIECE));
    return;
  }
  if (input instanceof Uint8Array) {
    for (let at = 0; at < input.length; at += PIECE) {
      yield text(decode(input.subarray(at, at + PIECE), true));
    }
    yield text(decode(new Uint8Array(0), false));
    return;
  }
  const chunks: AsyncIterable<string | Uint8Array> | Iterable<string> = input;
  let sawBytes = false;
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      yield text(chunk);
    } else {
      sawBytes = true;
      yield text(decode(chunk, true));
    }
  }
  if (sawBytes) yield text(decode(new Uint8Array(0), false));
}
