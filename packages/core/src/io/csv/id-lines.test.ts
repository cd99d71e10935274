import { describe, expect, it } from 'vitest';
import { IdLines } from './id-lines.js';

describe('IdLines', () => {
  it('names the line an imported or rejected id was first seen on', () => {
    const pushed = new Set<string>();
    const ids = new IdLines((id) => pushed.has(id));
    const take = (id: string, line: number): void => {
      pushed.add(id);
      ids.imported(id, line);
    };
    take('A', 2);
    take('B', 3);
    ids.rejected('C', 4);
    ids.rejected('', 5);
    expect(ids.firstLine('A')).toBe(2);
    expect(ids.firstLine('C')).toBe(4);
    expect(ids.firstLine('Z')).toBeUndefined();
    take('D', 6); // after the index was built: it must learn new ids too
    expect(ids.firstLine('D')).toBe(6);
    expect(ids.firstLine('B')).toBe(3);
  });
});
