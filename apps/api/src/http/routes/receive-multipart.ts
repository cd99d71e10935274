import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Busboy } from '@fastify/busboy';
import { ApiError } from '../../errors.js';

/** A file part of a multipart body, written to a temporary file as it arrived. */
export class SpooledFile {
  constructor(
    readonly path: string,
    readonly filename: string,
    /** The media type the client declared for the part ('' when none). */
    readonly type: string,
  ) {}
}

/** A multipart body's parts in the order they came: text fields and spooled files. */
export interface ReceivedForm {
  parts: [name: string, value: string | SpooledFile][];
  /** Removes the spooled files; call it when done with them, whatever happened. */
  dispose(): Promise<void>;
}

export interface ReceiveOptions {
  /** At most this many parts; more is refused (a form has a handful). */
  maxParts: number;
  /** Longest text field, in bytes. */
  maxFieldBytes: number;
}

const SPOOL_PREFIX = 'tessera-upload-';

/**
 * Removes the upload spools of processes that are gone (a server killed mid-upload leaves its
 * files behind); those of live processes, this one's or another server's, are kept. Returns
 * how many were removed.
 */
export async function removeStaleSpools(dir = tmpdir()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [])) {
    const pid = new RegExp(`^${SPOOL_PREFIX}(\\d+)-`).exec(name)?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    await rm(join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Reads a multipart/form-data body as it streams in, writing each file part to a temporary
 * file: memory stays flat however large the files, and the files can then be read in whatever
 * order their use needs, not the order the client sent them in. The size of the whole body is
 * the app's body limit's to bound.
 */
export async function receiveMultipart(
  req: Request,
  options: ReceiveOptions,
): Promise<ReceivedForm> {
  const contentType = req.headers.get('content-type') ?? '';
  if (!req.body) throw malformed('the body is empty');
  // The pid in the name lets a later start tell the spools of a killed process from live ones.
  const dir = await mkdtemp(join(tmpdir(), `${SPOOL_PREFIX}${process.pid}-`));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const parts: ReceivedForm['parts'] = [];
  const writes: Promise<void>[] = [];
  try {
    let busboy: ReturnType<typeof Busboy>;
    try {
      busboy = Busboy({
        headers: { 'content-type': contentType },
        limits: { parts: options.maxParts, fieldSize: options.maxFieldBytes },
      });
    } catch {
      // Busboy throws on a missing or malformed boundary.
      throw malformed('its content type has no boundary');
    }
    // Set from busboy's events; the first one found is the one told.
    const refusals: ApiError[] = [];
    busboy.on('file', (name, stream, filename, _encoding, mimeType) => {
      const file = new SpooledFile(join(dir, String(parts.length)), filename, mimeType);
      parts.push([name, file]);
      writes.push(pipeline(stream, createWriteStream(file.path)));
    });
    busboy.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) {
        refusals.push(invalidPart(name, `is longer than ${options.maxFieldBytes} bytes`));
      }
      parts.push([name, value]);
    });
    busboy.on('partsLimit', () => {
      refusals.push(malformed(`it has more than ${options.maxParts} parts`));
    });
    const body = Readable.fromWeb(req.body as NodeReadableStream<Uint8Array>);
    try {
      await pipeline(body, busboy);
      await Promise.all(writes);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw malformed(error instanceof Error ? error.message : String(error));
    }
    if (refusals[0]) throw refusals[0];
    return { parts, dispose };
  } catch (error) {
    await Promise.allSettled(writes);
    await dispose();
    throw error;
  }
}

function malformed(why: string): ApiError {
  return invalidPart('', `the body is not well-formed multipart/form-data: ${why}`);
}

/** The shape every bad input has over REST: `invalid input: <part>: <why>`. */
export function invalidPart(part: string, message: string): ApiError {
  return invalidParts([{ path: part ? [part] : [], message }]);
}

export function invalidParts(issues: { path: string[]; message: string }[]): ApiError {
  const text = issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
  return new ApiError('INVALID', `invalid input: ${text}`, { issues });
}
