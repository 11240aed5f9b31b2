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

describe('audit log viewer', () => {
  it('filters by customer code, operator, kind of change and date, and exports what it shows', async () => {
    const a = await t.ok('customers:create', HUASHENG);
    await t.ok('customers:create', { ...HUASHENG, code: 'C000777', name: '另一家公司', contacts: [] });
    await t.ok('customers:update', { id: a.id, version: a.version, data: { ...HUASHENG, phone: '0571-11112222' } });

    const forA = await t.ok('audit:list', { customerCode: 'C000123' });
    expect(forA.rows.map((r: any) => r.action)).toEqual(['update', 'create']);
    expect((await t.ok('audit:list', { customerCode: 'NOPE' })).total).toBe(0);
    expect((await t.ok('audit:list', { entity: 'customer', operator: '管理员' })).total).toBe(3);
    expect((await t.ok('audit:list', { entity: 'customer', operator: '别人' })).total).toBe(0);
    expect((await t.ok('audit:list', { entity: 'customer', from: '2026-11-23', to: '2026-11-23' })).total).toBe(3);
    expect((await t.ok('audit:list', { entity: 'customer', from: '2026-11-24' })).total).toBe(0);

    const f = await t.ok('audit:export', { customerCode: 'C000123', format: 'csv', locale: 'en' });
    expect(f).toMatchObject({ fileName: 'audit-20261123.csv', rows: 2 });
    const csv = Buffer.from(f.base64, 'base64').toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.operator, r.entity, r.id, r.action])).toEqual([
      ['管理员', 'customer', 'C000123', 'update'],
      ['管理员', 'customer', 'C000123', 'create'],
    ]);
    expect(JSON.parse(rows[0].after)).toEqual({ phone: '0571-11112222' });
    const x = await t.ok('audit:export', { format: 'xlsx' });
    expect(x.fileName).toBe('audit-20261123.xlsx');
  });
});
