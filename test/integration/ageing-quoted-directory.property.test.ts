// `creditdesk ageing --format json` copies codes and names from the book as SQLite's json_quote()
// text (db/receivables/directory-quoted.ts). That text must be what JSON.stringify writes, for any
// string a book can hold; the quoted directory must list the same customers, in the same order,
// with the same limits as the string directory (which reads the whole directory as JSON lists
// too, and must give the column queries' strings); and it must step aside (null) where SQLite's
// byte order of codes is not JavaScript's, or a limit is not an integer.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { quotedCustomerDirectory } from '../../main/db/receivables/directory-quoted';
import { customerDirectory, customerDirectoryOf } from '../../main/db/receivables/directory';

// any UTF-16 text, control characters, quotes, backslashes, U+2028, U+007F and astral ones included
const text = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('"', '\\', '\n', '\t', '\u0000', '\u0001', '\u001f', '\u007f', '\u2028', '😀', '华'),
  }),
);

/** A bare customers table with the directory's index, as a book has them. */
function customers(rows: { code: string; name: string; limit: number }[]): Database.Database {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, credit_limit INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX customers_directory ON customers (code, name, credit_limit);
    CREATE TABLE revisions (name TEXT PRIMARY KEY, rev INTEGER NOT NULL DEFAULT 0)`);
  const put = db.prepare('INSERT INTO customers (id, code, name, credit_limit) VALUES (?, ?, ?, ?)');
  rows.forEach((r, i) => put.run(i * 3 + 1, r.code, r.name, r.limit));
  return db;
}

const quotedText = (q: { bytes: Buffer; start: Int32Array; end: Int32Array }, r: number) =>
  q.bytes.subarray(q.start[r], q.end[r]).toString('utf8');

describe('the customer directory as JSON text', () => {
  it("SQLite's json_quote writes what JSON.stringify writes, for any text a book holds", () => {
    const db = new Database(':memory:');
    const quote = db.prepare('SELECT CAST(json_quote(?) AS BLOB)').pluck();
    // a book stores text as UTF-8: a lone surrogate comes back as U+FFFD
    const stored = db.prepare('SELECT ?').pluck();
    fc.assert(
      fc.property(text, (s) => {
        const inBook = stored.get(s) as string;
        expect((quote.get(s) as Buffer).toString('utf8')).toBe(JSON.stringify(inBook));
      }),
      { numRuns: 2000 },
    );
    db.close();
  });

  it('lists the string directory: same ids, limits and order, each code and name quoted', () => {
    const row = fc.record({
      code: fc.string({ unit: fc.constantFrom('A', 'b', '0', '-', ' ', '"', '\\', '\t', '~'), maxLength: 6 }),
      name: text,
      limit: fc.integer({ min: 0, max: 2 ** 40 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.code, maxLength: 30 }), (rows) => {
        const db = customers(rows);
        const dir = customerDirectory(db);
        const quoted = quotedCustomerDirectory(db);
        // the JSON lists read the same strings as the column queries
        const columns = customerDirectoryOf(db, dir.id);
        db.close();
        expect(dir.id).toEqual(columns.id);
        expect(dir.code).toEqual(columns.code);
        expect(dir.name).toEqual(columns.name);
        expect(dir.limit).toEqual(columns.limit);
        expect(quoted).not.toBeNull();
        expect(quoted!.id).toEqual(dir.id);
        expect(quoted!.limit).toEqual(dir.limit);
        expect(Array.from(quoted!.rankById)).toEqual(Array.from(dir.rankById));
        dir.id.forEach((_, r) => {
          expect(quotedText(quoted!.code, r)).toBe(JSON.stringify(dir.code[r]));
          expect(quotedText(quoted!.name, r)).toBe(JSON.stringify(dir.name[r]));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('steps aside for a code outside ASCII or a limit that is not an integer', () => {
    const plain = [
      { code: 'C1', name: '甲', limit: 100 },
      { code: 'C2', name: '乙', limit: 0 },
    ];
    const ok = customers(plain);
    expect(quotedCustomerDirectory(ok)).not.toBeNull();
    ok.close();
    const astral = customers([...plain, { code: '😀', name: '丙', limit: 1 }]);
    expect(quotedCustomerDirectory(astral)).toBeNull();
    astral.close();
    const real = customers(plain);
    real.prepare('UPDATE customers SET credit_limit = 12.5 WHERE code = ?').run('C2');
    expect(quotedCustomerDirectory(real)).toBeNull();
    expect(customerDirectory(real).limit).toEqual([100, 12.5]); // the column queries then
    real.close();
    const empty = customers([]);
    expect(quotedCustomerDirectory(empty)).toMatchObject({ id: [], limit: [] });
    empty.close();
  });
});
