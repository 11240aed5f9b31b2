// The customer directory kept in the book (migration 0031) for a one-off reader (`creditdesk
// ageing`), in a form read with no parsing: the ids and credit limits as little-endian binary
// (Int32 ids, Int64 limits as two Int32 halves), the codes and names as SQLite's json_quote() of
// each, concatenated, with the Int32 end offset of every entry after a leading 0, all in code
// order, stamped with the customers' revision counter at the time (revisions.rev 'customers',
// moved by triggers on every insert, update and delete of a customer, from any connection). The
// reader takes typed-array views on the row's blobs and copies a code or name as bytes: no
// JSON.parse of 100,000 numbers, no scan for separators (~50 ms of a cold 1M-invoice ageing's
// CPU before). It is used only while that revision is still the book's: after any write to the
// customers the kept row is ignored, and the directory read as before (directory-quoted.ts),
// until a writer keeps it again (when it opens or closes the book: app/open-book.ts). The kept
// row is never a source of truth: a stale one is only slower, never different.
import { isAscii, isUtf8 } from 'node:buffer';
import os from 'node:os';
import type Database from 'better-sqlite3';
import { stmt } from './prepared';
import { quotedCustomerDirectory, type QuotedDirectory, type QuotedStrings } from './directory-quoted';

type Sqlite = Database.Database;

const hex32 = (x: string) =>
  `printf('%02x%02x%02x%02x', ${x} & 255, (${x} >> 8) & 255, (${x} >> 16) & 255, (${x} >> 24) & 255)`;

/** The kept row's values after (id, rev): [n, odd, ids, limits, code_ends, codes, name_ends,
 *  names]; `odd` counts what the binary form cannot hold (a limit that is not an integer, an id
 *  beyond Int32), the row is not used then. Migration 0031 fills the table with this query. */
export const KEPT_DIRECTORY_SQL = `SELECT count(*), count(*) FILTER (WHERE typeof(l) <> 'integer' OR id < 0 OR id > 2147483647),
      unhex(group_concat(${hex32('id')}, '')),
      unhex(group_concat(${hex32('l')} || ${hex32('(l >> 32)')}, '')),
      unhex('00000000' || group_concat(${hex32('ce')}, '')), CAST(group_concat(qc, '') AS BLOB),
      unhex('00000000' || group_concat(${hex32('ne')}, '')), CAST(group_concat(qn, '') AS BLOB)
    FROM (SELECT id, credit_limit AS l, qc, qn, sum(length(CAST(qc AS BLOB))) OVER w AS ce,
            sum(length(CAST(qn AS BLOB))) OVER w AS ne
          FROM (SELECT id, credit_limit, code, json_quote(code) AS qc, json_quote(name) AS qn
                FROM customers INDEXED BY customers_directory ORDER BY code)
          WINDOW w AS (ORDER BY code ROWS UNBOUNDED PRECEDING) ORDER BY code)`;

type KeptRow = [
  number,
  number,
  Buffer | null,
  Buffer | null,
  Buffer | null,
  Buffer | null,
  Buffer | null,
  Buffer | null,
];

/** The kept row when its revision is the customers' one now (one row, a primary-key read). */
const KEPT_ROW_SQL = `SELECT k.n, k.odd, k.ids, k.limits, k.code_ends, k.codes, k.name_ends, k.names
    FROM customer_directory_kept k JOIN revisions r ON r.name = 'customers' AND r.rev = k.rev WHERE k.id = 1`;

/** Whether the kept directory is the one of the customers now. */
export function keptDirectoryFresh(sqlite: Sqlite): boolean {
  return (
    stmt(
      sqlite,
      `SELECT 1 FROM customer_directory_kept k JOIN revisions r ON r.name = 'customers' AND r.rev = k.rev WHERE k.id = 1`,
    ).get() !== undefined
  );
}

/**
 * Keeps the directory of the customers now, unless the kept one is already theirs (or the book has
 * no revision counter to stamp it with). In one transaction, so the lists and their revision are
 * read from the same state. Returns whether it wrote.
 */
export function refreshKeptDirectory(sqlite: Sqlite): boolean {
  return sqlite
    .transaction(() => {
      if (keptDirectoryFresh(sqlite)) return false;
      const rev = stmt(sqlite, "SELECT rev FROM revisions WHERE name = 'customers'").pluck().get() as
        number | undefined;
      if (rev === undefined) return false;
      stmt(
        sqlite,
        `INSERT OR REPLACE INTO customer_directory_kept (id, rev, n, odd, ids, limits, code_ends, codes, name_ends, names)
         SELECT 1, ?, * FROM (${KEPT_DIRECTORY_SQL})`,
      ).run(rev);
      return true;
    })
    .immediate();
}

const EMPTY = Buffer.alloc(0);

/** `count` Int32s of b as a view (a copy if b is not 4-byte aligned), or null if b is not that long. */
function int32s(b: Buffer | null, count: number): Int32Array | null {
  const bytes = b ?? EMPTY;
  if (bytes.length !== count * 4) return null;
  if (bytes.byteOffset % 4 !== 0) return new Int32Array(new Uint8Array(bytes).buffer);
  return new Int32Array(bytes.buffer, bytes.byteOffset, count);
}

/** Entries of `bytes` ending at ends[1..n] (ends[0] = 0), or null unless they tile it in order. */
function entries(bytes: Buffer, ends: Int32Array | null, n: number): QuotedStrings | null {
  if (!ends || ends[0] !== 0 || ends[n] !== bytes.length) return null;
  for (let r = 0; r < n; r++) if (ends[r + 1] < ends[r]) return null;
  return { bytes, start: ends.subarray(0, n), end: ends.subarray(1) };
}

/** The directory from a kept row, or null when it cannot be used (then read the customers). */
function directoryOfKept(kept: KeptRow): QuotedDirectory | null {
  const [n, odd, ids, limits, codeEnds, codes, nameEnds, names] = kept;
  if (odd !== 0 || os.endianness() !== 'LE' || !Number.isInteger(n) || n < 0) return null;
  // written by anything else than KEPT_DIRECTORY_SQL (another tool, a text value in a blob column)
  if (!kept.slice(2).every((b) => b === null || Buffer.isBuffer(b))) return null;
  const codeBytes = codes ?? EMPTY;
  const nameBytes = names ?? EMPTY;
  // any code outside ASCII: SQLite's byte order could differ from JavaScript's code order
  if (!isAscii(codeBytes) || !isUtf8(nameBytes)) return null;
  const id = int32s(ids, n);
  const halves = int32s(limits, 2 * n);
  const code = entries(codeBytes, n === 0 ? new Int32Array(1) : int32s(codeEnds, n + 1), n);
  const name = entries(nameBytes, n === 0 ? new Int32Array(1) : int32s(nameEnds, n + 1), n);
  if (!id || !halves || !code || !name) return null;
  const limit = new Float64Array(n);
  let maxId = 0;
  for (let r = 0; r < n; r++) {
    // high half × 2^32 is exact, so one rounding: the number better-sqlite3 reads for the integer
    limit[r] = halves[2 * r + 1] * 4294967296 + (halves[2 * r] >>> 0);
    if (id[r] > maxId) maxId = id[r];
    if (id[r] <= 0) return null; // ids start at 1
  }
  const rankById = new Int32Array(maxId + 1).fill(-1);
  for (let r = 0; r < n; r++) rankById[id[r]] = r;
  return { rankById, id, limit, code, name };
}

/**
 * quotedCustomerDirectory, from the kept row when it is the customers' now. Call inside a read
 * transaction (the revision and the row, or the customers, from one state).
 */
export function keptQuotedDirectory(sqlite: Sqlite): QuotedDirectory | null {
  const kept = stmt(sqlite, KEPT_ROW_SQL).raw().get() as KeptRow | undefined;
  return (kept && directoryOfKept(kept)) ?? quotedCustomerDirectory(sqlite);
}
