/**
 * A copy of plain data whose every ArrayBuffer is duplicated with `slice()` (a memcpy, no
 * serialisation), views rebuilt over the copies, plus the copies to transfer. Views that share
 * a buffer still share one after the copy.
 */
export function copyBuffers<T>(data: T): { copy: T; transferables: ArrayBuffer[] } {
  const copies = new Map<ArrayBuffer, ArrayBuffer>();
  const copyOf = (buffer: ArrayBuffer): ArrayBuffer => {
    let copy = copies.get(buffer);
    if (!copy) {
      copy = buffer.slice(0);
      copies.set(buffer, copy);
    }
    return copy;
  };
  const visit = (value: unknown): unknown => {
    if (ArrayBuffer.isView(value)) {
      if (!(value.buffer instanceof ArrayBuffer)) return value;
      const View = value.constructor as new (
        buffer: ArrayBuffer,
        byteOffset: number,
        length: number,
      ) => ArrayBufferView;
      const length = value instanceof DataView ? value.byteLength : (value as Uint8Array).length;
      return new View(copyOf(value.buffer), value.byteOffset, length);
    }
    if (value instanceof ArrayBuffer) return copyOf(value);
    if (Array.isArray(value)) return value.map(visit);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visit(item)]));
    }
    return value;
  };
  const copy = visit(data) as T;
  return { copy, transferables: [...copies.values()] };
}
