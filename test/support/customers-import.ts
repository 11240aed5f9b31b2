// Customer imports in a test book (the bulk-insert tests): a book with customers, a region and
// limits already, a file of new and changed customers, and the rows every table the import
// writes holds afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { stagedFiles } from '../../main/services/files/staged-files';
import { HUASHENG, openTestDesk, type TestDesk } from './book';

export const CUSTOMER_FILE_HEADER =
  'code,name,kind,region,payment_terms_days,credit_limit,nature,lifecycle,prospect_grade,route_seq,confidentiality,address,phone,email';

/** `n` new customers (N0001 …): names with polyphones, some prospects, limits and regions that vary. */
export function newCustomerLines(n: number, from = 1): string[] {
  const names = ['重庆长安贸易有限公司', '华盛行业发展公司', '绿源ABC商行', '乐音乐器店', '一不做商贸'];
  const regions = ['EAST', 'NEW1', 'NEW2', ''];
  const lines: string[] = [];
  for (let i = from; i < from + n; i++) {
    const code = `N${String(i).padStart(4, '0')}`;
    const limit = i % 4 === 0 ? '' : `${(i * 137) % 90000}.${String(i % 100).padStart(2, '0')}`;
    lines.push(
      [
        code,
        `${names[i % names.length]}${i}`,
        i % 7 === 0 ? '个人' : 'company',
        regions[i % regions.length],
        String(i % 90),
        limit,
        i % 7 === 0 ? '' : 'trade_partner',
        i % 3 === 0 ? 'prospect' : i % 3 === 1 ? 'active' : '',
        i % 5 === 0 ? 'B' : '',
        i % 6 === 0 ? '' : String(i % 50),
        i % 11 === 0 ? 'confidential' : 'normal',
        i % 2 ? `浙江省杭州市文三路${i}号` : '',
        i % 3 ? `0571-${String(10000000 + i)}` : '',
        i % 4 ? `c${i}@example.cn` : '',
      ].join(','),
    );
  }
  return lines;
}

/** Imports `lines` (under CUSTOMER_FILE_HEADER) as the window does. */
export async function importCustomerLines(t: TestDesk, name: string, lines: readonly string[]) {
  const f = path.join(t.dir, name);
  fs.writeFileSync(f, [CUSTOMER_FILE_HEADER, ...lines].join('\n') + '\n');
  return t.call('customers:import', { fileToken: stagedFiles.stage(f).token });
}

/** A book with region EAST and customers K1 (limit 500.00), K2 (no limit) and K3 (prospect, limit 80.00). */
export async function bookWithCustomers(): Promise<TestDesk> {
  const t = await openTestDesk();
  await t.ok('regions:upsert', { code: 'EAST', name: '华东', area: null });
  for (const [code, limit] of [
    ['K1', 500_00],
    ['K2', 0],
    ['K3', 80_00],
  ] as const) {
    const c = await t.ok('customers:create', { ...HUASHENG, code, name: `客户${code}`, creditLimit: limit });
    if (code !== 'K3') await t.ok('customers:approve-opening', { id: c.id, approvedBy: '张总' });
  }
  return t;
}

/** Changed rows of K1 (new limit), K2 (a first limit, new region) and K3 (same limit, active now). */
export const CHANGED_LINES = [
  'K1,客户K1改名,company,EAST,45,900.00,ordinary_company,,,,normal,,,',
  'K2,客户K2,company,NEW1,30,120.00,ordinary_company,,,,normal,,,',
  'K3,客户K3,company,,30,80.00,ordinary_company,active,,,normal,,,',
];

export const WRITTEN_TABLES = [
  'customers',
  'credit_facts',
  'revisions',
  'audit_log',
  'credit_limit_decisions',
  'regions',
  'worklist_kept_stale',
];

/** Every row of the tables a customer import writes, in key order. */
export function writtenRows(t: TestDesk): Record<string, unknown[]> {
  const db = t.desk.ctx.book.sqlite;
  return Object.fromEntries(
    WRITTEN_TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1`).raw().all()]),
  );
}

/** The book's triggers and indexes (name and SQL). */
export function schemaObjects(t: TestDesk): unknown[] {
  return t.desk.ctx.book.sqlite
    .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') ORDER BY name`)
    .all();
}
