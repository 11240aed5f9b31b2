import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { bookSchemaVersion, openBook } from '../../main/db/connection';
import { SCHEMA_VERSION } from '../../main/db/migrations';
import { tempDir } from '../support/book';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('book and migrations', () => {
  it('migrates an empty book to the current schema with every table', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'a.creditdesk');
    const book = await openBook(file, { create: true });
    expect(bookSchemaVersion(book.sqlite)).toBe(SCHEMA_VERSION);
    const tables = book.sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name",
      )
      .all()
      .map((r: any) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining(['audit_log', 'contacts', 'customers', 'operators', 'regions', 'revisions', 'settings']),
    );
    expect(book.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(book.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await book.close();
    // reopening applies nothing new and keeps data
    const again = await openBook(file);
    expect(bookSchemaVersion(again.sqlite)).toBe(SCHEMA_VERSION);
    await again.close();
  });

  it('refuses a missing book unless asked to create it', async () => {
    const dir = tempDir();
    dirs.push(dir);
    await expect(openBook(path.join(dir, 'nope.creditdesk'))).rejects.toThrow(/book not found/);
  });

  it('refuses a book written by a newer CreditDesk and leaves it untouched', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'new.creditdesk');
    (await openBook(file, { create: true })).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('2099-01-01-future', '2099-01-01')").run();
    raw.close();
    const before = fs.readFileSync(file);
    await expect(openBook(file)).rejects.toThrow(/newer CreditDesk/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a SQLite book', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'junk.creditdesk');
    fs.writeFileSync(file, 'this is not a database, just some text that is long enough to look like a header....');
    await expect(openBook(file)).rejects.toThrow(/not a CreditDesk book/);
  });

  it('keeps the audit log append-only at the database level', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const book = await openBook(path.join(dir, 'a.creditdesk'), { create: true });
    book.sqlite.prepare("INSERT INTO audit_log (at, entity, action) VALUES ('2026-01-01T00:00:00Z', 'x', 'y')").run();
    expect(() => book.sqlite.prepare("UPDATE audit_log SET action = 'z'").run()).toThrow(/append-only/);
    expect(() => book.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    await book.close();
  });
});
