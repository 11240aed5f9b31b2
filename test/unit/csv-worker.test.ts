// A large CSV file is parsed on a worker thread (main/import/csv-worker.ts). Whatever the file,
// the importer must see exactly what the in-thread reader gives: the same lines with the same
// numbers and cells, the same error for a malformed line or bytes that are not UTF-8, and no
// line after the one its row handler refused. Without worker threads (or papaparse) it reads
// the file on its own thread.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readCsvCells } from '../../main/import/csv-reader';
import { csvWorker, readCsvCellsOnWorker } from '../../main/import/csv-worker';
import { AppError } from '../../shared/result';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-csv-worker-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  csvWorker.minBytes = 4 << 20;
  csvWorker.papaparse = '';
});

let n = 0;
function file(content: string | Buffer): string {
  const f = path.join(dir, `f${n++}.csv`);
  fs.writeFileSync(f, content);
  return f;
}

type Line = [number, string[]];

/** What readCsvCells gives for the file, on the worker (minBytes 0) or on this thread. */
async function read(f: string, onWorker: boolean, stopAt = 0): Promise<{ lines: Line[]; error: unknown }> {
  csvWorker.minBytes = onWorker ? 0 : Number.MAX_SAFE_INTEGER;
  const lines: Line[] = [];
  const error = await readCsvCells({ path: f }, (line, cells) => {
    if (line === stopAt) throw new Error(`refused line ${line}`);
    lines.push([line, cells]);
  }).then(
    () => null,
    (e: unknown) => e,
  );
  return { lines, error };
}

const errorShape = (e: unknown) =>
  e instanceof AppError ? { app: true, code: e.code, message: e.message, field: e.field, rows: e.rows } : String(e);

const cell = fc.oneof(
  fc.constantFrom('', ' ', 'C001', '1,234.50', '客户甲', '"quoted"', 'a\nb', 'x\r\ny', '  pad  ', '😀', 'é'),
  fc.string({ maxLength: 6 }),
);
const quoted = (c: string) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c);
const csvText = fc
  .tuple(
    fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 40 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([rows, eol, bom, trailing]) => {
    const body = rows.map((r) => (r.length === 1 && r[0] === '' ? '' : r.map(quoted).join(','))).join(eol);
    return (bom ? '\uFEFF' : '') + body + (trailing ? eol : '');
  });

describe('CSV parsed on a worker', () => {
  it('gives the same lines, numbers and cells as the in-thread reader (property)', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        const f = file(text);
        const here = await read(f, false);
        const there = await read(f, true);
        expect(errorShape(there.error)).toEqual(errorShape(here.error));
        expect(there.lines).toEqual(here.lines);
        // and the worker did read it (not this thread after a worker that could not start)
        expect(await readCsvCellsOnWorker(f, () => {})).not.toEqual({ kind: 'unavailable' });
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('delivers a file of many batches whole and in order', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `C${i},${i}.00,"备注 ${i}"`);
    const f = file(`customer_code,amount,note\n${rows.join('\n')}\n`);
    const { lines, error } = await read(f, true);
    expect(error).toBeNull();
    expect(lines.length).toBe(30_001);
    expect(lines[30_000]).toEqual([30_001, ['C29999', '29999.00', '备注 29999']]);
    expect(lines.every(([line], i) => line === i + 1)).toBe(true);
  });

  it('names the malformed line as the in-thread reader does, after the lines before it', async () => {
    const f = file('a,b\n1,2\n3,"unclosed\n');
    const here = await read(f, false);
    const there = await read(f, true);
    expect(there.lines).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
    expect(errorShape(there.error)).toEqual(errorShape(here.error));
    expect((there.error as AppError).rows).toEqual([{ row: 3, field: 'file', message: expect.any(String) }]);
  });

  it('refuses bytes that are not UTF-8 with the same error', async () => {
    const f = file(Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    const there = await read(f, true);
    expect(there.error).toBeInstanceOf(AppError);
    expect(errorShape(there.error)).toEqual(errorShape((await read(f, false)).error));
  });

  it('stops at the line the row handler refused: its error, no later line', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},x`);
    const f = file(rows.join('\n'));
    const { lines, error } = await read(f, true, 9_000);
    expect(String(error)).toBe('Error: refused line 9000');
    expect(lines.length).toBe(8_999);
    expect(lines.at(-1)![0]).toBe(8_999);
  });

  it('leaves the file to this thread when the worker cannot parse (papaparse not found there)', async () => {
    csvWorker.papaparse = path.join(dir, 'no-such-papaparse.js');
    const f = file('a,b\n1,2\n');
    expect(await readCsvCellsOnWorker(f, () => {})).toEqual({ kind: 'unavailable' });
    const { lines, error } = await read(f, true);
    expect(error).toBeNull();
    expect(lines).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
  });
});
