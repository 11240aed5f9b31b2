// Crafted backups: a well-formed `.cdbak` whose SQLite image was altered before it was packed
// (extra trigger, dropped audit triggers, extra view, broken references, no migrations table,
// a newer schema inside than the manifest states). verify refuses each with a clear message,
// restore refuses too, and the current book stays byte-identical.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../main/db/backup';
import { SCHEMA_VERSION } from '../../main/db/migrations';
import { makeBackupCommands } from '../../main/cli/commands/backup';
import { EXIT, type CliIo } from '../../main/cli/io';
import { HUASHENG, openTestDesk, tempDir, type TestDesk } from '../support/book';
import { expectKeyedChinese } from '../support/backup-zh';

const CHEAP_KDF = { N: 1024, r: 8, p: 1 };
let t: TestDesk;
let work: string;
let n = 0;

beforeAll(async () => {
  t = await openTestDesk();
  t.desk.backup.configure({ kdf: CHEAP_KDF, listDrives: async () => [] });
  await t.ok('customers:create', HUASHENG);
  work = tempDir('cd-crafted-');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A backup of a copy of the test book, altered by `alter` before packing. */
async function crafted(alter: (db: Database.Database) => void, schemaVersion = SCHEMA_VERSION): Promise<string> {
  const copy = path.join(work, `copy-${++n}.sqlite`);
  await t.desk.ctx.book.sqlite.backup(copy);
  const db = new Database(copy);
  db.pragma('journal_mode = DELETE');
  db.pragma('foreign_keys = OFF');
  alter(db);
  db.close();
  const out = path.join(work, `out-${n}`);
  fs.mkdirSync(out);
  const { file } = await createBackup({
    dbPath: copy,
    toDir: out,
    company: '测试商贸有限公司',
    appVersion: '0.1.0',
    schemaVersion,
  });
  return file;
}

/**
 * Schema and every table of the open book but the audit log and the kept customer directory
 * (derived data a writer keeps again when it closes the book, as a restore does first).
 */
function fingerprint(): string {
  const db = t.desk.ctx.book.sqlite;
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()));
  const tables = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT IN ('audit_log', 'sqlite_sequence', 'customer_directory_kept') ORDER BY name",
    )
    .all() as { name: string; sql: string }[];
  // a WITHOUT ROWID table (monthly_sales) has no rowid: it is read in its primary key's order
  const order = (sql: string) => (/WITHOUT ROWID\s*$/i.test(sql) ? '' : ' ORDER BY rowid');
  for (const { name, sql } of tables)
    h.update(JSON.stringify(db.prepare(`SELECT * FROM "${name}"${order(sql)}`).all()));
  return h.digest('hex');
}
const fakeIo = () => {
  const io = {
    stdout: '',
    stderr: '',
    out: (s: string) => void (io.stdout += s),
    err: (s: string) => void (io.stderr += s),
  };
  return io as CliIo & { stdout: string; stderr: string };
};

async function expectRefused(file: string, problem: string, message: RegExp): Promise<void> {
  const insp = await t.ok('backup:inspect', { file });
  expect(insp).toMatchObject({ verified: false, problem });
  expect(insp.message).toMatch(message);
  // #16: the page gets the key, and the Chinese text has no English detail
  expectKeyedChinese({ key: insp.messageKey ?? undefined, message: insp.message ?? '', values: insp.messageValues });

  // the current book keeps its schema and data (only the audit log records the refused restore)
  const before = fingerprint();
  const r = await t.call('backup:restore', { file, confirm: true });
  expect(r.ok).toBe(false);
  expect(r.ok ? '' : r.error.message).toMatch(message);
  expect(fingerprint()).toBe(before);
  expect((await t.ok('customers:list', {})).total).toBe(1);

  const io = fakeIo();
  expect(await makeBackupCommands().verify([file], io)).toBe(EXIT.BAD_INPUT);
  expect(io.stderr).toMatch(message);
}

describe('verify compares the image with what the migrations produce', () => {
  it('an untouched copy verifies (the reference matches a real book)', async () => {
    const file = await crafted(() => undefined);
    expect(await t.ok('backup:inspect', { file })).toMatchObject({ verified: true, problem: null });
  });

  it('an extra trigger multiplying new invoices by 10 is refused', async () => {
    const file = await crafted((db) =>
      db.exec(
        'CREATE TRIGGER evil AFTER INSERT ON invoices BEGIN UPDATE invoices SET amount = amount * 10 WHERE id = NEW.id; END',
      ),
    );
    await expectRefused(file, 'integrity', /unexpected trigger "evil"/);
  });

  it("the audit log's append-only triggers dropped is refused", async () => {
    const file = await crafted((db) => db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;'));
    await expectRefused(file, 'integrity', /trigger "audit_log_no_(delete|update)" is missing/);
  });

  it('an added view is refused', async () => {
    const file = await crafted((db) => db.exec('CREATE VIEW leak AS SELECT name, credit_limit FROM customers'));
    await expectRefused(file, 'integrity', /unexpected view "leak"/);
  });

  it('an extra column is refused', async () => {
    const file = await crafted((db) => db.exec('ALTER TABLE customers ADD COLUMN payload TEXT'));
    await expectRefused(file, 'integrity', /table "customers" was changed/);
  });

  it('a foreign-key violation is refused', async () => {
    const file = await crafted((db) =>
      db.prepare('INSERT INTO contacts (customer_id, name) VALUES (?, ?)').run(999_999, '幽灵'),
    );
    await expectRefused(file, 'integrity', /broken reference.*contacts/);
  });

  it('a missing migrations table is refused', async () => {
    const file = await crafted((db) => db.exec('DROP TABLE kysely_migration'));
    await expectRefused(file, 'integrity', /no migrations table/);
  });

  it('a newer schema inside than the manifest says is refused', async () => {
    const file = await crafted(() => undefined, SCHEMA_VERSION - 1);
    await expectRefused(
      file,
      'newer-schema',
      new RegExp(`schema ${SCHEMA_VERSION}, newer than the ${SCHEMA_VERSION - 1}`),
    );
  });
});
