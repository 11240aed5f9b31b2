// Whole-book columns in one row: each column packed by SQLite into one string (group_concat) and
// split here. For 100,000 customers this is about half the CPU of json_group_array + JSON.parse
// (SQLite's JSON writer and V8's parser both cost more per value than a separator and a digit
// loop). Exact or nothing: the decoders answer null when the text is not what they can read
// exactly (a non-integer, more than 15 digits, a separator inside a value), and the caller then
// reads the columns the JSON way.
import type Database from 'better-sqlite3';
import { stmt } from './receivables/prepared';

/** The unit separator, as a literal in the SQL (char(31) would be called once per row). */
const US = '\x1f';

/** SQL for an integer column: decimal digits separated by commas (NULL as 0, as JSON's null → 0). */
export const packedIntSql = (expr: string): string => `group_concat(IFNULL(${expr}, 0), ',')`;

/** SQL for a text column: each value prefixed '=', NULL as '', separated by the unit separator. */
export const packedTextSql = (expr: string): string => `group_concat(IFNULL('=' || (${expr}), ''), '${US}')`;

/** SQL for a text column without NULLs: the values as they are (a NULL would be left out: n differs). */
export const packedNotNullTextSql = (expr: string): string => `group_concat(${expr}, '${US}')`;

/** n integers from packedIntSql's text, or null when any is not a plain integer of ≤ 15 digits. */
export function unpackInts(text: string | null, n: number): Float64Array | null {
  const out = new Float64Array(n);
  if (n === 0) return out;
  if (text === null) return null;
  let k = 0;
  let v = 0;
  let digits = 0;
  let neg = false;
  for (let i = 0; i <= text.length; i++) {
    const ch = i === text.length ? 44 : text.charCodeAt(i);
    if (ch === 44) {
      if (digits === 0 || digits > 15 || k === n) return null;
      out[k++] = neg ? -v : v;
      v = 0;
      digits = 0;
      neg = false;
    } else if (ch >= 48 && ch <= 57) {
      v = v * 10 + (ch - 48);
      digits++;
    } else if (ch === 45 && digits === 0 && !neg) neg = true;
    else return null;
  }
  return k === n ? out : null;
}

/** n texts (null for NULL) from packedTextSql's text, or null when the count does not match. */
export function unpackTexts(text: string | null, n: number): (string | null)[] | null {
  const parts = unpackNotNullTexts(text, n);
  if (parts === null || n === 0) return parts;
  const out = new Array<string | null>(n);
  for (let i = 0; i < n; i++) out[i] = parts[i] === '' ? null : parts[i].slice(1);
  return out;
}

/** n texts from packedNotNullTextSql's text, or null when the count does not match. */
export function unpackNotNullTexts(text: string | null, n: number): string[] | null {
  if (n === 0) return [];
  if (text === null) return null;
  const parts = text.split(US);
  return parts.length === n ? parts : null; // else a separator inside a value, or a NULL left out
}

/** How packedColumns reads a column: integers, texts, or texts without NULLs (its SQL above). */
export type PackedKind = 'int' | 'text' | 'notNullText';

/**
 * One row of `count(*)` and packed columns (of the kinds given, integers by default), read
 * exactly; else the same columns from the JSON statement (`count(*)` and json_group_array lists).
 */
export function packedColumns(
  sqlite: Database.Database,
  packedSql: string,
  jsonSql: string,
  args: unknown[],
  kinds: readonly PackedKind[] = [],
): (ArrayLike<number> | (string | null)[])[] {
  const [n, ...packed] = stmt(sqlite, packedSql)
    .raw()
    .get(...args) as [number, ...(string | null)[]];
  const cols = packed.map((p, k) =>
    kinds[k] === 'text' ? unpackTexts(p, n) : kinds[k] === 'notNullText' ? unpackNotNullTexts(p, n) : unpackInts(p, n),
  );
  if (cols.every((c) => c !== null)) return cols as (ArrayLike<number> | (string | null)[])[];
  const [, ...json] = stmt(sqlite, jsonSql)
    .raw()
    .get(...args) as [number, ...string[]];
  return json.map((j) => JSON.parse(j) as never[]);
}
