// A full disk during a write: the user reads "the disk is full — nothing was saved" (not
// "cannot rollback - no transaction is active"), and indeed nothing was saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISK_FULL_MESSAGE, storageError } from '../../main/db/storage-errors';
import { HUASHENG, openTestDesk, type TestDesk } from '../support/book';

let t: TestDesk;
beforeAll(async () => {
  t = await openTestDesk();
});
afterAll(() => t.close());

describe('disk full', () => {
  it('a write that fills the disk says so and saves nothing', async () => {
    const sqlite = t.desk.ctx.book.sqlite;
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages}`); // the "disk" has no room for one more page
    const count = () => (sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
    const auditRows = () => (sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = [count(), auditRows()];
    let last: any = null;
    for (let i = 0; i < 200 && !last; i++) {
      const r = await t.call('customers:create', {
        ...HUASHENG,
        code: `F${i}`,
        name: `客户${i}`.repeat(20),
        address: '很长的地址'.repeat(40),
      });
      if (!r.ok) last = r;
    }
    expect(last).toMatchObject({ ok: false, error: { message: DISK_FULL_MESSAGE } });
    sqlite.pragma('max_page_count = 1073741823');
    // the failed create left nothing behind: customers and audit rows grew together
    expect(auditRows() - before[1]).toBe(count() - before[0]); // one audit row per saved customer, none for the failed one
    const codes = sqlite.prepare("SELECT code FROM customers WHERE code LIKE 'F%' ORDER BY id").all() as {
      code: string;
    }[];
    const failedCode = codes.length; // creates were sequential: F0..F(n-1) saved, Fn failed
    expect(codes.map((c) => c.code)).toEqual(Array.from({ length: failedCode }, (_, i) => `F${i}`));
    expect((await t.call('customers:create', { ...HUASHENG, code: 'AFTER' })).ok).toBe(true);
  });

  it('maps the follow-up rollback error and SQLITE_FULL alike', () => {
    expect(storageError(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))?.message).toBe(
      DISK_FULL_MESSAGE,
    );
    expect(storageError(new Error('cannot rollback - no transaction is active'))?.message).toBe(DISK_FULL_MESSAGE);
    expect(
      storageError(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }))
        ?.message,
    ).toMatch(/read-only disk/);
    expect(storageError(new Error('something else'))).toBeNull();
  });
});
