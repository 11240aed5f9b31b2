// The customer directory as JSON text, for a one-off report written as JSON (`creditdesk ageing`):
// ids and credit limits as numbers, codes and names as SQLite's json_quote() of each, in code
// order, in two UTF-8 buffers. A name then goes from the book to the output as bytes: no
// JavaScript string per customer, no UTF-16 widening and re-encoding of Chinese names (with
// 100,000 customers that was most of a cold past-date ageing's directory read, ~0.4 s of CPU).
// json_quote writes what JSON.stringify writes for any valid text (a property test holds it to
// that); a '\n' separates the entries, as it never occurs unescaped in a quoted string.
import { isAscii, isUtf8 } from 'node:buffer';
import type Database from 'better-sqlite3';
import { stmt } from './prepared';

type Sqlite = Database.Database;

/** Entry r of a list of quoted strings: bytes.subarray(start[r], end[r]). */
export interface QuotedStrings {
  bytes: Buffer;
  start: Int32Array;
  end: Int32Array;
}

export interface QuotedDirectory {
  /** rank by customer id (-1: no such customer), as CustomerDirectory's */
  rankById: Int32Array;
  id: ArrayLike<number>;
  limit: ArrayLike<number>;
  code: QuotedStrings;
  name: QuotedStrings;
}

const NEWLINE = 0x0a;

/** The n entries between the '\n's (a byte loop: a native indexOf per entry costs more). */
function split(bytes: Buffer, n: number): QuotedStrings | null {
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  if (n === 0) return bytes.length === 0 ? { bytes, start, end } : null;
  let r = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== NEWLINE) continue;
    if (r === n - 1) return null; // n − 1 separators exactly
    end[r] = i;
    start[++r] = i + 1;
  }
  if (r !== n - 1) return null;
  end[r] = bytes.length;
  return { bytes, start, end };
}

/** The directory as one row of lists [ids JSON, limits JSON, quoted codes, quoted names, count of
 *  limits that are not integers]: one pass over the covering index in code order (the lists line
 *  up). The kept copy (directory-kept.ts) holds the same directory in binary form. */
const DIRECTORY_LISTS_SQL = `SELECT json_group_array(id), json_group_array(credit_limit),
            CAST(group_concat(json_quote(code), char(10)) AS BLOB), CAST(group_concat(json_quote(name), char(10)) AS BLOB),
            count(*) FILTER (WHERE typeof(credit_limit) <> 'integer')
       FROM (SELECT id, code, name, credit_limit FROM customers INDEXED BY customers_directory ORDER BY code)`;

type DirectoryLists = [string, string, Buffer | null, Buffer | null, number];

/**
 * The whole directory in code order, or null when it cannot stand in for the string directory
 * (a code outside ASCII, whose order the string directory works out in JavaScript; text that is
 * not valid UTF-8, which JavaScript strings would have replaced): the caller then reads strings.
 */
export function quotedCustomerDirectory(sqlite: Sqlite): QuotedDirectory | null {
  // (a limit that is not an integer would be written by SQLite's JSON, not JavaScript's: strings then)
  return quotedFromLists(stmt(sqlite, DIRECTORY_LISTS_SQL).raw().get() as DirectoryLists);
}

/** The directory from its lists, or null as quotedCustomerDirectory says. */
function quotedFromLists([ids, limits, codes, names, odd]: DirectoryLists): QuotedDirectory | null {
  if (odd > 0) return null;
  const id = JSON.parse(ids) as number[];
  const limit = JSON.parse(limits) as number[];
  const codeBytes = codes ?? Buffer.alloc(0);
  const nameBytes = names ?? Buffer.alloc(0);
  // any code outside ASCII: SQLite's byte order could differ from JavaScript's code order
  if (!isAscii(codeBytes) || !isUtf8(nameBytes)) return null;
  const code = split(codeBytes, id.length);
  const name = split(nameBytes, id.length);
  if (!code || !name || limit.length !== id.length) return null;
  let maxId = 0;
  for (const x of id) if (x > maxId) maxId = x;
  const rankById = new Int32Array(maxId + 1).fill(-1);
  for (let r = 0; r < id.length; r++) rankById[id[r]] = r;
  return { rankById, id, limit, code, name };
}
