// Import files by token: the desktop app stages the path picked in the native dialog, browser
// mode streams the upload to a temporary file (POST /upload); the import channel reads the
// staged file from disk in chunks and the event loop keeps turning meanwhile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../main/serve/server';
import { stagedFiles } from '../../main/services/files/staged-files';
import { HUASHENG, openTestDesk, tempDir, type TestDesk } from '../support/book';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  stagedFiles.clear();
  await t.close();
});

async function activeCustomer(code: string) {
  const c = await t.ok('customers:create', {
    ...HUASHENG,
    code,
    name: `客户${code}`,
    paymentTermsDays: 30,
    contacts: [],
  } as never);
  await t.ok('customers:approve-opening', { id: c.id, approvedBy: '张总' });
  return c.id as number;
}
const count = (table: string) =>
  (t.desk.ctx.book.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('staged import files (desktop: a path chosen in the open dialog)', () => {
  it('imports invoices and receipts by token, keeps the user file, spends the token', async () => {
    await activeCustomer('C1');
    const inv = path.join(t.dir, '发票.csv');
    fs.writeFileSync(
      inv,
      '\uFEFF客户编码,发票号,开票日期,金额\nC1,INV-1,2026-01-10,1000.00\nC1,INV-2,2026-02-10,500.50\n',
    );
    const rec = path.join(t.dir, 'receipts.csv');
    fs.writeFileSync(rec, 'customer_code,date,amount\nC1,2026-03-01,1200.00\n');

    const a = stagedFiles.stage(inv);
    expect(a).toMatchObject({ fileName: '发票.csv', size: fs.statSync(inv).size });
    expect(await t.ok('invoices:import', { fileToken: a.token })).toMatchObject({ imported: 2, amount: 150050 });
    const b = stagedFiles.stage(rec);
    expect(await t.ok('receipts:import', { fileToken: b.token })).toMatchObject({
      imported: 1,
      amount: 120000,
      applied: 120000,
      allocations: 2,
    });
    const open = t.desk.ctx.book.sqlite
      .prepare('SELECT number, open_amount AS open FROM invoices ORDER BY number')
      .all();
    expect(open).toEqual([
      { number: 'INV-1', open: 0 },
      { number: 'INV-2', open: 30050 },
    ]);
    // the user's own files are never deleted; a token works once
    expect(fs.existsSync(inv) && fs.existsSync(rec)).toBe(true);
    const again = await t.call('invoices:import', { fileToken: a.token });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'fileToken' } });
    expect(stagedFiles.size).toBe(0);
  });

  it('a bad row rolls the whole file back and names the row', async () => {
    await activeCustomer('C1');
    const inv = path.join(t.dir, 'bad.csv');
    fs.writeFileSync(
      inv,
      'customer_code,number,issue_date,amount\nC1,INV-1,2026-01-10,1000.00\nC1,INV-2,2026-02-30,5\nC9,INV-3,2026-02-10,5\n',
    );
    const r = await t.call('invoices:import', { fileToken: stagedFiles.stage(inv).token });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((r as { error: { rows: unknown[] } }).error.rows).toEqual([
      { row: 3, field: 'issue_date', message: '"2026-02-30" is not a date YYYY-MM-DD' },
      { row: 4, field: 'customer_code', message: 'unknown customer C9' },
    ]);
    expect(count('invoices')).toBe(0);
    expect(await t.ok('imports:progress', {})).toBeNull(); // a refused import is not left running
  });

  it('imports customers by token too (the file name the audit note gives is the chosen one)', async () => {
    const file = path.join(t.dir, '客户.csv');
    fs.writeFileSync(file, '\uFEFF编码,名称,类型,账期天数\r\nC000001,华盛贸易有限公司,公司,45\r\n');
    expect(await t.ok('customers:import', { fileToken: stagedFiles.stage(file).token })).toEqual({
      imported: 1,
      created: 1,
      updated: 0,
    });
    const c = await t.ok('customers:get', { code: 'C000001' });
    expect(c).toMatchObject({ name: '华盛贸易有限公司', paymentTermsDays: 45 });
    expect((await t.ok('customers:history', { id: c.id }))[0]).toMatchObject({
      action: 'import-create',
      note: '客户.csv row 2',
    });
    expect(fs.existsSync(file)).toBe(true);
  });

  it('imports invoices and receipts from the first sheet of an .xlsx (date cells, number cells)', async () => {
    await activeCustomer('C1');
    const ExcelJS = (await import('exceljs')).default;
    const book = async (file: string, rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('导入');
      for (const r of rows) ws.addRow(r);
      await wb.xlsx.writeFile(file);
      return file;
    };
    const inv = await book(path.join(t.dir, '发票.xlsx'), [
      ['客户编码', '发票号', '开票日期', '到期日', '金额', '说明'],
      ['C1', 'X-1', new Date(Date.UTC(2026, 0, 10)), '', 1234.5, '货款'],
      ['C1', 'X-2', '2026-02-10', '2026-02-20', '2,000.00', null],
    ]);
    expect(await t.ok('invoices:import', { fileToken: stagedFiles.stage(inv).token })).toMatchObject({
      imported: 2,
      amount: 323_450,
    });
    const rows = t.desk.ctx.book.sqlite
      .prepare('SELECT number, issue_date AS issue, due_date AS due, amount, description FROM invoices ORDER BY number')
      .all();
    expect(rows).toEqual([
      { number: 'X-1', issue: '2026-01-10', due: '2026-02-09', amount: 123_450, description: '货款' },
      { number: 'X-2', issue: '2026-02-10', due: '2026-02-20', amount: 200_000, description: null },
    ]);
    const rec = await book(path.join(t.dir, 'receipts.xlsx'), [
      ['customer_code', 'date', 'amount', 'invoice_number', 'method'],
      ['C1', new Date(Date.UTC(2026, 2, 1)), 500, 'X-2', '现金'],
    ]);
    expect(await t.ok('receipts:import', { fileToken: stagedFiles.stage(rec).token })).toMatchObject({
      imported: 1,
      amount: 50_000,
      applied: 50_000,
    });
    expect(
      t.desk.ctx.book.sqlite.prepare('SELECT date, method, named_invoice_id IS NOT NULL AS named FROM receipts').get(),
    ).toEqual({ date: '2026-03-01', method: 'cash', named: 1 });
    expect(
      t.desk.ctx.book.sqlite.prepare("SELECT open_amount AS open FROM invoices WHERE number = 'X-2'").get(),
    ).toEqual({ open: 150_000 });
  });

  it('a failure while writing (not a bad row) fails the import and writes nothing', async () => {
    await activeCustomer('C1');
    // the book refuses one insert, as a full disk or a damaged page would
    t.desk.ctx.book.sqlite.exec(
      "CREATE TEMP TRIGGER refuse BEFORE INSERT ON invoices WHEN NEW.number = 'BOOM' BEGIN SELECT RAISE(ABORT, 'the disk said no'); END",
    );
    const file = path.join(t.dir, 'boom.csv');
    fs.writeFileSync(
      file,
      'customer_code,number,issue_date,amount\nC1,N-1,2026-01-10,1\nC1,BOOM,2026-01-11,2\nC1,N-3,2026-01-12,3\n',
    );
    const r = await t.call('invoices:import', { fileToken: stagedFiles.stage(file).token });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('the disk said no') },
    });
    expect(count('invoices')).toBe(0);
    expect(await t.ok('imports:progress', {})).toBeNull();
    // unknown columns: a clear answer naming them (raised while reading the header)
    fs.writeFileSync(file, 'customer_code,number,issue_date,amount,shoe_size\nC1,N-1,2026-01-10,1,42\n');
    const u = await t.call('invoices:import', { fileToken: stagedFiles.stage(file).token });
    expect(u).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', rows: [{ row: 1, field: 'shoe_size', message: 'unknown column' }] },
    });
  });

  it('refuses a token main never issued', async () => {
    const r = await t.call('receipts:import', { fileToken: 'x'.repeat(32) });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'fileToken' } });
    const tooShort = await t.call('receipts:import', { fileToken: 'abc' });
    expect(tooShort).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('reads a big file a chunk at a time: the event loop keeps turning during the import', async () => {
    const ids: number[] = [];
    for (let c = 1; c <= 50; c++) ids.push(await activeCustomer(`C${c}`));
    const file = path.join(t.dir, 'many.csv');
    const lines = ['customer_code,number,issue_date,amount'];
    for (let i = 0; i < 40_000; i++)
      lines.push(`C${(i % 50) + 1},N-${String(i).padStart(6, '0')},2026-0${(i % 9) + 1}-15,${(i % 500) + 1}.25`);
    fs.writeFileSync(file, lines.join('\n'));
    expect(fs.statSync(file).size).toBeGreaterThan(1 << 20); // several 256 KB chunks
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const importing = t.ok('invoices:import', { fileToken: stagedFiles.stage(file).token });
    // asked half way through the import: answered after its commit, never with half of it
    // (the book's own connection sees the open transaction's rows: wait until some are written)
    while (count('invoices') === 0) await new Promise((r) => setTimeout(r, 1));
    expect(count('invoices')).toBeLessThan(40_000);
    // the window asks how far it has got: answered at once, while the import holds the book
    const progress = await t.ok('imports:progress', {});
    expect(progress).toMatchObject({ kind: 'invoices', fileName: 'many.csv', phase: 'reading', customersTotal: 0 });
    expect(progress.rows).toBeGreaterThan(0);
    expect(progress.rows).toBeLessThan(40_000);
    const during = await t.ok('invoices:list', { limit: 1 });
    const customersDuring = await t.ok('customers:list', {});
    const summary = await importing;
    clearInterval(timer);
    expect(during.total).toBe(40_000);
    expect(customersDuring.total).toBe(50);
    expect(summary.imported).toBe(40_000);
    expect(await t.ok('imports:progress', {})).toBeNull();
    expect(ticks).toBeGreaterThan(2); // timers ran while the file was being read and written

    const rec = path.join(t.dir, 'many-receipts.csv');
    const rl = ['customer_code,date,amount'];
    for (let i = 0; i < 30_000; i++) rl.push(`C${(i % 50) + 1},2026-10-01,1.25`);
    fs.writeFileSync(rec, rl.join('\n'));
    const receiving = t.ok('receipts:import', { fileToken: stagedFiles.stage(rec).token });
    let seen: any = null; // the last progress seen while applying
    for (let p = await t.ok('imports:progress', {}); p; p = await t.ok('imports:progress', {})) {
      if (p.phase === 'applying') seen = p;
      await new Promise((r) => setTimeout(r, 1));
    }
    const r = await receiving;
    expect(seen).toMatchObject({ kind: 'receipts', rows: 30_000, customersTotal: 50 }); // applying comes after every row is read
    expect(r).toMatchObject({ imported: 30_000, amount: 3_750_000, applied: 3_750_000, unapplied: 0 });
    // oldest due first, per customer: each customer's receipts settle its oldest invoices
    const settled = t.desk.ctx.book.sqlite
      .prepare(
        'SELECT customer_id AS c, count(*) AS n, max(due_date) AS last FROM invoices WHERE settled_on IS NOT NULL GROUP BY customer_id ORDER BY customer_id',
      )
      .all();
    expect(settled.map((s: any) => s.c)).toEqual(ids);
  });
});

describe('browser mode upload (POST /upload streams to a temporary file)', () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    server = await startServer({ handlers: t.handlers, rendererDir: dir, token: 'upload-token-1234' });
  });
  afterEach(async () => {
    await server.close();
  });

  const temps = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('creditdesk-upload-')).length;
  const upload = (name: string, body: string, token = 'upload-token-1234') =>
    fetch(`${server.origin}/upload?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'x-creditdesk-token': token },
      body,
    });
  const ipc = async (channel: string, input: unknown) =>
    (
      await fetch(`${server.origin}/ipc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-creditdesk-token': 'upload-token-1234' },
        body: JSON.stringify(input),
      })
    ).json();

  it('needs the token, stages the upload, imports it and deletes the temporary file', async () => {
    await activeCustomer('C1');
    expect((await upload('x.csv', 'a', 'wrong-token')).status).toBe(401);
    const csv = 'customer_code,number,issue_date,amount\nC1,INV-9,2026-05-01,88.80\n';
    const res = await upload('../../etc/发票.csv', csv);
    expect(res.status).toBe(200);
    const staged = (await res.json()) as { ok: true; data: { token: string; fileName: string; size: number } };
    expect(staged.data).toMatchObject({ fileName: '发票.csv', size: Buffer.byteLength(csv) }); // a name, never a path
    const before = temps();
    expect(await ipc('invoices:import', { fileToken: staged.data.token })).toMatchObject({
      ok: true,
      data: { imported: 1, amount: 8880 },
    });
    expect(temps()).toBe(before - 1);
  });

  it('an upload never imported is deleted when the server closes', async () => {
    const before = temps();
    const res = await upload('left.csv', 'customer_code,number,issue_date,amount\n');
    expect(res.status).toBe(200);
    expect(stagedFiles.size).toBe(1);
    expect(temps()).toBe(before + 1);
    await server.close();
    expect(stagedFiles.size).toBe(0);
    expect(temps()).toBe(before);
    server = await startServer({ handlers: t.handlers, rendererDir: dir, token: 'upload-token-1234' });
  });
});
