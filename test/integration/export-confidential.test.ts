// Confidential and top-secret customers are masked in the ageing and audit exports unless the
// user asks to include them and confirms (as the customer export already did).
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUASHENG, openTestDesk, type TestDesk } from '../support/book';

let t: TestDesk;
const SECRET_ADDRESS = '绝密路88号保险库';
const rowsOf = (base64: string) =>
  Papa.parse<string[]>(
    Buffer.from(base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
  ).data;

beforeAll(async () => {
  t = await openTestDesk();
  const data = {
    ...HUASHENG,
    code: 'S1',
    name: '绝密客户',
    confidentiality: 'top_secret' as const,
    creditLimit: 5_000_000,
  };
  const secret = await t.ok('customers:create', data);
  await t.ok('customers:approve-opening', { id: secret.id, approvedBy: '张总' });
  const cur = await t.ok('customers:get', { id: secret.id });
  await t.ok('customers:update', { id: secret.id, version: cur.version, data: { ...data, address: SECRET_ADDRESS } });
  await t.ok('invoices:create', {
    customerId: secret.id,
    number: 'S-1',
    issueDate: '2026-10-01',
    dueDate: '2026-10-31',
    amount: 120_000,
  });
  const open = await t.ok('customers:create', { ...HUASHENG, code: 'N1', name: '普通客户', creditLimit: 800_000 });
  await t.ok('customers:approve-opening', { id: open.id, approvedBy: '张总' });
  await t.ok('invoices:create', {
    customerId: open.id,
    number: 'N-1',
    issueDate: '2026-10-01',
    dueDate: '2026-10-31',
    amount: 30_000,
  });
});
afterAll(() => t.close());

describe('ageing:export', () => {
  it("masks a top-secret customer's credit limit, keeps its balance; others unmasked", async () => {
    const f = await t.ok('ageing:export', { asOf: '2026-11-30', format: 'csv', locale: 'en' });
    expect(f.masked).toBe(1);
    const rows = rowsOf(f.base64);
    const header = rows[0];
    const s1 = rows.find((r) => r[0] === 'S1')!;
    const n1 = rows.find((r) => r[0] === 'N1')!;
    expect(s1[header.indexOf('credit_limit')]).toBe('***');
    expect(s1[header.indexOf('limit_used_pct')]).toBe('***');
    expect(s1[header.indexOf('total')]).toBe('1200.00');
    expect(n1[header.indexOf('credit_limit')]).toBe('8000.00');
  });

  it('needs confirmation to include them, then shows them', async () => {
    expect(await t.call('ageing:export', { asOf: '2026-11-30', format: 'csv', includeSensitive: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFIRMATION_REQUIRED' },
    });
    const f = await t.ok('ageing:export', {
      asOf: '2026-11-30',
      format: 'csv',
      locale: 'en',
      includeSensitive: true,
      confirmed: true,
    });
    expect(f.masked).toBe(0);
    const rows = rowsOf(f.base64);
    expect(rows.find((r) => r[0] === 'S1')![rows[0].indexOf('credit_limit')]).toBe('50000.00');
  });
});

describe('ageing:export after a confidentiality change', () => {
  it('masks a customer made confidential since the last export, and unmasks it again when made normal', async () => {
    const masked = async () => {
      const f = await t.ok('ageing:export', { asOf: '2026-11-30', format: 'csv', locale: 'en' });
      const rows = rowsOf(f.base64);
      return [f.masked, rows.find((r) => r[0] === 'N1')![rows[0].indexOf('credit_limit')]];
    };
    expect(await masked()).toEqual([1, '8000.00']);
    const n1 = (await t.ok('customers:list', { filter: { query: 'N1' }, limit: 5 })).rows.find(
      (c: { code: string }) => c.code === 'N1',
    );
    const set = async (confidentiality: 'confidential' | 'normal') => {
      const cur = await t.ok('customers:get', { id: n1.id });
      const data = { ...HUASHENG, code: 'N1', name: '普通客户', creditLimit: 800_000, confidentiality };
      await t.ok('customers:update', { id: n1.id, version: cur.version, data });
    };
    await set('confidential');
    expect(await masked()).toEqual([2, '***']);
    await set('normal');
    expect(await masked()).toEqual([1, '8000.00']);
  });
});

describe('audit:export', () => {
  it("masks the before/after states of a top-secret customer's entries", async () => {
    const f = await t.ok('audit:export', { format: 'csv', locale: 'en' });
    const text = Buffer.from(f.base64, 'base64').toString('utf8');
    expect(text).not.toContain(SECRET_ADDRESS);
    expect(text).not.toContain('""creditLimit"":5000000');
    expect(text).toContain('""creditLimit"":800000');
    expect(text).toContain('普通客户'); // other customers' entries are whole
    expect(f.masked).toBeGreaterThanOrEqual(3); // create, approve, update, invoice
  });

  it('needs confirmation to include them', async () => {
    expect(await t.call('audit:export', { format: 'csv', includeSensitive: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFIRMATION_REQUIRED' },
    });
    const f = await t.ok('audit:export', { format: 'csv', locale: 'en', includeSensitive: true, confirmed: true });
    expect(Buffer.from(f.base64, 'base64').toString('utf8')).toContain(SECRET_ADDRESS);
    expect(f.masked).toBe(0);
  });
});
