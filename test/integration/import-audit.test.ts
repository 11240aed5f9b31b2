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
});
