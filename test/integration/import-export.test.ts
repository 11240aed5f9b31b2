import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HUASHENG, openTestDesk, type TestDesk } from '../support/book';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.close();
});

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const count = (table: string) =>
  (t.desk.ctx.book.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('customer import', () => {
  it('imports a UTF-8 CSV with BOM and Chinese headers, amounts in yuan', async () => {
    const csv =
      '\uFEFF编码,名称,类型,区域,账期天数,信用额度,电话\r\nC000001,华盛贸易有限公司,公司,HD,45,"12,345.67",0571-88881234\r\nC000002,王小明,个人,,,,\r\n';
    const summary = await t.ok('customers:import', { fileName: 'customers.csv', base64: b64(csv) });
    expect(summary).toEqual({ imported: 2, created: 2, updated: 0 });
    const c1 = await t.ok('customers:get', { code: 'C000001' });
    expect(c1).toMatchObject({
      name: '华盛贸易有限公司',
      kind: 'company',
      regionCode: 'HD',
      paymentTermsDays: 45,
      creditLimit: 1_234_567,
      phone: '0571-88881234',
      lifecycle: 'active',
    });
    const c2 = await t.ok('customers:get', { code: 'C000002' });
    expect(c2).toMatchObject({ kind: 'individual', nature: 'individual', paymentTermsDays: 30, creditLimit: 0 });
    expect((await t.ok('customers:list', { filter: { query: 'hsmy' } })).rows.map((r: any) => r.code)).toEqual([
      'C000001',
    ]);
    expect((await t.ok('regions:list', {})).map((r: any) => r.code)).toEqual(['HD']);
    expect((await t.ok('customers:history', { id: c1.id }))[0]).toMatchObject({
      action: 'import-create',
      note: 'customers.csv row 2',
    });
  });

  it('rejects the whole file and lists every bad row and field; nothing changes', async () => {
    await t.ok('customers:create', HUASHENG);
    const before = { c: count('customers'), a: count('audit_log'), r: count('regions') };
    const csv = [
      'code,name,kind,region,payment_terms_days,credit_limit,email',
      'C000001,好客户,company,HD,30,1000.00,ok@example.com', // fine on its own
      'C000002,,company,,30,100,', // name missing
      'C000003,坏额度,company,,30,12.345,', // 3 decimals
      'C000004,坏类型,robot,,30,,', // bad kind
      'C000001,重复,company,,30,,', // duplicate code in file
      'C000005,坏账期,company,,thirty,,bad@', // two problems
    ].join('\n');
    const r = await t.call('customers:import', { fileName: 'bad.csv', base64: b64(csv) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.rows!.map((e) => [e.row, e.field])).toEqual([
      [3, 'name'],
      [4, 'credit_limit'],
      [5, 'kind'],
      [6, 'code'],
      [7, 'payment_terms_days'],
      [7, 'email'],
    ]);
    expect(r.error.rows![1].message).toBe('amount "12.345" has more than 2 decimals');
    expect(r.error.rows![3].message).toBe('duplicate code C000001 (also in row 2)');
    expect({ c: count('customers'), a: count('audit_log'), r: count('regions') }).toEqual(before);
  });

  it('rejects unknown columns and missing required columns', async () => {
    const r1 = await t.call('customers:import', {
      fileName: 'x.csv',
      base64: b64('code,name,kind,shoe_size\nC1,a,company,42\n'),
    });
    expect(r1).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'unknown column(s): shoe_size' } });
    const r2 = await t.call('customers:import', { fileName: 'x.csv', base64: b64('code,name\nC1,a\n') });
    expect(r2).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'x.csv: missing required column(s): kind' },
    });
    expect(count('customers')).toBe(0);
  });

  it('imports the first sheet of an .xlsx file and updates existing codes', async () => {
    await t.ok('customers:create', HUASHENG);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['code', 'name', 'kind', 'credit_limit', 'founded_on']);
    ws.addRow(['C000123', '华盛贸易有限公司', 'company', 80000, new Date(Date.UTC(2010, 4, 6))]);
    ws.addRow(['C000124', '东方红商店', 'company', '1,000.50', '2012-01-31']);
    wb.addWorksheet('ignored').addRow(['nothing']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const summary = await t.ok('customers:import', { fileName: 'c.xlsx', base64: buf.toString('base64') });
    expect(summary).toEqual({ imported: 2, created: 1, updated: 1 });
    expect(await t.ok('customers:get', { code: 'C000123' })).toMatchObject({
      creditLimit: 8_000_000,
      profile: { founded_on: '2010-05-06' },
    });
    expect(await t.ok('customers:get', { code: 'C000124' })).toMatchObject({ creditLimit: 100_050 });
  });
});

describe('customer export', () => {
  beforeEach(async () => {
    await t.ok('customers:create', HUASHENG);
    await t.ok('customers:create', {
      ...HUASHENG,
      code: 'C000999',
      name: '机密客户',
      confidentiality: 'top_secret',
      contacts: [],
    });
  });

  function parseCsv(base64: string) {
    const text = Buffer.from(base64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
  }

  it('masks contact and financial fields of confidential customers by default', async () => {
    const f = await t.ok('customers:export', { format: 'csv' });
    expect(f).toMatchObject({ rows: 2, masked: 1, mime: 'text/csv', fileName: 'customers-20261123.csv' });
    const rows = parseCsv(f.base64);
    expect(rows[0]).toMatchObject({
      code: 'C000123',
      phone: '0571-8888 1234',
      credit_limit: '50000.00',
      registered_capital: '500000.00',
      legal_rep: '王建国',
    });
    expect(rows[1]).toMatchObject({
      code: 'C000999',
      name: '机密客户',
      phone: '***',
      email: '***',
      address: '***',
      credit_limit: '***',
      registered_capital: '***',
      legal_rep: '***',
      industry: '批发零售',
    });
  });

  it('includes confidential data only after confirmation, and writes that to the audit log', async () => {
    const refused = await t.call('customers:export', { format: 'csv', includeSensitive: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    const f = await t.ok('customers:export', {
      format: 'csv',
      includeSensitive: true,
      confirmed: true,
      locale: 'zh-CN',
    });
    expect(f.masked).toBe(0);
    const rows = parseCsv(f.base64);
    expect(rows[1]).toMatchObject({ 编码: 'C000999', 电话: '0571-8888 1234', 信用额度: '50000.00' });
    const audit = await t.ok('audit:list', { entity: 'export' });
    expect(audit.rows[0]).toMatchObject({ action: 'export-sensitive', operatorName: '管理员' });
    expect(audit.rows[0].after).toMatchObject({ rows: 2, sensitiveIncluded: 1 });
  });

  it('exports the filtered list to .xlsx that imports back', async () => {
    const f = await t.ok('customers:export', { format: 'xlsx', filter: { query: 'hsmy' }, locale: 'zh-CN' });
    expect(f.rows).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('编码');
    expect(ws.getRow(2).getCell(2).value).toBe('华盛贸易有限公司');
    const back = await t.call('customers:import', { fileName: 'back.xlsx', base64: f.base64 });
    expect(back.ok ? back : back.error).toMatchObject({ ok: true, data: { imported: 1, updated: 1 } });
  });
});
