// Long report results cross from the report worker to the main thread in chunks: structured
// clone decodes a message on the receiving thread in one go, and 10,000 calendar items or
// promise rows decoded at once held the window's main thread for 100–200 ms on a loaded machine
// (a 100k-customer book has ten times more). The worker sends one chunk, the main thread
// acknowledges it on a later turn of its event loop (so the window's work runs in between),
// then the next chunk follows. Which results are split, and how, is decided here per shape:
// an array of rows, a calendar (its days' items flattened in order), or parallel columns with a
// shared text table (promise statuses: reports/collections/promise-book.ts), cut in row ranges.
import type { CalendarReport } from '../../shared/types-collections';

/** Rows per chunk: decoding one takes a few ms. */
export const CHUNK_ROWS = 1_000;

export interface Split {
  /** the result without its rows (they follow in chunks) */
  head: unknown;
  chunks: unknown[][];
}

function isCalendar(r: unknown): r is CalendarReport {
  return typeof r === 'object' && r !== null && Array.isArray((r as CalendarReport).days) && 'asOf' in r;
}

function chunksOf(rows: unknown[]): unknown[][] {
  const out: unknown[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) out.push(rows.slice(i, i + CHUNK_ROWS));
  return out;
}

/** Rows per chunk of parallel columns (a few arrays of numbers and short strings per row). */
export const COLUMN_CHUNK_ROWS = 10_000;

type Column = unknown[] | Int32Array;
type Columns = { texts: unknown[] } & Record<string, Column>;

function isColumns(r: unknown): r is Columns {
  return (
    typeof r === 'object' &&
    r !== null &&
    !Array.isArray(r) &&
    Array.isArray((r as { texts?: unknown }).texts) &&
    Object.values(r).every((v) => Array.isArray(v) || v instanceof Int32Array)
  );
}

function splitColumns(cols: Columns): Split | null {
  const { texts, ...perRow } = cols;
  const keys = Object.keys(perRow);
  const n = keys.length ? perRow[keys[0]].length : 0;
  if (n <= COLUMN_CHUNK_ROWS) return null;
  const chunks: unknown[][] = [];
  for (let i = 0; i < n; i += COLUMN_CHUNK_ROWS)
    chunks.push([Object.fromEntries(keys.map((k) => [k, perRow[k].slice(i, i + COLUMN_CHUNK_ROWS)]))]);
  return { head: { texts, columnChunks: true }, chunks };
}

function joinColumns(texts: unknown[], chunks: unknown[][]): Columns {
  const parts = chunks.map((c) => c[0] as Record<string, Column>);
  const out: Columns = { texts };
  for (const k of Object.keys(parts[0] ?? {})) {
    const first = parts[0][k];
    if (first instanceof Int32Array) {
      const all = new Int32Array(parts.reduce((n, p) => n + p[k].length, 0));
      let at = 0;
      for (const p of parts) {
        all.set(p[k] as Int32Array, at);
        at += p[k].length;
      }
      out[k] = all;
    } else out[k] = ([] as unknown[]).concat(...parts.map((p) => p[k] as unknown[]));
  }
  return out;
}

/** null: small enough (or not a splittable shape) to go in one message. */
export function splitResult(result: unknown): Split | null {
  if (Array.isArray(result)) return result.length > CHUNK_ROWS ? { head: [], chunks: chunksOf(result) } : null;
  if (isColumns(result)) return splitColumns(result);
  if (isCalendar(result)) {
    const items = result.days.flatMap((d) => d.items);
    if (items.length <= CHUNK_ROWS) return null;
    const head = { ...result, days: result.days.map((d) => ({ ...d, items: d.items.length })) };
    return { head, chunks: chunksOf(items) };
  }
  return null;
}

/** The result put back together on the main thread (same values, same order). */
export function joinResult(head: unknown, chunks: unknown[][]): unknown {
  const h = head as { texts?: unknown[]; columnChunks?: boolean };
  if (h.columnChunks) return joinColumns(h.texts!, chunks);
  const rows = chunks.length === 1 ? chunks[0] : ([] as unknown[]).concat(...chunks);
  if (Array.isArray(head)) return rows;
  const cal = head as Omit<CalendarReport, 'days'> & { days: { date: string; due: number; items: number }[] };
  let at = 0;
  return {
    ...cal,
    days: cal.days.map((d) => {
      const items = rows.slice(at, at + d.items);
      at += d.items;
      return { ...d, items };
    }),
  };
}
