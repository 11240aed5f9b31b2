// The one CSV reader: UTF-8 (with or without BOM) decoded a chunk at a time and parsed by
// papaparse row by row, so a 60 MB file is never one string nor a million row arrays.
import { Readable } from 'node:stream';
import type PapaModule from 'papaparse';
import { lazyRequire } from '../lib/lazy-require';
import { serverError } from '../../shared/messages/server-messages';
import { AppError, type RowError } from '../../shared/result';
import { byteChunks, type ImportSource } from './source';

/** The bytes as a stream of text. Not UTF-8: a clear error; the BOM is dropped. */
// loaded when a file is first imported, not when the app starts
const Papa = lazyRequire<typeof PapaModule>('papaparse');

function decodedChunks(source: ImportSource): Readable {
  return Readable.from(
    (async function* () {
      const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
      const bad = () => serverError('VALIDATION', 'import_not_utf8', {}, { field: 'file', bare: true });
      for await (const chunk of byteChunks(source)) {
        let text: string;
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          throw bad();
        }
        if (text) yield text;
      }
      let rest: string;
      try {
        rest = decoder.decode();
      } catch {
        throw bad();
      }
      if (rest) yield rest;
    })(),
    { objectMode: true },
  );
}

/**
 * Calls `onCells` for each non-blank line with its number (blank lines are not counted, as a
 * spreadsheet opening the file shows them). An error thrown by `onCells` stops the reading and
 * is what this rejects with; a malformed line rejects naming its row.
 */
export async function readCsvCells(
  source: ImportSource,
  onCells: (line: number, cells: string[]) => void,
): Promise<void> {
  let line = 0;
  let parseError: RowError | null = null;
  await new Promise<void>((resolve, reject) => {
    Papa().parse<string[]>(decodedChunks(source), {
      skipEmptyLines: 'greedy',
      step: (res, parser) => {
        line++;
        if (res.errors.length) {
          parseError = { row: line, field: 'file', message: res.errors[0].message };
          parser.abort();
          return;
        }
        try {
          onCells(line, res.data);
        } catch (e) {
          reject(e); // first: abort() completes the parse, and a settled promise stays rejected
          parser.abort();
        }
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
  if (parseError) {
    const e = parseError as RowError;
    throw new AppError('VALIDATION', `row ${e.row}: ${e.message}`, { field: 'file', rows: [e] });
  }
}
