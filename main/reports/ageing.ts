// The ageing computation itself (synchronous, on one better-sqlite3 connection), shared by the
// main thread (small books, single customers) and the report worker (main/workers): the result
// is produced as columns (typed arrays + two string arrays) so a 100,000-customer report crosses
// from the worker as a few transferable buffers, and the main thread turns it into rows in
// slices without blocking the window.
// "As of" a date on or after the latest document uses the kept open amounts (open-invoice index
// only); an earlier date is rebuilt from allocation rows (see main/db/receivables/as-of.ts).
import type Database from 'better-sqlite3';
import { fenToDecimal, mulDivRound } from '../../shared/money';
import { defaultBuckets, type BucketSet } from '../domain/ageing';
import {
  bucketSumsAsOf,
  bucketSumsCurrent,
  creditsAsOf,
  creditsCurrent,
  latestDate,
  type DateRange,
} from '../db/receivables/as-of';
import { customerDirectory, customerDirectoryOf } from '../db/receivables/directory';
import { documentsAfter, ledgerBalance, notesHeld } from '../db/receivables/tie-out';
import type {
  AgeingBucketDef,
  AgeingReportOut,
  AgeingReportRow,
  AgeingReportWire,
  TieOutOut,
} from '../../shared/types-receivables';
import { ageingRowAt } from '../../shared/ipc/wire';
import { addDays } from '../domain/dates';

/** Inclusive date ranges on the basis column, one per bucket (days d ⇔ date = asOf − d). */
export function bucketRanges(asOf: string, set: BucketSet): DateRange[] {
  return set.map((b) => ({
    lo: b.to === null ? '0000-00-00' : addDays(asOf, -b.to),
    hi: b.from === null ? '9999-99-99' : addDays(asOf, -b.from),
  }));
}

/** True when the kept open amounts are the position as of `asOf`. */
export function isCurrent(sqlite: Database.Database, asOf: string): boolean {
  const latest = latestDate(sqlite);
  return latest === null || asOf >= latest;
}

/** Customers in code order (rank r), with the rank of each customer id (-1: none). */
export interface RankedCustomers {
  rankById: Int32Array;
  id: ArrayLike<number>;
  limit: ArrayLike<number>;
}

/** An ageing report as columns: row r is customer r (in code order) of the report. */
export interface AgeingColumns {
  asOf: string;
  basis: 'due' | 'issue';
  buckets: AgeingBucketDef[];
  method: 'current' | 'as_of';
  keys: string[];
  customerId: Float64Array;
  code: string[];
  name: string[];
  /** each row's place in the customer directory (code order), and the directory's revision:
   *  the report worker sends these instead of the strings (report-client keeps the directory) */
  rank: Int32Array;
  dirRev: number;
  /** rows × keys.length bucket amounts, row-major */
  cells: Float64Array;
  unapplied: Float64Array;
  total: Float64Array;
  creditLimit: Float64Array;
  /** NaN for "no limit" (null in the report) */
  limitUsedBp: Float64Array;
  totals: { buckets: Record<string, number>; unapplied: number; total: number };
  /** time spent computing (ms) */
  ms: number;
}

export function computeAgeingColumns(
  sqlite: Database.Database,
  asOf: string,
  basis: 'due' | 'issue',
  set: BucketSet,
  /** names: 'rows' reads only the report's customers (one-off readers: rank and dirRev then
   *  refer to that partial directory, not to the cached one the report worker shares);
   *  directory: the caller's, by rank, without strings (code and name then stay empty, and the
   *  caller writes them from its own directory by rank; dirRev is -1) */
  opts: { rebuild?: boolean; customerId?: number; names?: 'directory' | 'rows'; directory?: RankedCustomers } = {},
): AgeingColumns {
  const t0 = performance.now();
  const current = !opts.rebuild && isCurrent(sqlite, asOf);
  const ranges = bucketRanges(asOf, set);
  const sums = current
    ? bucketSumsCurrent(sqlite, basis, ranges, opts.customerId)
    : bucketSumsAsOf(sqlite, asOf, basis, ranges, opts.customerId);
  const credits = current ? creditsCurrent(sqlite, opts.customerId) : creditsAsOf(sqlite, asOf, opts.customerId);
  const keys = set.map((b) => b.key);
  const n = keys.length;
  const dir: RankedCustomers & { rev?: number; code?: string[]; name?: string[] } =
    opts.directory ??
    (opts.names === 'rows'
      ? customerDirectoryOf(sqlite, new Set([...sums.cid, ...credits.map((c) => c.cid)]))
      : customerDirectory(sqlite));
  const size = dir.id.length;
  const rankById = dir.rankById;
  const rankOf = (cid: number) => (cid >= 0 && cid < rankById.length ? rankById[cid] : -1);
  // by rank (code order): the customer's row in `sums` and its unapplied credit
  const slot = new Int32Array(size).fill(-1);
  const credit = new Float64Array(size);
  for (let j = 0; j < sums.cid.length; j++) {
    const r = rankOf(sums.cid[j]);
    if (r < 0) continue;
    slot[r] = j;
    credit[r] += sums.neg[j];
  }
  for (const c of credits) {
    const r = rankOf(c.cid);
    if (r >= 0) credit[r] -= c.credit;
  }
  // one pass over the ranks, rows written as found (a fresh process optimises each loop late:
  // fewer passes cost less than a list of the ranks to visit first)
  const acc = sums.cells;
  // at most a row per customer with sums or credit (one customer's report: a row or none)
  const most = Math.min(size, sums.cid.length + credits.length);
  const customerId = new Float64Array(most);
  const rank = new Int32Array(most);
  const code: string[] = [];
  const name: string[] = [];
  const cells = new Float64Array(most * n);
  const unapplied = new Float64Array(most);
  const total = new Float64Array(most);
  const creditLimit = new Float64Array(most);
  const limitUsedBp = new Float64Array(most);
  const tb = new Array<number>(n).fill(0);
  let tu = 0;
  let tt = 0;
  let out = 0;
  for (let r = 0; r < size; r++) {
    const s = slot[r];
    const u = credit[r];
    if (s < 0 && u === 0) continue;
    let sum = 0;
    let nonZero = u !== 0;
    for (let k = 0; k < n; k++) {
      const v = s < 0 ? 0 : acc[s * n + k];
      cells[out * n + k] = v;
      sum += v;
      if (v !== 0) nonZero = true;
    }
    if (!nonZero) continue;
    for (let k = 0; k < n; k++) tb[k] += cells[out * n + k];
    const t = sum + u;
    tu += u;
    tt += t;
    const limit = dir.limit[r];
    customerId[out] = dir.id[r];
    rank[out] = r;
    if (dir.code && dir.name) {
      code.push(dir.code[r]);
      name.push(dir.name[r]);
    }
    unapplied[out] = u === 0 ? 0 : u;
    total[out] = t;
    creditLimit[out] = limit;
    limitUsedBp[out] = limit > 0 ? mulDivRound(t, 10_000, limit) : NaN;
    out++;
  }
  const totals = {
    buckets: Object.fromEntries(keys.map((k, i) => [k, tb[i]])) as Record<string, number>,
    unapplied: tu,
    total: tt,
  };
  return {
    asOf,
    basis,
    buckets: set.map((b) => ({ key: b.key, from: b.from, to: b.to })),
    method: current ? 'current' : 'as_of',
    keys,
    customerId: customerId.subarray(0, out).slice(),
    code,
    name,
    rank: rank.subarray(0, out).slice(),
    dirRev: dir.rev ?? -1,
    cells: cells.subarray(0, out * n).slice(),
    unapplied: unapplied.subarray(0, out).slice(),
    total: total.subarray(0, out).slice(),
    creditLimit: creditLimit.subarray(0, out).slice(),
    limitUsedBp: limitUsedBp.subarray(0, out).slice(),
    totals,
    ms: performance.now() - t0,
  };
}

/** The buffers a worker hands over (transferred, not copied). */
export function columnBuffers(c: AgeingColumns): ArrayBuffer[] {
  return [c.customerId, c.rank, c.cells, c.unapplied, c.total, c.creditLimit, c.limitUsedBp].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

export function rowAt(c: AgeingColumns, i: number): AgeingReportRow {
  return ageingRowAt(c, c.keys, i);
}

function reportOf(c: AgeingColumns, rows: AgeingReportRow[], ms: number): AgeingReportOut {
  return {
    asOf: c.asOf,
    basis: c.basis,
    currency: 'CNY',
    buckets: c.buckets,
    rows,
    totals: c.totals,
    method: c.method,
    ms: Math.round(ms),
  };
}

/** The columns as `ageing:report` carries them over IPC: the worker's typed arrays themselves. */
export function columnsToWire(c: AgeingColumns, ms: number): AgeingReportWire {
  const { rows: _none, ...head } = reportOf(c, [], ms);
  const { customerId, code, name, cells, unapplied, total, creditLimit, limitUsedBp } = c;
  return { ...head, columns: { customerId, code, name, cells, unapplied, total, creditLimit, limitUsedBp } };
}

export function columnsToReport(c: AgeingColumns): AgeingReportOut {
  const rows: AgeingReportRow[] = new Array(c.code.length);
  for (let i = 0; i < rows.length; i++) rows[i] = rowAt(c, i);
  return reportOf(c, rows, c.ms);
}

const SLICE_ROWS = 4000;

/**
 * The same rows, built in slices with a turn of the event loop between them, so turning a
 * 100,000-customer report into objects never holds the main thread for long.
 */
export async function columnsToReportSliced(c: AgeingColumns, startedAt: number): Promise<AgeingReportOut> {
  const m = c.code.length;
  const rows: AgeingReportRow[] = new Array(m);
  for (let i = 0; i < m;) {
    const end = Math.min(m, i + SLICE_ROWS);
    for (; i < end; i++) rows[i] = rowAt(c, i);
    if (i < m) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return reportOf(c, rows, performance.now() - startedAt);
}

export function computeAgeing(
  sqlite: Database.Database,
  asOf: string,
  basis: 'due' | 'issue',
  set: BucketSet,
  opts: { rebuild?: boolean; customerId?: number } = {},
): AgeingReportOut {
  return columnsToReport(computeAgeingColumns(sqlite, asOf, basis, set, opts));
}

/** Ageing total against the ledger balance as of D, with the differences explained. */
export function computeTieOut(sqlite: Database.Database, asOf: string): TieOutOut {
  const rep = computeAgeingColumns(sqlite, asOf, 'due', defaultBuckets('due'));
  const aged = Object.values(rep.totals.buckets).reduce((s, v) => s + v, 0);
  const ledger = ledgerBalance(sqlite, asOf);
  const after = documentsAfter(sqlite, asOf);
  const notes = notesHeld(sqlite, asOf);
  const difference = rep.totals.total - ledger;
  const explanation = [
    `aged open invoices ${fenToDecimal(aged)} + unapplied credits ${fenToDecimal(rep.totals.unapplied)} = ageing total ${fenToDecimal(rep.totals.total)}`,
    `receivables ledger balance on ${asOf}: ${fenToDecimal(ledger)} (difference ${fenToDecimal(difference)})`,
    `unapplied credits (预收/未核销) are not aged: they explain ${fenToDecimal(-rep.totals.unapplied)} between the aged invoices and the ledger balance`,
    `notes receivable held on ${asOf} (应收票据, a separate account, not aged): ${notes.count} for ${fenToDecimal(notes.amount)}`,
    `documents dated after ${asOf} are not part of this position: ${after.invoices} invoices ${fenToDecimal(after.invoiced)}, ${after.receipts} receipts ${fenToDecimal(after.received)}, credit notes ${fenToDecimal(after.credited)}, write-offs ${fenToDecimal(after.writtenOff)}`,
  ];
  return {
    asOf,
    agedInvoices: aged,
    unapplied: rep.totals.unapplied,
    ageingTotal: rep.totals.total,
    ledgerBalance: ledger,
    difference,
    notesReceivable: notes,
    documentsAfter: after,
    explanation,
  };
}
