// What an import reads. Every way a file reaches an importer ends as one of two sources: its
// bytes (small files and scripts send `{fileName, base64}`), or its path on disk — the command
// line's argument, a file staged by the desktop open dialog or a browser-mode upload (both known
// to the renderer only by a token, `services/files/staged-files.ts`, resolved in
// `ipc/import-file.ts`). Readers take either and read it a chunk at a time.
import fs from 'node:fs';
import { Readable } from 'node:stream';

export type ImportSource = Buffer | { path: string };

const CHUNK = 256 << 10;
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The bytes of a source, for the few readers that need the whole file. */
export async function wholeFile(source: ImportSource): Promise<Buffer> {
  return Buffer.isBuffer(source) ? source : fs.promises.readFile(source.path);
}

/** The source a quarter megabyte at a time; the event loop turns between chunks of a buffer too. */
export async function* byteChunks(source: ImportSource): AsyncGenerator<Uint8Array> {
  if (Buffer.isBuffer(source)) {
    for (let at = 0; at < source.length; at += CHUNK) {
      if (at > 0) await turn(); // a long import never holds the event loop for the whole file
      yield source.subarray(at, at + CHUNK);
    }
    return;
  }
  yield* fs.createReadStream(source.path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>;
}

/** The source as a byte stream (the .xlsx reader unzips from it). */
export function byteStream(source: ImportSource): Readable {
  return Buffer.isBuffer(source)
    ? Readable.from(byteChunks(source), { objectMode: false })
    : fs.createReadStream(source.path, { highWaterMark: CHUNK });
}
