/**
 * Where UTF-8 goes wrong in a run of bytes, by the rules TextDecoder applies (WHATWG): the
 * index of the first byte of the first invalid sequence, or of a sequence cut short by the end
 * of the bytes; -1 when every character is whole and valid. Only called once a decoder has
 * failed, so it favours plainness over speed.
 */
export function firstUtf8Fault(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 0 || i + length > n) return i;
    // The second byte's range depends on the lead (no overlong forms, no surrogates, ≤ U+10FFFF).
    const second = bytes[i + 1]!;
    const lo = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const hi = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second < lo || second > hi) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

/** The bytes at the end of `bytes` that begin a character the next chunk has to finish. */
export function unfinishedTail(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const byte = bytes[n - back]!;
    if (byte < 0x80 || byte >= 0xc0) {
      // The nearest lead byte: unfinished when its sequence needs more bytes than are left.
      return sequenceLength(byte) > back ? bytes.subarray(n - back) : bytes.subarray(n);
    }
  }
  return bytes.subarray(n);
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The text before a UTF-8 fault and the byte at fault. */
export interface Utf8Fault {
  /** Whole characters between the last text handed on and the fault. */
  before: string;
  /** The first byte of the bad (or unfinished) sequence. */
  byte: number;
}

/**
 * Pins down a fault a streaming decoder reported while decoding `chunk`. `recent` holds the
 * last few bytes decoded before it (see {@link lastBytes}): the decoder may still have been
 * holding an unfinished character from them. `first` says no byte came before, so a byte-order
 * mark may start `chunk` (the decoder drops it).
 */
export function locateUtf8Fault(recent: Uint8Array, chunk: Uint8Array, first: boolean): Utf8Fault {
  const tail = unfinishedTail(recent);
  const bytes = new Uint8Array(tail.length + chunk.length);
  bytes.set(tail);
  bytes.set(chunk, tail.length);
  let at = firstUtf8Fault(bytes);
  if (at < 0) at = Math.max(0, bytes.length - 1);
  const before = new TextDecoder('utf-8', { ignoreBOM: !first }).decode(bytes.subarray(0, at));
  return { before, byte: bytes[at] ?? 0 };
}

/** The last (up to) 3 bytes of `recent` followed by `chunk`: enough to hold an unfinished character. */
export function lastBytes(recent: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (chunk.length >= 3) return chunk.slice(chunk.length - 3);
  const joined = new Uint8Array(recent.length + chunk.length);
  joined.set(recent);
  joined.set(chunk, recent.length);
  return joined.slice(Math.max(0, joined.length - 3));
}
