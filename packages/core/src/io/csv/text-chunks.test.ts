import { describe, expect, it } from 'vitest';
import { NotUtf8Error, textChunks } from './text-chunks.js';

async function all(input: Parameters<typeof textChunks>[0]): Promise<string> {
  let out = '';
  for await (const piece of textChunks(input)) out += piece;
  return out;
}

describe('textChunks', () => {
  it('passes strings through and drops a leading BOM', async () => {
    expect(await all('\uFEFFid\n')).toBe('id\n');
    expect(await all(['', '\uFEFFid', '\n\uFEFF'])).toBe('id\n\uFEFF');
  });

  it('decodes a character split across byte chunks', async () => {
    const bytes = new TextEncoder().encode('é北🚀');
    async function* ones(): AsyncGenerator<Uint8Array> {
      for (const b of bytes) {
        await Promise.resolve();
        yield new Uint8Array([b]);
      }
    }
    expect(await all(ones())).toBe('é北🚀');
    expect(await all(bytes)).toBe('é北🚀');
  });

  it('hands a large string on in pieces', async () => {
    const big = 'x'.repeat(3 * (1 << 20) + 5);
    const pieces: string[] = [];
    for await (const piece of textChunks(big)) pieces.push(piece);
    expect(pieces.length).toBe(4);
    expect(pieces.join('')).toBe(big);
  });

  it('rejects bytes that are not UTF-8, including a truncated last character', async () => {
    await expect(all(new Uint8Array([0x61, 0xff]))).rejects.toBeInstanceOf(NotUtf8Error);
    await expect(all(new Uint8Array([0x61, 0xe5, 0x8c]))).rejects.toBeInstanceOf(NotUtf8Error);
  });
});
