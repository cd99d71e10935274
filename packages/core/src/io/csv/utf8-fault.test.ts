import { describe, expect, it } from 'vitest';
import { firstUtf8Fault, lastBytes, locateUtf8Fault, unfinishedTail } from './utf8-fault.js';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('firstUtf8Fault', () => {
  it('finds the first byte of the first bad or unfinished sequence', () => {
    expect(firstUtf8Fault(new TextEncoder().encode('aé北🚀'))).toBe(-1);
    expect(firstUtf8Fault(bytes(0x61, 0xe9, 0x73))).toBe(1); // Latin-1 é before ASCII
    expect(firstUtf8Fault(bytes(0x61, 0xc0, 0x80))).toBe(1); // overlong
    expect(firstUtf8Fault(bytes(0xed, 0xa0, 0x80))).toBe(0); // surrogate
    expect(firstUtf8Fault(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // above U+10FFFF
    expect(firstUtf8Fault(bytes(0x61, 0x62, 0xe5, 0x8c))).toBe(2); // cut short
    expect(firstUtf8Fault(bytes(0x80))).toBe(0); // a lone continuation byte
  });
});

describe('unfinishedTail and lastBytes', () => {
  it('keep the start of a character the next chunk finishes', () => {
    expect([...unfinishedTail(bytes(0x61, 0xe5, 0x8c))]).toEqual([0xe5, 0x8c]);
    expect([...unfinishedTail(bytes(0x61, 0xe5, 0x8c, 0x97))]).toEqual([]);
    expect([...unfinishedTail(bytes(0x61))]).toEqual([]);
    expect([...lastBytes(bytes(0xf0), bytes(0x9f, 0x9a))]).toEqual([0xf0, 0x9f, 0x9a]);
    expect([...lastBytes(bytes(0x61), bytes(1, 2, 3, 4))]).toEqual([2, 3, 4]);
  });
});

describe('locateUtf8Fault', () => {
  it('gives the good text before the fault, finishing a character begun earlier', () => {
    expect(locateUtf8Fault(bytes(0x61, 0xc3), bytes(0xa9, 0x62, 0xff), false)).toEqual({
      before: 'éb',
      byte: 0xff,
    });
    expect(locateUtf8Fault(bytes(), bytes(0xef, 0xbb, 0xbf, 0x61, 0xe9), true)).toEqual({
      before: 'a',
      byte: 0xe9,
    });
  });
});
