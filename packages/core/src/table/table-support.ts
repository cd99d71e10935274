import { TesseraError } from '../errors/tessera-error.js';
import type { StringColumn } from './string-column.js';

export function buildIdIndex(ids: StringColumn, what: string): Map<string, number> {
  const values = ids.values();
  const index = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    if (index.has(values[i]!)) {
      throw new TesseraError('DUPLICATE_ID', `${what} id "${values[i]!}" appears twice`);
    }
    index.set(values[i]!, i);
  }
  return index;
}

/** Every distinct ArrayBuffer reachable from a value (tables' data, plans, datasets): the transfer list for `postMessage`. */
export function collectBuffers(data: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) visit(item);
    }
  };
  visit(data);
  return [...buffers];
}
