// The book check reads the marker from the SQLite header (no second connection parsing the whole
// schema on every open); everything the header cannot vouch for still takes the full check.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBook } from '../../main/db/connection';
import { inspectBookFile } from '../../main/db/book-file';
import { tempDir } from '../support/book';

let dir: string;
let book: string;
beforeAll(async () => {
  dir = tempDir('cd-header-');
  book = path.join(dir, 'a.creditdesk');
  await (await openBook(book, { create: true })).close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('inspectBookFile', () => {
  it('a closed book is a book by its header alone; the header without the rest fails on opening', async () => {
    expect(inspectBookFile(book)).toBe('book');
    const headerOnly = path.join(dir, 'header-only.creditdesk');
    fs.writeFileSync(headerOnly, fs.readFileSync(book).subarray(0, 100));
    expect(inspectBookFile(headerOnly)).toBe('book'); // the full check would have refused it here…
    await expect(openBook(headerOnly)).rejects.toThrow(/not a CreditDesk book/); // …the open still does
  });

  it('a SQLite file without the marker takes the full check: foreign, or an older book by its migrations', async () => {
    const foreign = path.join(dir, 'photos.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    db.close();
    expect(inspectBookFile(foreign)).toBe('foreign');
    const older = path.join(dir, 'older.creditdesk');
    fs.copyFileSync(book, older);
    const raw = new Database(older);
    raw.pragma('journal_mode = DELETE');
    raw.pragma('application_id = 0');
    raw.close();
    expect(fs.readFileSync(older).readUInt32BE(68)).toBe(0);
    expect(inspectBookFile(older)).toBe('book');
  });

  it('with a -wal beside the file the header is not trusted (uncheckpointed pages may change it)', () => {
    const walBook = path.join(dir, 'wal.creditdesk');
    fs.writeFileSync(walBook, fs.readFileSync(book).subarray(0, 100));
    fs.writeFileSync(`${walBook}-wal`, 'x');
    expect(() => inspectBookFile(walBook)).toThrow(/not a CreditDesk book/);
  });
});
