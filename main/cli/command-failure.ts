// What a command that threw says and which exit code it ends with. Loaded only when a command
// failed: the message catalogues it needs are not part of every start (`creditdesk --help`).
import { storageError } from '../db/storage-errors';
import { AppError } from '../../shared/result';
import { EXIT, type CliIo } from './io-basics';
import { errorLines } from './error-lines';

export function commandFailure(io: CliIo, name: string, e: unknown): number {
  if (e instanceof AppError) {
    io.err(errorLines(io, `creditdesk ${name}`, e));
    return e.code === 'VALIDATION' ? EXIT.BAD_INPUT : EXIT.FAILURE;
  }
  io.err(`creditdesk ${name}: ${storageError(e)?.message ?? (e as Error).message ?? String(e)}\n`);
  return EXIT.FAILURE;
}
