import { describe, expect, it } from 'vitest';
import { AccountTable } from '../../table/account-table.js';
import {
  COLUMN_FRAME_PREFIX_BYTES,
  columnFrameLength,
  decodeColumnFrame,
  encodeColumnFrame,
} from './column-frame.js';

function frameBytes(value: unknown): Uint8Array {
  const frame = encodeColumnFrame(value);
  const out = new Uint8Array(frame.byteLength);
  let at = 0;
  for (const chunk of frame.chunks()) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  expect(at).toBe(frame.byteLength);
  return out;
}

describe('column frames', () => {
  it('round-trips an account table, typed arrays as views of the one buffer', () => {
    const table = AccountTable.fromRows([
      { id: 'a1', name: 'Zoë 東京', lat: 40.5, lon: -73.25, industry: 'retail', locked: true },
      { id: 'a2', workload: 3, skillsRequired: ['lang:es', 'industry:health'] },
      { id: 'a3', region: 'CA', attributes: { tier: 'gold' } },
    ]);
    const bytes = frameBytes(table.toData());
    const data = decodeColumnFrame(bytes) as ReturnType<AccountTable['toData']>;
    expect(data.measures.lat).toBeInstanceOf(Float64Array);
    expect(data.measures.lat.buffer).toBe(bytes.buffer);
    expect(data.id.offsets).toBeInstanceOf(Uint32Array);
    const back = new AccountTable(data);
    expect([...back.rows()]).toEqual([...table.rows()]);
  });

  it('puts every column at a multiple of 8 bytes and names it by its path', () => {
    const frame = encodeColumnFrame({
      flags: new Uint8Array([1, 0, 1]),
      values: new Float64Array([1.5, Number.NaN]),
      nested: [{ codes: new Int32Array([-1, 2]) }],
    });
    expect(frame.columns).toEqual([
      { name: 'flags', type: 'uint8', offset: 0, length: 3 },
      { name: 'values', type: 'float64', offset: 8, length: 2 },
      { name: 'nested.0.codes', type: 'int32', offset: 24, length: 2 },
    ]);
    const bytes = frameBytes({ values: new Float64Array([1.5, Number.NaN]) });
    expect(bytes.byteLength % 8).toBe(0);
    const back = decodeColumnFrame(bytes) as { values: Float64Array };
    expect([...back.values]).toEqual([1.5, Number.NaN]);
  });

  it('gives its whole length from the prefix alone', () => {
    const bytes = frameBytes({ x: new Float64Array(1000), name: 'x' });
    expect(columnFrameLength(bytes.subarray(0, COLUMN_FRAME_PREFIX_BYTES))).toBe(bytes.byteLength);
  });

  it('reads a frame that starts at an odd offset of a buffer by copying it', () => {
    const bytes = frameBytes({ x: new Float64Array([7, 8]) });
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    const back = decodeColumnFrame(shifted.subarray(3)) as { x: Float64Array };
    expect([...back.x]).toEqual([7, 8]);
  });

  it('keeps views into a larger buffer as their own elements only', () => {
    const big = new Float64Array([1, 2, 3, 4, 5]);
    const back = decodeColumnFrame(frameBytes({ part: big.subarray(1, 3) })) as {
      part: Float64Array;
    };
    expect([...back.part]).toEqual([2, 3]);
  });

  it('refuses what it cannot carry, saying where', () => {
    expect(() => encodeColumnFrame({ a: { b: Number.NaN } })).toThrow(
      'column frame: "a.b" is NaN: JSON has no such number (use a Float64Array)',
    );
    expect(() => encodeColumnFrame({ a: new BigInt64Array(1) })).toThrow(
      'column frame: "a" is a BigInt64Array, which a column cannot hold',
    );
    expect(() => encodeColumnFrame({ a: new Map() })).toThrow(
      'column frame: "a" is a Map: only plain data and typed arrays',
    );
    expect(() => encodeColumnFrame({ a: { $column: 1 } })).toThrow('reserved');
  });

  it('refuses a damaged frame with a message saying what is wrong', () => {
    const bytes = frameBytes({ x: new Float64Array([1, 2, 3]) });
    expect(() => decodeColumnFrame(new TextEncoder().encode('{"not":"a frame"}'))).toThrow(
      'column frame: not a column frame: it starts with 7b 22 6e 6f, not "TSCF"',
    );
    expect(() => decodeColumnFrame(bytes.subarray(0, bytes.byteLength - 8))).toThrow(
      /column frame: the frame is cut short: \d+ of \d+ bytes/,
    );
    const wrongVersion = bytes.slice();
    wrongVersion[4] = 9;
    expect(() => decodeColumnFrame(wrongVersion)).toThrow('version 9 is not one this reader knows');
    const header = JSON.stringify({
      columns: [{ name: 'x', type: 'float64', offset: 0, length: 400 }],
      value: { x: { $column: 0 } },
    });
    const lying = frameWithHeader(header, 8);
    expect(() => decodeColumnFrame(lying)).toThrow(
      'column frame: column "x" runs past the end of the frame (3200 > 8 bytes)',
    );
    expect(() => decodeColumnFrame(frameWithHeader('{"columns": [', 0))).toThrow(
      /column frame: the header is not UTF-8 JSON/,
    );
    expect(() =>
      decodeColumnFrame(frameWithHeader('{"columns":[{"name":"x","type":"date"}]}', 0)),
    ).toThrow('column frame: column "x" has an unknown type "date"');
  });
});

/** A frame with a hand-written header and `bodyBytes` zero bytes of bodies. */
function frameWithHeader(header: string, bodyBytes: number): Uint8Array {
  const json = new TextEncoder().encode(header);
  const start = COLUMN_FRAME_PREFIX_BYTES + Math.ceil(json.byteLength / 8) * 8;
  const out = new Uint8Array(start + bodyBytes).fill(0x20, 0, start);
  out.set([0x54, 0x53, 0x43, 0x46]);
  const view = new DataView(out.buffer);
  view.setUint32(4, 1, true);
  view.setUint32(8, json.byteLength, true);
  view.setUint32(12, bodyBytes, true);
  out.set(json, COLUMN_FRAME_PREFIX_BYTES);
  out.fill(0, start);
  return out;
}
