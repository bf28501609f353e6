// A file's bytes for the command line, refusing what is not a regular file of a sane size before
// reading any of it: a directory, a device (/dev/zero never ends), a named pipe (opening one
// blocks until a writer comes) or a socket. Standard input is read only when the file is `-`.
//
// Rules:
// - The size is checked with stat before reading, and again while reading (a file may grow):
//   more than MAX_FILE_BYTES fails naming the limit. 512 MB (decimal) also keeps the decoded text
//   under V8's longest string (2^29 − 24 characters).
// - The file is opened without blocking and checked again through the open descriptor, so what
//   is read is what was checked.
// - Every failure is an InputError naming the file: one line, no stack trace.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../core/io/table';

export const MAX_FILE_BYTES = 512_000_000;
export const STDIN_NAME = 'stdin';
const LIMIT = `the ${MAX_FILE_BYTES / 1e6} MB limit`;
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

/** The name a file goes by in messages. */
export const fileLabel = (path: string) => (path === '-' ? STDIN_NAME : basename(path));

function refuseUnlessRegular(file: string, stats: Stats): void {
  if (stats.isDirectory()) throw new InputError(file, 'is a directory, not a file');
  if (stats.isFIFO())
    throw new InputError(file, 'is a named pipe (FIFO), not a file; to read a pipe, give - and redirect it');
  if (stats.isCharacterDevice() || stats.isBlockDevice())
    throw new InputError(file, 'is a device, not a file');
  if (stats.isSocket()) throw new InputError(file, 'is a socket, not a file');
  if (!stats.isFile()) throw new InputError(file, 'is not a regular file');
  if (stats.size > MAX_FILE_BYTES)
    throw new InputError(file, `is ${megabytes(stats.size)}, over ${LIMIT} (${MAX_FILE_BYTES} bytes)`);
}

function systemError(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(file, 'no such file');
  if (code === 'EACCES' || code === 'EPERM') return new InputError(file, 'permission denied');
  if (code === 'ENOTDIR') return new InputError(file, 'no such file (a part of the path is not a directory)');
  if (code === 'ELOOP') return new InputError(file, 'too many symbolic links');
  return new InputError(file, `cannot be read (${code ?? (error as Error).message})`);
}

/** Reads a regular file of at most MAX_FILE_BYTES. */
export function readFileBytes(path: string): Uint8Array {
  const file = fileLabel(path);
  let descriptor: number | undefined;
  try {
    refuseUnlessRegular(file, statSync(path));
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
    const stats = fstatSync(descriptor);
    refuseUnlessRegular(file, stats);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (let size = Math.max(stats.size, 65_536); ; size = 1 << 20) {
      const chunk = new Uint8Array(Math.min(size, MAX_FILE_BYTES + 1 - total));
      const read = readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > MAX_FILE_BYTES) throw new InputError(file, `grew over ${LIMIT} while being read`);
    }
    return concat(chunks, total);
  } catch (e) {
    throw e instanceof InputError ? e : systemError(file, e);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** Reads standard input (or any byte stream) up to MAX_FILE_BYTES. */
export async function readStreamBytes(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    chunks.push(bytes);
    total += bytes.length;
    if (total > MAX_FILE_BYTES) throw new InputError(STDIN_NAME, `is over ${LIMIT}`);
  }
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
