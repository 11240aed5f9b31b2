// The customer directory kept in the book (migration 0031, db/receivables/directory-kept.ts) for
// `creditdesk ageing`: whatever is written to the customers, and whenever it is kept again, the
// directory a reader gets is the one read from the customers now (property test against the plain
// read); a writer keeps it when it opens and closes a book; and the CLI's bytes stay the app
// path's after customer imports, edits outside the app, invoice writes and voids.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCliBook } from '../../main/cli/book';
import { writeAgeingJson } from '../../main/cli/output/ageing-json';
import {
  keptDirectoryFresh,
  keptQuotedDirectory,
  refreshKeptDirectory,
} from '../../main/db/receivables/directory-kept';
import {
  quotedCustomerDirectory,
  type QuotedDirectory,
  type QuotedStrings,
} from '../../main/db/receivables/directory-quoted';
import { ageingColumnsFixed } from '../../main/services/receivables';
import { tempDir } from '../support/book';
import { runCliCaptured } from '../support/cli-run';

const dir = tempDir();
const book = path.join(dir, 'demo.creditdesk');

const cli = runCliCaptured;

/** The app path's JSON (services, customers read as strings): the reference bytes. */
async function appJson(file: string, asOf: string): Promise<string> {
  const ctx = await openCliBook(file, { write: false });
  try {
    const parts: Buffer[] = [];
    writeAgeingJson(await ageingColumnsFixed(ctx, asOf, 'due'), (b) => parts.push(Buffer.from(b)));
    return Buffer.concat(parts).toString('utf8');
  } finally {
    await ctx.book.close();
  }
}

const readOnly = (file: string) => new Database(file, { readonly: true });

/** A directory as plain values (the kept one is typed arrays over blobs, the read one lists). */
function plainOf(d: QuotedDirectory | null) {
  if (!d) return null;
  const list = (q: QuotedStrings) => Array.from(q.start, (s, r) => q.bytes.subarray(s, q.end[r]).toString());
  return {
    rankById: d.rankById,
    id: Array.from(d.id),
    limit: Array.from(d.limit),
    code: list(d.code),
    name: list(d.name),
  };
}

beforeAll(async () => {
  expect((await cli(['demo', '--db', book, '--customers', '40', '--invoices', '600'])).code).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// a customer write of each kind a book sees, by a plain connection (as another tool would)
const text = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\t', '华', '😀', 'A', '0'), maxLength: 6 }),
);
// limits of every size an INTEGER holds: the kept row has them as two Int32 halves
const limit = fc.oneof(
  fc.nat(10 ** 9),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
);
const op = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), code: text, name: text, limit }),
  fc.record({ kind: fc.constant('name' as const), pick: fc.nat(), name: text }),
  fc.record({ kind: fc.constant('code' as const), pick: fc.nat(), code: text }),
  fc.record({ kind: fc.constant('limit' as const), pick: fc.nat(), limit }),
  fc.record({ kind: fc.constant('tier' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.constant({ kind: 'keep' as const }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function apply(db: Database.Database, o: Op): void {
  const ids = db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
  const id = 'pick' in o && ids.length > 0 ? ids[o.pick % ids.length] : undefined;
  try {
    if (o.kind === 'keep') refreshKeptDirectory(db);
    else if (o.kind === 'insert')
      db.prepare(
        `INSERT INTO customers (code, name, kind, nature, lifecycle, confidentiality, search_text, name_pinyin, credit_limit, created_at, updated_at)
         VALUES (?, ?, 'company', 'trade_partner', 'active', 'normal', '', '', ?, '2026-11-23', '2026-11-23')`,
      ).run(o.code, o.name, o.limit);
    else if (id === undefined) return;
    else if (o.kind === 'name') db.prepare('UPDATE customers SET name = ? WHERE id = ?').run(o.name, id);
    else if (o.kind === 'code') db.prepare('UPDATE customers SET code = ? WHERE id = ?').run(o.code, id);
    else if (o.kind === 'limit') db.prepare('UPDATE customers SET credit_limit = ? WHERE id = ?').run(o.limit, id);
    else if (o.kind === 'tier') db.prepare("UPDATE customers SET value_tier = 'A' WHERE id = ?").run(id);
    else db.prepare('DELETE FROM customers WHERE id = ?').run(id);
  } catch (e) {
    if (!/UNIQUE|FOREIGN KEY/.test(String(e))) throw e; // a code taken, a customer with documents
  }
}

describe('the kept customer directory', () => {
  it('a reader always gets the directory of the customers now, whatever was written and kept (property)', () => {
    const copy = path.join(dir, 'property.creditdesk');
    fs.copyFileSync(book, copy);
    const db = new Database(copy);
    db.pragma('foreign_keys = ON');
    refreshKeptDirectory(db);
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
        db.exec('SAVEPOINT run');
        try {
          for (const o of ops) {
            apply(db, o);
            const plain = plainOf(quotedCustomerDirectory(db));
            expect(plainOf(keptQuotedDirectory(db))).toEqual(plain);
            if (o.kind === 'keep') expect(keptDirectoryFresh(db)).toBe(true);
            // kept and usable (the plain one is): read from the kept row's views
            if (o.kind === 'keep' && plain) expect(keptQuotedDirectory(db)!.id).toBeInstanceOf(Int32Array);
          }
        } finally {
          db.exec('ROLLBACK TO run; RELEASE run');
        }
      }),
      { numRuns: 150 },
    );
    db.close();
  });

  it('is not read after any write to the customers until a writer keeps it again', () => {
    const copy = path.join(dir, 'stale.creditdesk');
    fs.copyFileSync(book, copy);
    const db = new Database(copy);
    refreshKeptDirectory(db);
    expect(keptDirectoryFresh(db)).toBe(true);
    const id = db.prepare('SELECT min(id) FROM customers').pluck().get() as number;
    db.prepare('UPDATE customers SET name = ? WHERE id = ?').run('改名后的公司', id);
    expect(keptDirectoryFresh(db)).toBe(false);
    const dirNow = keptQuotedDirectory(db)!;
    const r = dirNow.rankById[id];
    expect(dirNow.name.bytes.subarray(dirNow.name.start[r], dirNow.name.end[r]).toString()).toBe('"改名后的公司"');
    expect(refreshKeptDirectory(db)).toBe(true);
    expect(refreshKeptDirectory(db)).toBe(false); // already the customers' own
    expect(plainOf(keptQuotedDirectory(db))).toEqual(plainOf(quotedCustomerDirectory(db)));
    db.close();
  });

  it('is read with no parsing: ids and offsets are typed-array views on the kept row, limits exact', () => {
    const copy = path.join(dir, 'views.creditdesk');
    fs.copyFileSync(book, copy);
    const db = new Database(copy);
    const id = db.prepare('SELECT max(id) FROM customers').pluck().get() as number;
    db.prepare('UPDATE customers SET credit_limit = ? WHERE id = ?').run(-(2n ** 40n) - 7n, id);
    refreshKeptDirectory(db);
    const kept = db.transaction(() => keptQuotedDirectory(db)!)();
    expect(kept.id).toBeInstanceOf(Int32Array);
    expect(kept.code.start.buffer).toBe(kept.code.end.buffer); // one list of offsets, no copies
    expect(kept.name.end.buffer).toBe(kept.name.start.buffer);
    expect(kept.limit[kept.rankById[id]]).toBe(-(2 ** 40) - 7);
    expect(plainOf(kept)).toEqual(plainOf(quotedCustomerDirectory(db)));
    db.close();
  });

  it('a damaged kept row (fresh revision) is passed over: the reader gets the customers as read, never a wrong directory', () => {
    const copy = path.join(dir, 'tampered.creditdesk');
    fs.copyFileSync(book, copy);
    const db = new Database(copy);
    refreshKeptDirectory(db);
    const plain = plainOf(quotedCustomerDirectory(db));
    const n = db.prepare('SELECT n FROM customer_directory_kept').pluck().get() as number;
    expect(n).toBeGreaterThan(2);
    // each damage written by SQL as another tool would, the revision left fresh
    const damages: Record<string, string> = {
      'ids truncated': 'ids = substr(ids, 1, length(ids) - 4)',
      'ids missing': 'ids = NULL',
      'limits truncated': 'limits = substr(limits, 1, length(limits) - 1)',
      'codes truncated': 'codes = substr(codes, 1, length(codes) - 3)',
      'code offsets out of order': `code_ends = substr(code_ends, 1, 4) || substr(code_ends, 9, 4) || substr(code_ends, 5, 4) || substr(code_ends, 13)`,
      'name offsets truncated': 'name_ends = substr(name_ends, 1, length(name_ends) - 4)',
      'first offset not 0': "code_ends = unhex('01000000') || substr(code_ends, 5)",
      'a code outside ASCII': "codes = CAST(unhex('C3A9') || substr(codes, 3) AS BLOB)",
      'a text value in a blob column': 'codes = CAST(codes AS TEXT)',
      'a name not UTF-8': "names = CAST(unhex('FF') || substr(names, 2) AS BLOB)",
      'count larger than the blobs': 'n = n + 1',
      'an odd value counted': 'odd = 1',
      'an id of 0': "ids = CAST(unhex('00000000') || substr(ids, 5) AS BLOB)",
    };
    for (const [what, set] of Object.entries(damages)) {
      db.exec('SAVEPOINT damage');
      try {
        db.exec(`UPDATE customer_directory_kept SET ${set}`);
        expect(keptDirectoryFresh(db), what).toBe(true);
        const read = keptQuotedDirectory(db);
        expect(plainOf(read), what).toEqual(plain);
        expect(read!.id, what).not.toBeInstanceOf(Int32Array); // the customers were read instead
      } finally {
        db.exec('ROLLBACK TO damage; RELEASE damage');
      }
    }
    expect(keptQuotedDirectory(db)!.id).toBeInstanceOf(Int32Array); // undamaged: the kept row is used
    db.close();
  });

  it('a new book, a CLI import and a writer session leave it kept (the reader then reads one row)', async () => {
    const fresh = () => {
      const db = readOnly(book);
      const ok = keptDirectoryFresh(db);
      db.close();
      return ok;
    };
    expect(fresh()).toBe(true); // the demo's writer kept it when it closed the book
    const csv = path.join(dir, 'customers.csv');
    fs.writeFileSync(
      csv,
      'code,name,kind,credit_limit\nC000001,"改名 ""甲"" 公司",company,1234.00\nZ9,新客户,company,5\n',
    );
    expect((await cli(['import', '--db', book, 'customers', csv])).code).toBe(0);
    expect(fresh()).toBe(true);
    // a write outside the app: stale until the next writer opens or closes the book
    const raw = new Database(book);
    raw.prepare("UPDATE customers SET name = '外部改名' WHERE code = 'Z9'").run();
    raw.close();
    expect(fresh()).toBe(false);
    const ctx = await openCliBook(book, { write: true });
    expect(fresh()).toBe(true);
    await ctx.book.close();
  });
});

describe('creditdesk ageing with the kept directory', () => {
  it('writes the app path’s bytes after customer imports, edits outside the app, invoice writes and voids', async () => {
    const copy = path.join(dir, 'writes.creditdesk');
    fs.copyFileSync(book, copy);
    const dates = ['2027-01-15', '2026-11-23', '2026-06-30', '2025-12-31', '2020-01-01'];
    const same = async () => {
      for (const asOf of dates)
        expect((await cli(['ageing', '--db', copy, '--as-of', asOf])).out).toBe(await appJson(copy, asOf));
    };
    await same();
    // customers renamed, re-limited and added outside the app: the kept row is stale and passed over
    const raw = new Database(copy);
    raw.pragma('foreign_keys = ON');
    const ids = raw.prepare('SELECT id FROM customers ORDER BY id LIMIT 3').pluck().all() as number[];
    raw.prepare('UPDATE customers SET name = ?, credit_limit = 777 WHERE id = ?').run('外部 "改名"\\', ids[0]);
    raw.prepare('UPDATE customers SET code = ? WHERE id = ?').run('A-first', ids[1]);
    const inv = raw.prepare('SELECT id FROM invoices WHERE voided_at IS NULL ORDER BY id LIMIT 1').pluck().get();
    raw.prepare("UPDATE invoices SET voided_at = '2026-07-01T00:00:00Z' WHERE id = ?").run(inv);
    raw.close();
    const stale = readOnly(copy);
    expect(keptDirectoryFresh(stale)).toBe(false);
    stale.close();
    await same();
    // kept again by a writer: the same bytes from the kept row
    const ctx = await openCliBook(copy, { write: true });
    await ctx.book.close();
    const kept = readOnly(copy);
    expect(keptDirectoryFresh(kept)).toBe(true);
    const listed = keptQuotedDirectory(kept)!;
    kept.close();
    expect(listed.code.bytes.subarray(listed.code.start[0], listed.code.end[0]).toString()).toBe('"A-first"');
    await same();
  }, 120_000);
});
