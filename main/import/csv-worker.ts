// A large CSV file is read and parsed on a worker thread: UTF-8 decoding and papaparse were ~2.5 s
// of a 1M-invoice import's main thread, the thread that also runs every SQLite statement of the
// import. The worker parses with csv-reader.ts's settings and posts the rows in batches (each
// batch's cells as one string and their lengths, cheap to copy), at most BATCHES_AHEAD ahead of
// the importer: it waits (Atomics) until the importer has handled the older ones, so the file is
// never in memory whole here either. The importer handles each batch as it arrives, and can stop
// the worker at any row. When no worker runs here (no worker threads, papaparse not found from
// one), the caller reads the file on its own thread, as before: the worker reports that only
// before its first row, so a file is never read twice.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Rows a batch holds, and how many batches the worker may be ahead of the importer. */
const BATCH_ROWS = 4096;
const BATCHES_AHEAD = 4;

/** Files from this size up are parsed on a worker (tests set 0 to use it for any file). */
export const csvWorker = { minBytes: 4 << 20, papaparse: '' };

/** How the worker's reading ended, when it was not with the last row. */
export type CsvWorkerEnd =
  { kind: 'parse-error'; row: number; message: string } | { kind: 'not-utf8' } | { kind: 'unavailable' };

interface Batch {
  first: number;
  counts: Uint32Array;
  lens: Uint32Array;
  text: string;
}

type Reply =
  Batch | { done: true } | { parseError: { row: number; message: string } } | { notUtf8: true } | { fail: string };

// Plain JavaScript (a worker from source, like the backup checks): nothing to bundle or locate.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { Readable } = require('node:stream');
const Papa = require(workerData.papaparse);
const handled = new Int32Array(workerData.handled); // [0] batches the importer handled, [1] 1: stop
const { batchRows, ahead } = workerData;
let sent = 0, line = 0, first = 0, rows = 0, counts = [], lens = [], parts = [];
const stopped = () => Atomics.load(handled, 1) === 1;
function flush() {
  if (rows === 0) return;
  const b = { first, counts: Uint32Array.from(counts), lens: Uint32Array.from(lens), text: parts.join('') };
  parentPort.postMessage(b, [b.counts.buffer, b.lens.buffer]);
  sent++;
  rows = 0; counts = []; lens = []; parts = [];
  for (let seen = Atomics.load(handled, 0); sent - seen >= ahead && !stopped(); seen = Atomics.load(handled, 0))
    Atomics.wait(handled, 0, seen, 1000);
}
async function* decoded() {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const bad = () => Object.assign(new Error('not UTF-8'), { notUtf8: true });
  for await (const chunk of fs.createReadStream(workerData.path, { highWaterMark: 256 << 10 })) {
    let text;
    try { text = decoder.decode(chunk, { stream: true }); } catch { throw bad(); }
    if (text) yield text;
  }
  let rest;
  try { rest = decoder.decode(); } catch { throw bad(); }
  if (rest) yield rest;
}
Papa.parse(Readable.from(decoded(), { objectMode: true }), {
  skipEmptyLines: 'greedy',
  step: (res, parser) => {
    line++;
    if (stopped()) return parser.abort();
    if (res.errors.length) {
      flush();
      parentPort.postMessage({ parseError: { row: line, message: res.errors[0].message } });
      return parser.abort();
    }
    if (rows === 0) first = line;
    const cells = res.data;
    counts.push(cells.length);
    for (let i = 0; i < cells.length; i++) { parts.push(cells[i]); lens.push(cells[i].length); }
    if (++rows >= batchRows) flush();
  },
  complete: () => { if (stopped()) return; flush(); parentPort.postMessage({ done: true }); },
  error: (e) => parentPort.postMessage(e && e.notUtf8 ? { notUtf8: true } : { fail: String((e && e.message) || e) }),
});
`;

function papaparsePath(): string {
  return csvWorker.papaparse || createRequire(import.meta.url).resolve('papaparse');
}

/**
 * Reads the CSV file at `path` on a worker, calling `onCells` for each non-blank line with its
 * number, as readCsvCells does. Resolves with null after the last line, or with how the reading
 * ended otherwise; rejects with what `onCells` threw (no further line is read then).
 */
export function readCsvCellsOnWorker(
  path: string,
  onCells: (line: number, cells: string[]) => void,
): Promise<CsvWorkerEnd | null> {
  return new Promise((resolve, reject) => {
    const handled = new Int32Array(new SharedArrayBuffer(8));
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          path,
          papaparse: papaparsePath(),
          handled: handled.buffer,
          batchRows: BATCH_ROWS,
          ahead: BATCHES_AHEAD,
        },
      });
    } catch {
      resolve({ kind: 'unavailable' });
      return;
    }
    let started = false;
    let settled = false;
    const end = (settle: () => void) => {
      if (settled) return;
      settled = true;
      Atomics.store(handled, 1, 1);
      Atomics.notify(handled, 0);
      void worker.terminate();
      settle();
    };
    const failed = (message: string) =>
      end(() => (started ? reject(new Error(`CSV worker: ${message}`)) : resolve({ kind: 'unavailable' })));
    worker.on('message', (m: Reply) => {
      if (settled) return;
      if ('counts' in m) {
        started = true;
        try {
          deliver(m, onCells);
        } catch (e) {
          end(() => reject(e));
          return;
        }
        Atomics.add(handled, 0, 1);
        Atomics.notify(handled, 0);
      } else if ('done' in m) end(() => resolve(null));
      else if ('parseError' in m) end(() => resolve({ kind: 'parse-error', ...m.parseError }));
      else if ('notUtf8' in m) end(() => resolve({ kind: 'not-utf8' }));
      else failed(m.fail);
    });
    worker.once('error', (e) => failed(e.message));
    worker.once('exit', () => failed('stopped'));
  });
}

/** The rows of a batch to `onCells`, each cell cut from the batch's text by its length. */
function deliver(b: Batch, onCells: (line: number, cells: string[]) => void): void {
  let at = 0;
  let k = 0;
  for (let r = 0; r < b.counts.length; r++) {
    const cells = new Array<string>(b.counts[r]);
    for (let c = 0; c < cells.length; c++) {
      const len = b.lens[k++];
      cells[c] = b.text.slice(at, at + len);
      at += len;
    }
    onCells(b.first + r, cells);
  }
}
