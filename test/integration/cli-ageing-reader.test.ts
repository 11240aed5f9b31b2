// `creditdesk ageing` reads a current book through the short path (cli/ageing-reader.ts: a
// read-only connection and the computation, no services): the same bytes as the app's path,
// and an older or newer book still goes the usual way (migrated, or refused with its message).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCliBook } from '../../main/cli/book';
import { openCurrentBookReader } from '../../main/cli/ageing-reader';
import { writeAgeingJson } from '../../main/cli/output/ageing-json';
import { BOOK_APPLICATION_ID } from '../../main/db/book-file';
import { bookSchemaVersion } from '../../main/db/connection';
import { customerDirectory, customerDirectoryOf } from '../../main/db/receivables/directory';
import { MIGRATIONS, SCHEMA_VERSION } from '../../main/db/migrations';
import { ageingColumnsFixed, ageingReportFixed } from '../../main/services/receivables';
import { fenToDecimal } from '../../shared/money';
import { csvTable } from '../../main/lib/csv';
import { tempDir } from '../support/book';
import { runCliCaptured } from '../support/cli-run';

const dir = tempDir();
const book = path.join(dir, 'demo.creditdesk');

const cli = runCliCaptured;

/** What the app's path (services, report job) gives for the same command: the reference. */
async function usualPath(file: string, asOf: string, basis: 'due' | 'issue', format: 'json' | 'csv') {
  const ctx = await openCliBook(file, { write: false });
  try {
    if (format === 'json') {
      const parts: Buffer[] = [];
      writeAgeingJson(await ageingColumnsFixed(ctx, asOf, basis), (b) => parts.push(Buffer.from(b)));
      return Buffer.concat(parts).toString('utf8');
    }
    const rep = await ageingReportFixed(ctx, asOf, basis);
    const keys = rep.buckets.map((b) => b.key);
    const data = rep.rows.map((r) => [
      r.customerCode,
      r.customerName,
      ...keys.map((k) => fenToDecimal(r.buckets[k])),
      fenToDecimal(r.unapplied),
      fenToDecimal(r.total),
      fenToDecimal(r.creditLimit),
    ]);
    data.push([
      'TOTAL',
      '',
      ...keys.map((k) => fenToDecimal(rep.totals.buckets[k])),
      fenToDecimal(rep.totals.unapplied),
      fenToDecimal(rep.totals.total),
      '',
    ]);
    const fields = ['customer_code', 'customer_name', ...keys, 'unapplied', 'total', 'credit_limit'];
    return `${csvTable(fields, data, '\n')}\n`;
  } finally {
    await ctx.book.close();
  }
}

beforeAll(async () => {
  const made = await cli(['demo', '--db', book, '--customers', '60', '--invoices', '900']);
  expect(made.code).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('creditdesk ageing on a current book (the short path)', () => {
  it('opens a current book read-only, and declines a foreign file without touching it', () => {
    const sqlite = openCurrentBookReader(book);
    expect(sqlite).not.toBeNull();
    expect(sqlite!.readonly).toBe(true);
    sqlite!.close();
    const foreign = path.join(dir, 'foreign.db');
    const raw = new Database(foreign);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    const before = fs.readFileSync(foreign);
    expect(openCurrentBookReader(foreign)).toBeNull();
    expect(fs.readFileSync(foreign).equals(before)).toBe(true);
  });

  it('writes the same JSON and CSV bytes as the app path, today and on past dates, both bases', async () => {
    for (const asOf of ['2027-01-15', '2026-11-23', '2026-06-30', '2025-12-31'])
      for (const basis of ['due', 'issue'] as const)
        for (const format of ['json', 'csv'] as const) {
          const got = await cli(['ageing', '--db', book, '--as-of', asOf, '--basis', basis, '--format', format]);
          expect(got.code).toBe(0);
          expect(got.out).toBe(await usualPath(book, asOf, basis, format));
        }
    const json = JSON.parse((await cli(['ageing', '--db', book, '--as-of', '2026-06-30'])).out);
    expect(json.rows.length).toBeGreaterThan(10); // the demo book has open items on that date
  }, 120_000);
});

describe("the directory of only the report's customers", () => {
  it('is the full directory with the others left out, in the same order (codes outside ASCII too)', () => {
    const copy = path.join(dir, 'codes.creditdesk');
    fs.copyFileSync(book, copy);
    const raw = new Database(copy);
    // SQLite orders by UTF-8 bytes (Ａ before 😀), JavaScript by UTF-16 units (😀 before Ａ)
    const ids = raw.prepare('SELECT id FROM customers ORDER BY id LIMIT 3').pluck().all() as number[];
    raw.prepare('UPDATE customers SET code = ? WHERE id = ?').run('\uFF21-1', ids[0]);
    raw.prepare('UPDATE customers SET code = ? WHERE id = ?').run('😀-2', ids[1]);
    const full = customerDirectory(raw);
    const every = raw.prepare('SELECT id FROM customers').pluck().all() as number[];
    const some = new Set([...every.filter((_, i) => i % 3 !== 1), ids[0], ids[1], 999_999]);
    const part = customerDirectoryOf(raw, some);
    raw.close();
    const keep = full.id.map((id, r) => (some.has(id) ? r : -1)).filter((r) => r >= 0);
    expect(part.id).toEqual(keep.map((r) => full.id[r]));
    expect(part.code).toEqual(keep.map((r) => full.code[r]));
    expect(part.name).toEqual(keep.map((r) => full.name[r]));
    expect(part.limit).toEqual(keep.map((r) => full.limit[r]));
    expect(part.code.indexOf('😀-2')).toBeLessThan(part.code.indexOf('\uFF21-1'));
    part.id.forEach((id, r) => expect(part.rankById[id]).toBe(r));
  });
});

describe('creditdesk ageing on a book of another schema version (the usual way)', () => {
  it('an older book is migrated first, as before, and then aged', async () => {
    const old = path.join(dir, 'old.creditdesk');
    const sqlite = new Database(old);
    sqlite.pragma('journal_mode = WAL');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const names = Object.keys(MIGRATIONS);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    expect((await migrator.migrateTo(names[names.length - 2])).error).toBeUndefined();
    sqlite.pragma(`application_id = ${BOOK_APPLICATION_ID}`); // as migrateBook marks a book
    await db.destroy();
    const marked = new Database(old, { readonly: true });
    expect(bookSchemaVersion(marked)).toBe(SCHEMA_VERSION - 1);
    marked.close();
    expect(openCurrentBookReader(old)).toBeNull();
    const got = await cli(['ageing', '--db', old, '--as-of', '2026-06-30']);
    expect(got.err).toBe('');
    expect(got.code).toBe(0);
    expect(JSON.parse(got.out).rows).toEqual([]);
    const after = new Database(old, { readonly: true });
    expect(bookSchemaVersion(after)).toBe(SCHEMA_VERSION);
    after.close();
  });

  it('a book from a newer app is refused with the usual message', async () => {
    const newer = path.join(dir, 'newer.creditdesk');
    fs.copyFileSync(book, newer);
    const raw = new Database(newer);
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('2099-01-01-future', '2099-01-01')").run();
    raw.close();
    expect(openCurrentBookReader(newer)).toBeNull();
    const got = await cli(['ageing', '--db', newer, '--as-of', '2026-06-30', '--lang', 'en']);
    expect(got.code).not.toBe(0);
    expect(got.out).toBe('');
    expect(got.err).toMatch(/newer/i);
  });
});
