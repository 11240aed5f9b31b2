// The insert triggers a customer import pauses (db/customers/insert-pause.ts): paused while its
// new customers are written, back (the same SQL) after a committed import and after one rolled
// back inside its transaction, and not paused at all when the insert triggers are not exactly
// those it knows (one more, or a known name with other SQL).
import { afterEach, describe, expect, it } from 'vitest';
import { customerBulk, KNOWN_INSERT_TRIGGERS } from '../../main/db/customers/insert-pause';
import {
  bookWithCustomers,
  importCustomerLines,
  newCustomerLines,
  schemaObjects,
  writtenRows,
} from '../support/customers-import';

const DEFAULTS = { ...customerBulk };
afterEach(() => Object.assign(customerBulk, DEFAULTS));

const PAUSED = [
  'customers_rev_insert',
  'customers_credit_facts_insert',
  'credit_limit_decisions_credit_rev_insert',
  'credit_limit_decisions_credit_facts_insert',
];

/** A temp trigger noting, for each customer inserted, how many of PAUSED were in the schema then. */
const PROBE = `CREATE TEMP TABLE probe (id INTEGER, triggers INTEGER);
  CREATE TEMP TRIGGER probe_customers AFTER INSERT ON main.customers BEGIN
    INSERT INTO probe SELECT NEW.id, COUNT(*) FROM main.sqlite_master
     WHERE type = 'trigger' AND name IN (${PAUSED.map((n) => `'${n}'`).join(', ')}); END`;

describe('customer import: the paused insert triggers', () => {
  it('are exactly a fresh book’s insert triggers of customers and decisions, by name and SQL', async () => {
    const t = await bookWithCustomers();
    try {
      const inserts = t.desk.ctx.book.sqlite
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
             AND tbl_name IN ('customers', 'credit_limit_decisions') AND sql LIKE '%INSERT ON%' ORDER BY name`,
        )
        .all() as { name: string; sql: string }[];
      const spaced = (x: { name: string; sql: string }) => ({ name: x.name, sql: x.sql.replace(/\s+/g, ' ').trim() });
      const known = KNOWN_INSERT_TRIGGERS.map((k) => spaced({ name: k.name, sql: k.create }));
      expect(inserts.map(spaced)).toEqual(known.sort((a, b) => a.name.localeCompare(b.name)));
      expect(known.map((k) => k.name).sort()).toEqual([...PAUSED].sort());
    } finally {
      await t.close();
    }
  });

  it('are paused while a large file’s new customers are written, and back after the commit', async () => {
    const t = await bookWithCustomers();
    try {
      const db = t.desk.ctx.book.sqlite;
      const before = schemaObjects(t);
      db.exec(PROBE);
      const r = await importCustomerLines(t, 'big.csv', newCustomerLines(DEFAULTS.pauseFrom));
      expect(r.ok).toBe(true);
      const seen = db.prepare('SELECT triggers, COUNT(*) AS n FROM temp.probe GROUP BY triggers').all();
      expect(seen).toEqual([{ triggers: 0, n: DEFAULTS.pauseFrom }]);
      expect(schemaObjects(t)).toEqual(before);
    } finally {
      await t.close();
    }
  });

  it('keep firing for a small file', async () => {
    const t = await bookWithCustomers();
    try {
      const db = t.desk.ctx.book.sqlite;
      db.exec(PROBE);
      expect((await importCustomerLines(t, 'small.csv', newCustomerLines(3))).ok).toBe(true);
      const seen = db.prepare('SELECT triggers, COUNT(*) AS n FROM temp.probe GROUP BY triggers').all();
      expect(seen).toEqual([{ triggers: PAUSED.length, n: 3 }]);
    } finally {
      await t.close();
    }
  });

  it('are back, and nothing is written, when the import fails inside its transaction', async () => {
    customerBulk.pauseFrom = 1;
    const t = await bookWithCustomers();
    try {
      const db = t.desk.ctx.book.sqlite;
      const before = { schema: schemaObjects(t), rows: writtenRows(t) };
      // a fault after some new customers and decisions are written, with the triggers paused
      db.exec(`CREATE TEMP TRIGGER fail_late BEFORE INSERT ON main.credit_limit_decisions
        WHEN NEW.reason LIKE '% row 150' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
      const r = await importCustomerLines(t, 'fails.csv', newCustomerLines(200));
      expect(r.ok).toBe(false);
      db.exec('DROP TRIGGER temp.fail_late');
      expect(schemaObjects(t)).toEqual(before.schema);
      expect(writtenRows(t)).toEqual(before.rows);
      // and the book takes the same file afterwards, its triggers firing again for a single customer
      expect((await importCustomerLines(t, 'again.csv', newCustomerLines(200))).ok).toBe(true);
      expect(db.prepare(`SELECT COUNT(*) FROM credit_facts`).pluck().get()).toBe(203);
      const rev = () => db.prepare(`SELECT rev FROM revisions WHERE name = 'customers'`).pluck().get() as number;
      const at = rev();
      await t.ok('customers:create', { code: 'Z1', name: '单个客户', kind: 'company', nature: 'ordinary_company' });
      expect(rev()).toBe(at + 1);
    } finally {
      await t.close();
    }
  });

  it('are not paused when another insert trigger is there (its work unknown to the pause)', async () => {
    customerBulk.pauseFrom = 1;
    const t = await bookWithCustomers();
    try {
      const db = t.desk.ctx.book.sqlite;
      db.exec(`CREATE TRIGGER customers_extra_insert AFTER INSERT ON customers
        BEGIN UPDATE revisions SET rev = rev + 2 WHERE name = 'customers'; END`);
      db.exec(PROBE);
      expect((await importCustomerLines(t, 'some.csv', newCustomerLines(20))).ok).toBe(true);
      const seen = db.prepare('SELECT triggers, COUNT(*) AS n FROM temp.probe GROUP BY triggers').all();
      expect(seen).toEqual([{ triggers: PAUSED.length, n: 20 }]);
    } finally {
      await t.close();
    }
  });

  it('are not paused when a known insert trigger has other SQL than its migration gave it', async () => {
    customerBulk.pauseFrom = 1;
    const t = await bookWithCustomers();
    try {
      const db = t.desk.ctx.book.sqlite;
      const rev = () => db.prepare(`SELECT rev FROM revisions WHERE name = 'customers'`).pluck().get() as number;
      db.exec(`DROP TRIGGER customers_rev_insert;
        CREATE TRIGGER customers_rev_insert AFTER INSERT ON customers
        BEGIN UPDATE revisions SET rev = rev + 2 WHERE name = 'customers'; END`);
      const before = { schema: schemaObjects(t), rev: rev() };
      db.exec(PROBE);
      expect((await importCustomerLines(t, 'some.csv', newCustomerLines(20))).ok).toBe(true);
      const seen = db.prepare('SELECT triggers, COUNT(*) AS n FROM temp.probe GROUP BY triggers').all();
      expect(seen).toEqual([{ triggers: PAUSED.length, n: 20 }]);
      expect(rev()).toBe(before.rev + 2 * 20); // its own work, per row
      expect(schemaObjects(t)).toEqual(before.schema);
    } finally {
      await t.close();
    }
  });
});
