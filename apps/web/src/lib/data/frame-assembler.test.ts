import { encodeColumnFrame } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { FrameAssembler } from './frame-assembler.ts';

function frame(): Uint8Array {
  const encoded = encodeColumnFrame({ x: new Float64Array([1, 2, 3]), name: 'north' });
  const out = new Uint8Array(encoded.byteLength);
  let at = 0;
  for (const chunk of encoded.chunks()) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

describe('FrameAssembler', () => {
  it('puts a frame together from chunks of any size, the prefix split included', () => {
    const bytes = frame();
    for (const size of [1, 3, 7, 16, 17, 64, bytes.byteLength]) {
      const assembler = new FrameAssembler('dataset "d"');
      for (let at = 0; at < bytes.byteLength; at += size) {
        assembler.append(bytes.subarray(at, at + size));
        if (assembler.loaded < 16) expect(assembler.total).toBeNull();
        else expect(assembler.total).toBe(bytes.byteLength);
      }
      const whole = assembler.finish();
      expect(whole).toEqual(bytes);
      expect(whole.byteOffset).toBe(0);
      expect(whole.buffer.byteLength).toBe(bytes.byteLength);
    }
  });

  it('says when the download is cut short, runs long or is not a frame', () => {
    const bytes = frame();
    const short = new FrameAssembler('dataset "d"');
    short.append(bytes.subarray(0, 40));
    expect(() => short.finish()).toThrow(
      `dataset "d": the download ended after 40 of ${bytes.byteLength} bytes`,
    );
    expect(() => new FrameAssembler('dataset "d"').finish()).toThrow(
      'dataset "d": the download ended after 0 of at least 16 bytes',
    );
    const long = new FrameAssembler('dataset "d"');
    long.append(bytes);
    expect(() => {
      long.append(new Uint8Array(1));
    }).toThrow(`dataset "d": more bytes arrived than the frame announced (${bytes.byteLength})`);
    const html = new FrameAssembler('dataset "d"');
    expect(() => {
      html.append(new TextEncoder().encode('<!doctype html><html>'));
    }).toThrow('dataset "d": column frame: not a column frame: it starts with 3c 21 64 6f');
  });
});
