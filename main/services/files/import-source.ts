// What an import reads: the file's bytes (small files, scripts), or its path on disk (a staged
// file, the command line), which big-file importers read a chunk at a time.
import fs from 'node:fs';

export type ImportSource = Buffer | { path: string };

/** The bytes of a source, for readers that need the whole file (.xlsx, customer files). */
export async function wholeFile(source: ImportSource): Promise<Buffer> {
  return Buffer.isBuffer(source) ? source : fs.promises.readFile(source.path);
}
