// Today's worklist read from its kept rows (migration 0023): when the kept worklist is for this
// date and these settings, only the customers a write listed as stale since the last refresh are
// worked out afresh (worklist.ts, from their own rows) and merged into the kept ones in rank
// order; otherwise the whole worklist is worked out from the book. Either way the rows equal
// the whole-book computation (test/integration/worklist-kept.property.test.ts). The window asks
// for a page at a time (worklistPage): the first screenful is a slice of the kept rows' index.
import type { Book } from '../../db/connection';
import { collectionsSettings, ladderRows } from '../../db/collections-store';
import {
  keptWorklistCount,
  keptWorklistHead,
  keptWorklistMeta,
  keptWorklistPage,
  staleWorklistCustomers,
  type KeptRowIn,
} from '../../db/collections/worklist-kept';
import type { WorklistRow } from '../../../shared/types-collections';
import type { WorklistPage } from '../../../shared/types-worklist-page';
import { cachedList } from './list-cache';
import { byRank, worklist, worklistRowsOf, type RankedRow } from './worklist';

/** What of the settings the worklist depends on (grace and slip days, the ladder), as one string. */
export function worklistSettingsFingerprint(book: Book): string {
  return JSON.stringify([collectionsSettings(book.sqlite), ladderRows(book.sqlite)]);
}

export const keptRow = (r: RankedRow): KeptRowIn => [r.row.customerId, r.key, JSON.stringify(r.row)];

/**
 * The rows to keep of the whole worklist as of D (worked out on the report worker for a big book),
 * in customer id order: written in that order, each chunk appends to the end of the table (a few
 * pages to the WAL) instead of touching a page of every part of it (in any other order a 1,000-row
 * chunk rewrote up to ~1,000 pages, a checkpoint nearly every chunk, on the window's thread).
 */
export async function worklistRowsToKeep(book: Book, asOf: string): Promise<KeptRowIn[]> {
  return (await worklistRowsOf(book, asOf, null)).map(keptRow).sort((a, b) => a[0] - b[0]);
}

/** Whether the kept worklist is complete and for D under the settings now. */
export function keptWorklistIsFor(book: Book, asOf: string): boolean {
  const meta = keptWorklistMeta(book.sqlite);
  return !!meta && meta.ready === 1 && meta.asOf === asOf && meta.settings === worklistSettingsFingerprint(book);
}

/** The whole worklist as of D, in rank order. */
export async function keptWorklist(book: Book, asOf: string): Promise<WorklistRow[]> {
  return (await keptSlice(book, asOf, 0, null))?.rows ?? worklist(book, asOf);
}

export interface WorklistPageArgs {
  asOf: string;
  offset: number;
  limit: number;
}

/** Rows [offset, offset + limit) of the worklist as of D and how many rows it has. */
export async function worklistPage(book: Book, a: WorklistPageArgs): Promise<WorklistPage> {
  const kept = await keptSlice(book, a.asOf, a.offset, a.limit);
  if (kept) return { asOf: a.asOf, offset: a.offset, ...kept };
  // not kept for this date or these settings: worked out in full once (kept on the report worker
  // while the book is unchanged, list-cache.ts) and sliced
  const rows = await cachedList(book.sqlite, `worklist\u0000${a.asOf}`, () => worklist(book, a.asOf));
  return { asOf: a.asOf, offset: a.offset, total: rows.length, rows: rows.slice(a.offset, a.offset + a.limit) };
}

/** Rows [offset, offset + limit) (null: to the end) from the kept worklist; null when it is not kept for D. */
async function keptSlice(
  book: Book,
  asOf: string,
  offset: number,
  limit: number | null,
): Promise<{ total: number; rows: WorklistRow[] } | null> {
  const sqlite = book.sqlite;
  if (!keptWorklistIsFor(book, asOf)) return null;
  const parse = (json: string[]) => JSON.parse(`[${json.join(',')}]`) as WorklistRow[]; // one parse, not one per row
  const stale = staleWorklistCustomers(sqlite);
  const total = keptWorklistCount(sqlite);
  if (stale.length === 0) return { total, rows: parse(keptWorklistPage(sqlite, offset, limit ?? -1)) };
  // stale customers (a write the app did not make, until the next refresh): merged by rank key
  const fresh = (await worklistRowsOf(book, asOf, stale)).sort(byRank);
  const kept = keptWorklistHead(sqlite, limit === null ? -1 : offset + limit);
  const end = Math.min(kept.length + fresh.length, limit === null ? Infinity : offset + limit);
  const json: string[] = [];
  for (let i = 0, j = 0, n = 0; n < end; n++) {
    const fromKept = j >= fresh.length || (i < kept.length && kept[i][0] < fresh[j].key);
    const row = fromKept ? kept[i++][1] : fresh[j].row;
    if (!fromKept) j++;
    if (n >= offset) json.push(typeof row === 'string' ? row : JSON.stringify(row));
  }
  return { total: total + fresh.length, rows: parse(json) };
}
