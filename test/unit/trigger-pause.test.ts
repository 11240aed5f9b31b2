// The trigger pause shared by the bulk writers (db/trigger-pause.ts): a drop refused outside a
// transaction, only the triggers named, re-created with the very SQL sqlite_master held, put
// back by a rollback, and nothing dropped when disabled.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { pauseTriggers, recreateTriggers, storedTriggers } from '../../main/db/trigger-pause';

const SCHEMA = `CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER);
  CREATE TABLE u (id INTEGER PRIMARY KEY);
  CREATE TABLE log (what TEXT);
  CREATE TRIGGER t_insert AFTER INSERT ON t
    BEGIN INSERT INTO log VALUES ('t ' || NEW.id); END;
  CREATE TRIGGER "t update" AFTER UPDATE OF v ON t WHEN NEW.v > 0
    BEGIN   INSERT INTO log VALUES ('t upd');   END;
  CREATE TRIGGER u_insert AFTER INSERT ON u BEGIN INSERT INTO log VALUES ('u'); END;`;

let db: Database.Database;
afterEach(() => db?.close());

function book(): Database.Database {
  db = new Database(':memory:');
  db.exec(SCHEMA);
  return db;
}

const triggers = () =>
  db.prepare(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
const names = () => (triggers() as { name: string }[]).map((t) => t.name);

describe('trigger pause', () => {
  it('refuses to drop outside a transaction, enabled or not, and drops nothing then', () => {
    book();
    const before = triggers();
    expect(() => pauseTriggers(db, ['t_insert'])).toThrow(/only inside/);
    expect(() => pauseTriggers(db, ['t_insert'], false)).toThrow(/only inside/);
    expect(triggers()).toEqual(before);
  });

  it('drops only the triggers named (those the book has), and re-creates the identical stored SQL', () => {
    book();
    const before = triggers();
    db.exec('BEGIN');
    const creates = pauseTriggers(db, ['t update', 'u_insert', 'no_such_trigger']);
    expect(creates).toHaveLength(2);
    expect(names()).toEqual(['t_insert']);
    db.prepare('INSERT INTO u (id) VALUES (1)').run(); // u_insert is gone: nothing logged
    db.prepare('INSERT INTO t (id, v) VALUES (1, 0)').run(); // t_insert still fires
    expect(db.prepare('SELECT what FROM log').pluck().all()).toEqual(['t 1']);
    recreateTriggers(db, creates);
    db.exec('COMMIT');
    expect(triggers()).toEqual(before);
    db.prepare('UPDATE t SET v = 1').run();
    expect(db.prepare('SELECT what FROM log').pluck().all()).toEqual(['t 1', 't upd']);
  });

  it('returns the CREATE statements in schema order', () => {
    book();
    db.exec('BEGIN');
    const creates = pauseTriggers(db, ['u_insert', 't_insert']);
    expect(creates.map((c) => /TRIGGER (\w+)/.exec(c)?.[1])).toEqual(['t_insert', 'u_insert']);
    db.exec('ROLLBACK');
  });

  it('leaves the triggers in place when the transaction rolls back before the resume', () => {
    book();
    const before = triggers();
    db.exec('BEGIN');
    pauseTriggers(db, ['t_insert', 't update', 'u_insert']);
    expect(names()).toEqual([]);
    db.exec('ROLLBACK');
    expect(triggers()).toEqual(before);
  });

  it('drops nothing when disabled', () => {
    book();
    const before = triggers();
    db.exec('BEGIN');
    expect(pauseTriggers(db, ['t_insert', 'u_insert'], false)).toEqual([]);
    expect(triggers()).toEqual(before);
    db.exec('COMMIT');
  });

  it('lists the stored triggers by name or by table, in schema order', () => {
    book();
    const sqlOf = (name: string) =>
      db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(name) as string;
    expect(storedTriggers(db, { tables: ['t'] })).toEqual([
      { name: 't_insert', sql: sqlOf('t_insert') },
      { name: 't update', sql: sqlOf('t update') },
    ]);
    expect(storedTriggers(db, { names: ['u_insert', 'nope'] })).toEqual([{ name: 'u_insert', sql: sqlOf('u_insert') }]);
    expect(storedTriggers(db, { tables: [] })).toEqual([]);
  });
});
