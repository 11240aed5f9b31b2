// The file of an import channel: a staged file (by token: read from disk a chunk at a time) or
// base64 bytes sent along (small files, scripts).
import type { ImportFileInput } from '../../shared/ipc/files';
import type { ImportSource } from '../import/source';
import { stagedFiles } from '../services/files/staged-files';

export async function withImportFile<T>(
  input: ImportFileInput,
  fn: (fileName: string, source: ImportSource) => Promise<T>,
): Promise<T> {
  if ('fileToken' in input) return stagedFiles.use(input.fileToken, (f) => fn(f.fileName, { path: f.path }));
  return fn(input.fileName, Buffer.from(input.base64, 'base64'));
}
