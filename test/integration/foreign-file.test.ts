// Opening a SQLite file that is not a CreditDesk book changes nothing: books:open, the CLI's
// --db commands (readers too) and backup --db refuse it with "not a CreditDesk book", and the
// file stays byte-identical with no -wal/-shm/.lock next to it. New books carry the marker;
// older books (migrations table, no marker) are still accepted.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import type { CliIo } from '../../main/cli/io';
import { openBook } from '../../main/db/connection';
import { BOOK_APPLICATION_ID } from '../../main/db/book-file';
import { openTestDesk, tempDir, type TestDesk } from '../support/book';

let dir: string;
let foreign: string;
let t: TestDesk;
const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const io = () => {
  const x = { out: '', err: '' };
  const cli: CliIo = { out: (s) => void (x.out += s), err: (s) => void (x.err += s) };
  return { x, cli };
};

beforeAll(async () => {
  dir = tempDir('cd-foreign-');
  foreign = path.join(dir, 'photos.sqlite');
  const db = new Database(foreign);
  db.exec(
    "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('a.jpg'), ('b.jpg');",
  );
  db.close();
  t = await openTestDesk();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function expectUntouched(before: string): void {
  expect(hash(foreign)).toBe(before);
  expect(fs.readdirSync(dir).sort()).toEqual(['photos.sqlite']);
}

describe('a foreign SQLite file', () => {
  it('books:open refuses it and leaves it byte-identical; the current book stays open', async () => {
    const before = hash(foreign);
    const r = await t.call('books:open', { path: foreign });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/^not a CreditDesk book/) },
    });
    expectUntouched(before);
    expect((await t.ok('app:info', {})).book.path).toBe(t.desk.ctx.book.path);
  });

  it('books:create on it is refused too (only a missing or empty file is initialised)', async () => {
    const before = hash(foreign);
    const r = await t.call('books:create', { path: foreign, company: '新公司' });
    expect(r.ok).toBe(false);
    expectUntouched(before);
  });

  it('every CLI command with --db refuses it, read-only ones too', async () => {
    const before = hash(foreign);
    const side = tempDir('cd-foreign-side-');
    const csv = path.join(side, 'customers.csv');
    fs.writeFileSync(csv, '客户编码,客户名称\nC1,甲\n');
    const runs: string[][] = [
      ['ageing', '--db', foreign, '--as-of', '2026-11-30'],
      [
        'statement',
        '--db',
        foreign,
        '--customer',
        'C1',
        '--from',
        '2026-01-01',
        '--to',
        '2026-11-30',
        '--out',
        path.join(side, 'x.pdf'),
      ],
      ['import', '--db', foreign, 'customers', csv],
      ['init', '--db', foreign],
      ['backup', '--db', foreign, '--to', side],
    ];
    for (const argv of runs) {
      const { x, cli } = io();
      const code = await runCli(argv, cli);
      expect(code, argv.join(' ')).not.toBe(0);
      expect(x.err, argv.join(' ')).toMatch(/这不是 CreditDesk 账套/); // the user's language, zh-CN by default
      expectUntouched(before);
    }
  });

  it('openBook refuses it before writing', async () => {
    const before = hash(foreign);
    await expect(openBook(foreign)).rejects.toThrow(/not a CreditDesk book/);
    expectUntouched(before);
  });
});

describe('the book marker', () => {
  it('a new book carries application_id; an older book with only the migrations table still opens', async () => {
    expect(t.desk.ctx.book.sqlite.pragma('application_id', { simple: true })).toBe(BOOK_APPLICATION_ID);
    const older = path.join(tempDir('cd-older-'), 'older.creditdesk');
    await (await openBook(older, { create: true })).close();
    const raw = new Database(older);
    raw.pragma('application_id = 0');
    raw.close();
    const book = await openBook(older);
    expect(book.sqlite.prepare('SELECT count(*) AS n FROM kysely_migration').get()).toMatchObject({
      n: expect.any(Number),
    });
    await book.close();
    fs.rmSync(path.dirname(older), { recursive: true, force: true });
  });

  it('a book opened read-only is not changed', async () => {
    const file = path.join(tempDir('cd-ro-'), 'ro.creditdesk');
    const b = await openBook(file, { create: true });
    b.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    b.sqlite.pragma('journal_mode = DELETE');
    await b.close();
    const before = hash(file);
    const ro = await openBook(file, { readonly: true });
    expect(() => ro.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('x', 'y')").run()).toThrow(/readonly/);
    await ro.close();
    expect(hash(file)).toBe(before);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
