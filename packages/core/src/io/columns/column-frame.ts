import { TesseraError } from '../../errors/tessera-error.js';

/**
 * A column frame: plain data whose large arrays are typed arrays (a table's `toData()`, a
 * dataset, a plan) as one binary blob, so a browser receives a million rows as a few buffers
 * and reads them in place, without parsing rows.
 *
 * ```
 * offset 0        "TSCF"                  4 ASCII bytes
 * offset 4        version                 u32 little-endian (1)
 * offset 8        H, header length        u32 LE: bytes of the header's UTF-8 JSON
 * offset 12       B, body length          u32 LE
 * offset 16       header JSON             then spaces up to a multiple of 8
 * offset 16+pad(H) bodies                 B bytes: each column at a multiple of 8, zero-padded
 * ```
 *
 * The header is `{ columns: [{ name, type, offset, length }], value }`: `value` is the data
 * with each typed array replaced by `{ "$column": i }`; a column's `offset` counts bytes from
 * the start of the bodies, `length` counts elements, `name` is its path in `value`
 * (`accounts.measures.lat`). Typed arrays are little-endian, as on every platform a browser runs.
 */
export const COLUMN_FRAME_VERSION = 1;

/** The fixed part before the header: magic, version, header length, body length. */
export const COLUMN_FRAME_PREFIX_BYTES = 16;

const MAGIC = [0x54, 0x53, 0x43, 0x46]; // "TSCF"
const ALIGN = 8;
const MAX_U32 = 0xffff_ffff;

const TYPES = {
  float64: Float64Array,
  float32: Float32Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int8: Int8Array,
  uint8: Uint8Array,
} as const;

/** The element types a column may have. */
export type ColumnType = keyof typeof TYPES;

/** One column as the header describes it. */
export interface ColumnEntry {
  /** Its path in the value, e.g. `accounts.measures.lat`. */
  name: string;
  type: ColumnType;
  /** Bytes from the start of the bodies; a multiple of 8. */
  offset: number;
  /** Elements, not bytes. */
  length: number;
}

/** What {@link encodeColumnFrame} gives: the frame's size, and its bytes in order. */
export interface ColumnFrame {
  /** The whole frame, prefix to last padding byte. */
  readonly byteLength: number;
  readonly columns: readonly ColumnEntry[];
  /**
   * The frame's bytes in order: the prefix and header, then each column as a view of its own
   * array (no copy) followed by its padding. Write them to a stream as they come.
   */
  chunks(): Generator<Uint8Array>;
}

type TypedArray = InstanceType<(typeof TYPES)[ColumnType]>;

/**
 * Lays `value` out as a column frame. The typed arrays are not copied: {@link ColumnFrame.chunks}
 * yields views of them, so a million-row table streams without a second copy in memory.
 */
export function encodeColumnFrame(value: unknown): ColumnFrame {
  assertLittleEndian();
  const arrays: TypedArray[] = [];
  const columns: ColumnEntry[] = [];
  let bodyBytes = 0;
  const replace = (item: unknown, path: string): unknown => {
    if (ArrayBuffer.isView(item)) {
      const type = typeOf(item, path);
      const array = item as TypedArray;
      columns.push({ name: path, type, offset: bodyBytes, length: array.length });
      arrays.push(array);
      bodyBytes += padded(array.byteLength);
      return { $column: columns.length - 1 };
    }
    if (Array.isArray(item)) return item.map((x: unknown, i) => replace(x, join(path, String(i))));
    if (item !== null && typeof item === 'object') {
      if (item instanceof ArrayBuffer || !isPlainObject(item)) {
        throw frameError(`${where(path)} is a ${describe(item)}: only plain data and typed arrays`);
      }
      const out: Record<string, unknown> = {};
      for (const [key, x] of Object.entries(item)) {
        if (key === '$column')
          throw frameError(`${where(path)} has a key "$column", which is reserved`);
        if (x !== undefined) out[key] = replace(x, join(path, key));
      }
      return out;
    }
    if (typeof item === 'number' && !Number.isFinite(item)) {
      throw frameError(`${where(path)} is ${item}: JSON has no such number (use a Float64Array)`);
    }
    if (typeof item === 'bigint' || typeof item === 'function' || typeof item === 'symbol') {
      throw frameError(`${where(path)} is a ${typeof item}: only plain data and typed arrays`);
    }
    return item;
  };
  const header = new TextEncoder().encode(JSON.stringify({ columns, value: replace(value, '') }));
  if (header.byteLength > MAX_U32 || bodyBytes > MAX_U32) {
    throw frameError(`the data is too large for one frame (${bodyBytes} bytes of columns)`);
  }
  const headerEnd = COLUMN_FRAME_PREFIX_BYTES + padded(header.byteLength);
  return {
    byteLength: headerEnd + bodyBytes,
    columns,
    *chunks() {
      const head = new Uint8Array(headerEnd).fill(0x20);
      head.set(MAGIC, 0);
      const view = new DataView(head.buffer);
      view.setUint32(4, COLUMN_FRAME_VERSION, true);
      view.setUint32(8, header.byteLength, true);
      view.setUint32(12, bodyBytes, true);
      head.set(header, COLUMN_FRAME_PREFIX_BYTES);
      yield head;
      const zeros = new Uint8Array(ALIGN);
      for (const array of arrays) {
        if (array.byteLength > 0) {
          yield new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
        }
        const pad = padded(array.byteLength) - array.byteLength;
        if (pad > 0) yield zeros.subarray(0, pad);
      }
    },
  };
}

/**
 * The whole frame's length from its first {@link COLUMN_FRAME_PREFIX_BYTES} bytes, so a reader
 * can allocate once and fill the buffer as the bytes arrive.
 */
export function columnFrameLength(prefix: Uint8Array): number {
  const { headerBytes, bodyBytes } = readPrefix(prefix);
  return COLUMN_FRAME_PREFIX_BYTES + padded(headerBytes) + bodyBytes;
}

/**
 * The value a frame holds, its typed arrays as views into `bytes`' buffer (no copy when the
 * frame starts at an 8-byte-aligned offset of it, as a fresh buffer does). Every fault (wrong
 * magic, a column past the end, a header that is not JSON) is a `TesseraError` saying where.
 */
export function decodeColumnFrame(bytes: Uint8Array): unknown {
  assertLittleEndian();
  const { headerBytes, bodyBytes } = readPrefix(bytes);
  const bodyStart = COLUMN_FRAME_PREFIX_BYTES + padded(headerBytes);
  const total = bodyStart + bodyBytes;
  if (bytes.byteLength < total) {
    throw frameError(`the frame is cut short: ${bytes.byteLength} of ${total} bytes`);
  }
  const aligned = bytes.byteOffset % ALIGN === 0 ? bytes : new Uint8Array(bytes.subarray(0, total));
  let header: unknown;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(
        aligned.subarray(COLUMN_FRAME_PREFIX_BYTES, COLUMN_FRAME_PREFIX_BYTES + headerBytes),
      ),
    );
  } catch (error) {
    throw frameError(`the header is not UTF-8 JSON (${(error as Error).message})`, error);
  }
  if (
    header === null ||
    typeof header !== 'object' ||
    !Array.isArray((header as { columns?: unknown }).columns)
  ) {
    throw frameError('the header has no "columns" list');
  }
  const { columns: entries, value } = header as { columns: unknown[]; value: unknown };
  const arrays = entries.map((entry, i) => columnView(entry, i, aligned, bodyStart, bodyBytes));
  const restore = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(restore);
    if (item !== null && typeof item === 'object') {
      const ref = (item as { $column?: unknown }).$column;
      if (ref !== undefined) {
        if (typeof ref !== 'number' || arrays[ref] === undefined) {
          throw frameError(
            `the header refers to column ${JSON.stringify(ref)}, which it does not list`,
          );
        }
        return arrays[ref];
      }
      const out: Record<string, unknown> = {};
      for (const [key, x] of Object.entries(item)) out[key] = restore(x);
      return out;
    }
    return item;
  };
  return restore(value);
}

function columnView(
  entry: unknown,
  index: number,
  bytes: Uint8Array,
  bodyStart: number,
  bodyBytes: number,
): TypedArray {
  const e = (entry ?? {}) as Partial<Record<keyof ColumnEntry, unknown>>;
  const name = typeof e.name === 'string' ? `column "${e.name}"` : `column #${index}`;
  const Type = typeof e.type === 'string' ? TYPES[e.type as ColumnType] : undefined;
  if (!Type || !Object.hasOwn(TYPES, e.type as string)) {
    throw frameError(`${name} has an unknown type ${JSON.stringify(e.type)}`);
  }
  const { offset, length } = e;
  if (!isCount(offset) || !isCount(length) || offset % ALIGN !== 0) {
    throw frameError(`${name} has a bad offset or length (${String(offset)}, ${String(length)})`);
  }
  const end = offset + length * Type.BYTES_PER_ELEMENT;
  if (end > bodyBytes) {
    throw frameError(`${name} runs past the end of the frame (${end} > ${bodyBytes} bytes)`);
  }
  return new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + bodyStart + offset, length);
}

function readPrefix(bytes: Uint8Array): { headerBytes: number; bodyBytes: number } {
  if (bytes.byteLength < COLUMN_FRAME_PREFIX_BYTES) {
    throw frameError(`the frame is cut short: ${bytes.byteLength} bytes, not even its prefix`);
  }
  if (MAGIC.some((b, i) => bytes[i] !== b)) {
    const start = [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    throw frameError(`not a column frame: it starts with ${start}, not "TSCF"`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, COLUMN_FRAME_PREFIX_BYTES);
  const version = view.getUint32(4, true);
  if (version !== COLUMN_FRAME_VERSION) {
    throw frameError(`version ${version} is not one this reader knows (${COLUMN_FRAME_VERSION})`);
  }
  return { headerBytes: view.getUint32(8, true), bodyBytes: view.getUint32(12, true) };
}

function typeOf(view: ArrayBufferView, path: string): ColumnType {
  for (const [type, Type] of Object.entries(TYPES)) {
    if (view.constructor === Type) return type as ColumnType;
  }
  throw frameError(`${where(path)} is a ${describe(view)}, which a column cannot hold`);
}

function padded(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function describe(value: object): string {
  return (value.constructor as { name?: string } | undefined)?.name ?? 'object';
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function where(path: string): string {
  return path === '' ? 'the value' : `"${path}"`;
}

function assertLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw frameError('this platform is big-endian; column frames are little-endian');
  }
}

function frameError(message: string, cause?: unknown): TesseraError {
  return new TesseraError('INVALID_COLUMN_FRAME', `column frame: ${message}`, { cause });
}
