import { COLUMN_FRAME_PREFIX_BYTES, columnFrameLength, TesseraError } from '@tessera/core';

/**
 * Puts a column frame together from the chunks a download delivers: the first 16 bytes give
 * the whole length, so the frame is written into one buffer allocated once, never grown and
 * copied. The result is a fresh, 8-byte-aligned buffer whose columns core reads in place.
 */
export class FrameAssembler {
  readonly #prefix = new Uint8Array(COLUMN_FRAME_PREFIX_BYTES);
  #buffer: Uint8Array<ArrayBuffer> | null = null;
  #loaded = 0;
  readonly #label: string;

  /** `label` names the download in messages, e.g. `dataset "ds_1"`. */
  constructor(label: string) {
    this.#label = label;
  }

  /** Bytes received so far. */
  get loaded(): number {
    return this.#loaded;
  }

  /** The frame's whole length, once its prefix has arrived; null before. */
  get total(): number | null {
    return this.#buffer?.byteLength ?? null;
  }

  append(chunk: Uint8Array): void {
    let rest = chunk;
    if (!this.#buffer) {
      const take = Math.min(COLUMN_FRAME_PREFIX_BYTES - this.#loaded, rest.byteLength);
      this.#prefix.set(rest.subarray(0, take), this.#loaded);
      this.#loaded += take;
      rest = rest.subarray(take);
      if (this.#loaded < COLUMN_FRAME_PREFIX_BYTES) return;
      this.#buffer = new Uint8Array(this.#frameLength());
      this.#buffer.set(this.#prefix);
    }
    if (this.#loaded + rest.byteLength > this.#buffer.byteLength) {
      throw this.#error(`more bytes arrived than the frame announced (${this.#buffer.byteLength})`);
    }
    this.#buffer.set(rest, this.#loaded);
    this.#loaded += rest.byteLength;
  }

  /** The whole frame; throws when the download ended early. */
  finish(): Uint8Array<ArrayBuffer> {
    const total = this.total;
    if (!this.#buffer || this.#loaded !== total) {
      throw this.#error(
        `the download ended after ${this.#loaded} of ${total ?? 'at least 16'} bytes`,
      );
    }
    return this.#buffer;
  }

  #frameLength(): number {
    try {
      return columnFrameLength(this.#prefix);
    } catch (error) {
      throw this.#error((error as Error).message, error);
    }
  }

  #error(reason: string, cause?: unknown): TesseraError {
    return new TesseraError('DATASET_DOWNLOAD', `${this.#label}: ${reason}`, { cause });
  }
}
