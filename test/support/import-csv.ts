// Invoice and receipt CSV imports in a test book, as the window sends them (a staged file).
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { stagedFiles } from '../../main/services/files/staged-files';
import { HUASHENG, openTestDesk, type TestDesk } from './book';

export async function importCsv(t: TestDesk, kind: 'invoices' | 'receipts', name: string, csv: string) {
  const f = path.join(t.dir, name);
  fs.writeFileSync(f, csv);
  return t.call(kind === 'invoices' ? 'invoices:import' : 'receipts:import', { fileToken: stagedFiles.stage(f).token });
}

/** A book with approved customers K1 and K2 and three imported invoices: A-1, A-2 (K1) and B-1 (K2). */
export async function bookWithImportedInvoices(): Promise<TestDesk> {
  const t = await openTestDesk();
  for (const code of ['K1', 'K2']) {
    const c = await t.ok('customers:create', { ...HUASHENG, code, name: `客户${code}`, contacts: [] } as never);
    await t.ok('customers:approve-opening', { id: c.id, approvedBy: '张总' });
  }
  const inv = await importCsv(
    t,
    'invoices',
    'inv.csv',
    'customer_code,number,issue_date,amount\nK1,A-1,2026-01-05,100.00\nK1,A-2,2026-02-05,50.00\nK2,B-1,2026-01-10,80.00\n',
  );
  expect(inv.ok).toBe(true);
  return t;
}

/**
 * Calls `seen(sql, args)` for every Statement#`method` call, on any connection, while `fn` runs
 * (the statement's own method runs as well).
 */
export async function watchStatements<T>(
  db: Database.Database,
  method: 'run' | 'get' | 'all',
  seen: (sql: string, args: unknown[]) => void,
  fn: () => Promise<T>,
): Promise<T> {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<
    'run' | 'get' | 'all',
    (...a: unknown[]) => unknown
  >;
  const original = proto[method];
  proto[method] = function (this: { source: string }, ...a: unknown[]) {
    seen(this.source, a);
    return original.apply(this, a);
  };
  try {
    return await fn();
  } finally {
    proto[method] = original;
  }
}

/** Counts the statements run (Statement#run) on any connection while `fn` runs. */
export async function countRuns(db: Database.Database, fn: () => Promise<unknown>): Promise<number> {
  let n = 0;
  await watchStatements(db, 'run', () => n++, fn);
  return n;
}
