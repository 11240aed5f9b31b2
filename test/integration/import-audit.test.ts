// Imports say which documents they created: one audit row per import, listing every invoice
// number (invoices) or the range of receipt ids (receipts have no number of their own).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stagedFiles } from '../../main/services/files/staged-files';
import { HUASHENG, openTestDesk, type TestDesk } from '../support/book';

let t: TestDesk;
beforeAll(async () => {
  t = await openTestDesk();
  const c = await t.ok('customers:create', {
    ...HUASHENG,
    code: 'C1',
    name: '客户C1',
    paymentTermsDays: 30,
    contacts: [],
  } as never);
  await t.ok('customers:approve-opening', { id: c.id, approvedBy: '张总' });
});
afterAll(() => t.close());

const importRows = async () => (await t.ok('audit:list', { entity: 'import' })).rows;

describe('import audit rows', () => {
  it('an invoice import lists every number it created', async () => {
    const f = path.join(t.dir, 'inv.csv');
    fs.writeFileSync(
      f,
      'customer_code,number,issue_date,amount\nC1,INV-7,2026-01-10,10.00\nC1,INV-3,2026-01-11,20.00\nC1,INV-9,2026-01-12,30.00\n',
    );
    await t.ok('invoices:import', { fileToken: stagedFiles.stage(f).token });
    const rows = await importRows();
    expect(rows).toHaveLength(1);
    expect(rows[0].after).toMatchObject({ kind: 'invoices', rows: 3, numbers: ['INV-7', 'INV-3', 'INV-9'] });
  });

  it('a receipt import names the receipt ids it created', async () => {
    const f = path.join(t.dir, 'rec.csv');
    fs.writeFileSync(f, 'customer_code,date,amount\nC1,2026-03-01,5.00\nC1,2026-03-02,6.00\n');
    await t.ok('receipts:import', { fileToken: stagedFiles.stage(f).token });
    const ids = (t.desk.ctx.book.sqlite.prepare('SELECT id FROM receipts ORDER BY id').all() as { id: number }[]).map(
      (r) => r.id,
    );
    const rows = await importRows();
    expect(rows[0].after).toMatchObject({ kind: 'receipts', rows: 2, receiptIds: [ids[0], ids[1]] });
  });

  it('stores consecutive numbers as runs and lists them back in full, in file order, where the list was', async () => {
    const numbers = ['INV-0098', 'INV-0099', 'INV-0100', 'INV-0101', 'X-1', 'INV-0102', 'INV-0103'];
    const f = path.join(t.dir, 'inv-runs.csv');
    fs.writeFileSync(
      f,
      'customer_code,number,issue_date,amount\n' + numbers.map((n) => `C1,${n},2026-02-01,1.00\n`).join(''),
    );
    await t.ok('invoices:import', { fileToken: stagedFiles.stage(f).token });
    const stored = t.desk.ctx.book.sqlite
      .prepare("SELECT after FROM audit_log WHERE entity = 'import' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(stored)).toMatchObject({
      numberRuns: [['INV-', '0098', 4], 'X-1', ['INV-', '0102', 2]],
    });
    const [row] = await importRows();
    expect(row.after).toEqual({
      kind: 'invoices',
      rows: 7,
      amount: 700,
      firstNumber: 'INV-0098',
      lastNumber: 'INV-0103',
      numbers,
    });
    // the same fields in the same order as a row that lists every number (the page shows them in order)
    expect(Object.keys(row.after as object)).toEqual([
      'kind',
      'rows',
      'amount',
      'firstNumber',
      'lastNumber',
      'numbers',
    ]);
  });

  it('lists a row written with every number (before runs) as it was', async () => {
    const after = {
      kind: 'invoices',
      rows: 2,
      amount: 300,
      firstNumber: 'F2',
      lastNumber: 'F1',
      numbers: ['F2', 'F1'],
    };
    t.desk.ctx.book.sqlite
      .prepare(
        "INSERT INTO audit_log (at, entity, entity_id, action, after) VALUES ('2026-02-02T00:00:00.000Z', 'import', 'old.csv', 'import', ?)",
      )
      .run(JSON.stringify(after));
    const [row] = await importRows();
    expect(row.after).toEqual(after);
  });
});
