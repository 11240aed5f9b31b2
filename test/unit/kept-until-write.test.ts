// Whole-book reads kept until the book changes (main/db/kept-until-write.ts): the analysis panels
// and the loyalty distribution must never show figures from before a write, by this connection
// or by another process on the same book.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { keptUntilWrite } from '../../main/db/kept-until-write';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function book() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kept-'));
  dirs.push(dir);
  const file = path.join(dir, 'b.sqlite');
  const a = new Database(file);
  a.pragma('journal_mode = WAL');
  a.exec('CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (5)');
  return { a, file };
}
const total = (db: Database.Database) => db.prepare('SELECT sum(v) FROM t').pluck().get() as number;

describe('keptUntilWrite', () => {
  it('answers from memory until this connection writes', () => {
    const { a } = book();
    let runs = 0;
    const sum = () => keptUntilWrite(a, 'sum', () => (runs++, total(a)));
    expect(sum()).toBe(5);
    expect(sum()).toBe(5);
    expect(runs).toBe(1);
    a.prepare('INSERT INTO t VALUES (7)').run();
    expect(sum()).toBe(12);
    expect(runs).toBe(2);
    a.close();
  });

  it('computes again after another connection commits', () => {
    const { a, file } = book();
    const sum = () => keptUntilWrite(a, 'sum', () => total(a));
    expect(sum()).toBe(5);
    const b = new Database(file);
    b.prepare('UPDATE t SET v = 40').run();
    b.close();
    expect(sum()).toBe(40);
    a.close();
  });

  it('keeps one value per key and nothing inside a transaction', () => {
    const { a } = book();
    let runs = 0;
    const at = (day: string) => keptUntilWrite(a, `sum|${day}`, () => (runs++, `${day}:${total(a)}`));
    expect(at('2026-11-30')).toBe('2026-11-30:5');
    expect(at('2026-12-01')).toBe('2026-12-01:5');
    expect(at('2026-11-30')).toBe('2026-11-30:5');
    expect(runs).toBe(2);
    a.transaction(() => {
      a.prepare('INSERT INTO t VALUES (1)').run();
      expect(at('2026-11-30')).toBe('2026-11-30:6');
    })();
    expect(at('2026-11-30')).toBe('2026-11-30:6');
    a.close();
  });
});
