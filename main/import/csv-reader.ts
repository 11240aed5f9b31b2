// The one CSV reader: UTF-8 (with or without BOM) decoded a chunk at a time and parsed by
// papaparse row by row, so a 60 MB file is never one string nor a million row arrays. A large
// file on disk is decoded and parsed on a worker thread with the same settings (csv-worker.ts).
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type PapaModule from 'papaparse';
import { lazyRequire } from '../lib/lazy-require';
import { serverError } from '../../shared/messages/server-messages';
import { AppError, type RowError } from '../../shared/result';
import { byteChunks, type ImportSource } from './source';
import { csvWorker, readCsvCellsOnWorker } from './csv-worker';

/** The bytes as a stream of text. Not UTF-8: a clear error; the BOM is dropped. */
// loaded when a file is first imported, not when the app starts
const Papa = lazyRequire<typeof PapaModule>('papaparse');

function decodedChunks(source: ImportSource): Readable {
  return Readable.from(
    (async function* () {
      const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
      for await (const chunk of byteChunks(source)) {
        let text: string;
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          throw notUtf8();
        }
        if (text) yield text;
      }
      let rest: string;
      try {
        rest = decoder.decode();
      } catch {
        throw notUtf8();
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
  if (!Buffer.isBuffer(source) && sizeOf(source.path) >= csvWorker.minBytes) {
    const end = await readCsvCellsOnWorker(source.path, onCells);
    if (end === null) return;
    if (end.kind === 'parse-error') throw malformedLine({ row: end.row, field: 'file', message: end.message });
    if (end.kind === 'not-utf8') throw notUtf8();
    // unavailable: no row was read yet, the file is read here
  }
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
  if (parseError) throw malformedLine(parseError);
}

const notUtf8 = () => serverError('VALIDATION', 'import_not_utf8', {}, { field: 'file', bare: true });

function malformedLine(e: RowError): AppError {
  return new AppError('VALIDATION', `row ${e.row}: ${e.message}`, { field: 'file', rows: [e] });
}

/** The file's size (-1 when it cannot be read: the in-thread reader then reports why). */
function sizeOf(path: string): number {
  try {
    return fs.statSync(path).size;
  } catch {
    return -1;
  }
}
