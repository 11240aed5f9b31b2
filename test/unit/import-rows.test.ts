// The one import reader (main/import/rows.ts): CSV and the first sheet of an .xlsx give the same
// rows, row numbers and problems, from bytes or from a path, without reading the file whole.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRows, type ImportColumns } from '../../main/import/rows';
import type { ImportSource } from '../../main/import/source';
import { AppError } from '../../shared/result';

const FILE: ImportColumns = {
  columns: ['customer_code', 'issue_date', 'amount', 'note'],
  chinese: { customer_code: '客户编码', issue_date: '开票日期', amount: '金额', note: '说明' },
  aliases: { 编号: 'customer_code' },
  required: ['customer_code', 'amount'],
};

async function read(fileName: string, source: ImportSource, spec = FILE) {
  const rows: { row: number; code: string; date: string; amount: string; note: string }[] = [];
  const summary = await readRows(fileName, source, spec, (row, get) =>
    rows.push({ row, code: get('customer_code'), date: get('issue_date'), amount: get('amount'), note: get('note') }),
  );
  return { ...summary, rows };
}

async function xlsx(lines: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('发票');
  lines.forEach((l, i) => (l.length ? (ws.getRow(i + 1).values = l) : undefined));
  wb.addWorksheet('second').addRow(['customer_code', 'amount']).commit();
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function problem(p: Promise<unknown>): Promise<{ message: string; field?: string; rows?: unknown }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  const a = e as AppError;
  return { message: a.message, field: a.field, rows: a.rows };
}

describe('readRows', () => {
  it('reads a CSV with BOM, Chinese headers and blank lines; rows keep their spreadsheet numbers', async () => {
    const csv = '\uFEFF客户编码,金额,开票日期\r\n C001 ,"1,234.50",2026-01-05\r\n\r\nC002,7,2026-02-01\r\n';
    const r = await read('a.csv', Buffer.from(csv));
    expect(r.present).toEqual(['customer_code', 'issue_date', 'amount']);
    expect(r.rows).toEqual([
      { row: 2, code: 'C001', date: '2026-01-05', amount: '1,234.50', note: '' },
      { row: 3, code: 'C002', date: '2026-02-01', amount: '7', note: '' },
    ]);
  });

  it('reads the first sheet of an .xlsx the same way: date cells as YYYY-MM-DD, numbers as text, blank rows skipped', async () => {
    const buf = await xlsx([
      ['编号', 'amount', 'issue_date', '说明'],
      ['C001', 1234.5, new Date(Date.UTC(2026, 0, 5)), '第一'],
      [],
      ['C002', 7, '2026-02-01', null],
    ]);
    const r = await read('a.xlsx', buf);
    expect(r.present).toEqual(['customer_code', 'issue_date', 'amount', 'note']);
    expect(r.rows).toEqual([
      { row: 2, code: 'C001', date: '2026-01-05', amount: '1234.5', note: '第一' },
      { row: 4, code: 'C002', date: '2026-02-01', amount: '7', note: '' },
    ]);
  });

  it('reads from a path as from bytes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rows-'));
    try {
      const csv = path.join(dir, 'a.csv');
      fs.writeFileSync(csv, 'customer_code,amount\nC1,1\nC2,2\n');
      const book = path.join(dir, 'a.xlsx');
      fs.writeFileSync(
        book,
        await xlsx([
          ['customer_code', 'amount'],
          ['C1', 1],
          ['C2', 2],
        ]),
      );
      const expected = [
        { row: 2, code: 'C1', date: '', amount: '1', note: '' },
        { row: 3, code: 'C2', date: '', amount: '2', note: '' },
      ];
      expect((await read('a.csv', { path: csv })).rows).toEqual(expected);
      expect((await read('a.xlsx', { path: book })).rows).toEqual(expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names unknown and missing columns (row 1) before any row is read', async () => {
    let called = 0;
    const unknown = await problem(
      readRows('a.csv', Buffer.from('客户编码,金额,颜色\nC1,1,red\n'), FILE, () => called++),
    );
    expect(unknown).toMatchObject({ message: 'unknown column(s): 颜色', field: 'header' });
    expect(unknown.rows).toEqual([{ row: 1, field: '颜色', message: 'unknown column' }]);
    const missing = await problem(readRows('b.xlsx', await xlsx([['customer_code'], ['C1']]), FILE, () => called++));
    expect(missing).toMatchObject({ message: 'b.xlsx: missing required column(s): amount', field: 'header' });
    expect(called).toBe(0);
  });

  it('refuses what it cannot read: not UTF-8, not a workbook, an empty file, another file type', async () => {
    expect((await problem(read('a.csv', Buffer.from([0x6b, 0xcd, 0xbb, 0xa7, 0x0a])))).message).toMatch(/not UTF-8/);
    expect((await problem(read('a.xlsx', Buffer.from('not a zip at all')))).message).toMatch(/not a readable \.xlsx/);
    expect((await problem(read('a.csv', Buffer.from('')))).message).toMatch(/file is empty/);
    expect((await problem(read('a.pdf', Buffer.from('x')))).message).toMatch(/a\.pdf: unsupported file type/);
  });

  it('stops at an error thrown by the row rules and rejects with it', async () => {
    const lines = ['customer_code,amount', ...Array.from({ length: 50_000 }, (_, i) => `C${i},1`)].join('\n');
    let seen = 0;
    const stop = new Error('row 3 is bad');
    await expect(
      readRows('a.csv', Buffer.from(lines), FILE, (row) => {
        seen++;
        if (row === 3) throw stop;
      }),
    ).rejects.toBe(stop);
    expect(seen).toBe(2);
  });
});
