import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Bytes per stored chunk of a dataset part. */
export const CHUNK_BYTES = 8 * 1024 * 1024;

/** A part's bytes as numbered chunks, views into the same buffer (nothing is copied). */
export function* partChunks(bytes: Uint8Array): Generator<[number, Uint8Array]> {
  for (let at = 0, chunk = 0; at < bytes.length || chunk === 0; at += CHUNK_BYTES, chunk++) {
    yield [chunk, bytes.subarray(at, at + CHUNK_BYTES)];
  }
}

// Bytes cross to the database as base64 text, decoded by the database itself: PGlite's own
// bytea serialiser turns each byte into a JS string (seconds and hundreds of megabytes for a
// 10 MB value), while base64 both ways costs milliseconds on either driver.

/** A bytea value to insert. */
export function sqlBytes(bytes: Uint8Array): SQL {
  const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return sql`decode(${base64}, 'base64')`;
}

/** A bytea column selected as base64 text: read it back with {@link joinChunks}. */
export function selectBytes(column: AnyPgColumn): SQL<string> {
  return sql<string>`encode(${column}, 'base64')`;
}

/** The chunks of one part, in chunk order, as one buffer. */
export function joinChunks(base64Chunks: readonly string[]): Uint8Array {
  return Buffer.concat(base64Chunks.map((chunk) => Buffer.from(chunk, 'base64')));
}
