// The credit overview's first visit, reading only what the page shows: one narrow integer scan of
// the kept credit facts (db/credit/overview-scan.ts) gives the counts and the candidates; codes
// and full rows are read for the listed customers alone. The whole-book columns (100,000 codes,
// grades and dates as strings) are never built. Exact or nothing: null whenever a shortcut's
// condition does not hold, and the caller takes the whole-book columns (credit-overview.ts).
import type Database from 'better-sqlite3';
import { mulDivRound } from '../../shared/money';
import { latestDate } from '../db/receivables/as-of';
import { withMappedReads } from '../db/mapped-reads';
import {
  customerCodes,
  customerCodesPlain,
  firstDueByCode,
  KEY_GRADES,
  scanOverviewColumns,
} from '../db/credit/overview-scan';
import { keptCreditColumnsFor, LOOKUPS_MAX } from '../db/credit/kept-facts';
import { firstReviewDayFrom, REVIEW_DAY } from '../domain/credit-review';
import { GRADES } from '../domain/credit-rules';
import { positionAt, reviewDue, type CreditPositionRow } from './credit';

/** A customer in a list: its id, the sort value (bp or due date) and, once read, its code. */
interface Pick {
  id: number;
  bp: number;
  code?: string;
}

export interface LeanLists {
  customers: number;
  /** rows as the page gets them; customerName is filled in by the caller */
  overLimit: (CreditPositionRow & { customerId: number; customerName: string })[];
  nearLimit: (CreditPositionRow & { customerId: number; customerName: string })[];
  reviewsDue: (CreditPositionRow & { customerId: number; customerName: string; overdue: boolean })[];
  grades: Map<string, number>;
  bandCount: number[];
}

/** The due number in a scan key of a kept row (even: not later-dated; overview-scan.ts KEY). */
const dueNoOf = (key: number) => Math.floor(key / 2 / KEY_GRADES);

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** The due date of a scan's due number (overview-scan.ts DUE_NO ≥ 1). */
function dueDate(dueNo: number, asOf: string): string {
  if (dueNo === 1) return firstReviewDayFrom(asOf);
  const idx = dueNo - 2;
  return `${pad(Math.floor(idx / 12), 4)}-${pad((idx % 12) + 1, 2)}-${pad(REVIEW_DAY, 2)}`;
}

/** Ties by code: codes are in plain order (customerCodesPlain), so string order is the collator's. */
const byCode = (a: Pick, b: Pick) => (a.code! < b.code! ? -1 : a.code! > b.code! ? 1 : 0);

/** The first `limit` picks by bp (high first) then code, reading codes for the cut's tie group and above only. */
function topByBp(sqlite: Database.Database, picks: Pick[], limit: number): Pick[] {
  picks.sort((a, b) => b.bp - a.bp);
  if (picks.length > limit) {
    const edge = picks[limit - 1].bp;
    let end = limit;
    while (end < picks.length && picks[end].bp === edge) end++;
    picks.length = end;
  }
  const codes = customerCodes(
    sqlite,
    picks.filter((p) => p.code === undefined).map((p) => p.id),
  );
  for (const p of picks) p.code ??= codes.get(p.id)!;
  return picks.sort((a, b) => b.bp - a.bp || byCode(a, b)).slice(0, limit);
}

export function leanOverviewLists(
  sqlite: Database.Database,
  asOf: string,
  opts: { nearBp: number; dueBy: string; listLimit: number; zeroIsNone: boolean },
): LeanLists | null {
  const latest = latestDate(sqlite);
  if (latest !== null && asOf < latest) return null; // the kept rows are "now": rebuild as of the date
  // one read transaction: the scan and the listed rows from the same state of the book; read
  // through a memory map (the first read of the kept rows after opening the book)
  return withMappedReads(sqlite, () => readLists(sqlite, asOf, opts));
}

function readLists(
  sqlite: Database.Database,
  asOf: string,
  opts: { nearBp: number; dueBy: string; listLimit: number; zeroIsNone: boolean },
): LeanLists | null {
  return sqlite.transaction(() => {
    const customers = customerCodesPlain(sqlite);
    if (!customers.plain) return null;
    const scan = scanOverviewColumns(sqlite, asOf);
    if (scan.n !== customers.count) return null;
    const laterIds: number[] = [];
    for (let i = 0; i < scan.n; i++) if (scan.key[i] & 1) laterIds.push(scan.id[i]);
    if (laterIds.length > LOOKUPS_MAX) return null;
    const later = keptCreditColumnsFor(sqlite, asOf, laterIds);

    const gradeCount = new Array<number>(KEY_GRADES).fill(0);
    const bandCount = [0, 0, 0, 0, 0];
    const over: Pick[] = [];
    const near: Pick[] = [];
    const byDueNo = new Map<number, number>();
    const limitUse = (id: number, exposure: number, limit: number, code?: string) => {
      if (limit === 0) return;
      const bp = mulDivRound(exposure, 10_000, limit);
      bandCount[bp < 5000 ? 0 : bp < 8000 ? 1 : bp < 9000 ? 2 : bp < 10_000 ? 3 : 4]++;
      if (bp > 10_000) over.push({ id, bp, code });
      else if (bp >= opts.nearBp) near.push({ id, bp, code });
    };
    for (let i = 0; i < scan.n; i++) {
      const key = scan.key[i];
      if (key & 1) continue;
      gradeCount[(key / 2) % KEY_GRADES]++;
      const dueNo = dueNoOf(key);
      if (dueNo > 0) byDueNo.set(dueNo, (byDueNo.get(dueNo) ?? 0) + 1);
      limitUse(scan.id[i], scan.exposure[i], scan.limit[i]);
    }
    const grades = new Map<string, number>(GRADES.map((g, k) => [g, gradeCount[k + 1]]));
    // the later-dated customers, from their straightforward facts
    const laterDue: { id: number; due: string; code: string }[] = [];
    for (let j = 0; j < later.n; j++) {
      const r = later.rating[j];
      if (r !== null && grades.has(r)) grades.set(r, grades.get(r)! + 1);
      limitUse(later.id[j], later.exposure[j], later.limit[j], later.code[j]);
      const due = reviewDue(later.creditClass[j], later.lastReportOn[j], later.classSetOn[j], asOf, undefined);
      if (due !== null) laterDue.push({ id: later.id[j], due, code: later.code[j] });
    }

    const listed = (picks: Pick[]) => picks.map((p) => p.id);
    const overIds = listed(topByBp(sqlite, over, opts.listLimit));
    const nearIds = listed(topByBp(sqlite, near, opts.listLimit));
    const due = reviewsDue(sqlite, asOf, opts, scan, byDueNo, laterDue);

    const ids = [...overIds, ...nearIds, ...due.map((d) => d.id)];
    const cols = keptCreditColumnsFor(sqlite, asOf, ids);
    const dueCache = new Map<string, string | null>();
    const rowAt = (k: number) => ({
      ...positionAt(cols, k, asOf, opts.zeroIsNone, dueCache),
      customerId: cols.id[k],
      customerName: '',
    });
    const nOver = overIds.length;
    const nNear = nearIds.length;
    return {
      customers: scan.n,
      overLimit: overIds.map((_, k) => rowAt(k)),
      nearLimit: nearIds.map((_, k) => rowAt(nOver + k)),
      reviewsDue: due.map((d, k) => ({ ...rowAt(nOver + nNear + k), overdue: d.due < asOf })),
      grades,
      bandCount,
    };
  })();
}

/**
 * Reports due by `dueBy`, by due date then code, cut at the list limit: whole due dates before
 * the cut have their customers' codes read by id; the date the cut falls in is read in code order
 * from the index (firstDueByCode), as far as the cut.
 */
function reviewsDue(
  sqlite: Database.Database,
  asOf: string,
  opts: { dueBy: string; listLimit: number },
  scan: { n: number; id: ArrayLike<number>; key: ArrayLike<number> },
  byDueNo: Map<number, number>,
  laterDue: { id: number; due: string; code: string }[],
): { id: number; due: string }[] {
  // due numbers and later-dated customers grouped by due date (two numbers may give one date)
  const dates = new Map<string, { dueNos: number[]; count: number; later: { id: number; code: string }[] }>();
  const group = (date: string) => {
    let g = dates.get(date);
    if (!g) dates.set(date, (g = { dueNos: [], count: 0, later: [] }));
    return g;
  };
  for (const [dueNo, count] of byDueNo) {
    const date = dueDate(dueNo, asOf);
    if (date > opts.dueBy) continue;
    const g = group(date);
    g.dueNos.push(dueNo);
    g.count += count;
  }
  for (const l of laterDue) {
    if (l.due > opts.dueBy) continue;
    const g = group(l.due);
    g.later.push(l);
    g.count++;
  }
  const out: { id: number; due: string }[] = [];
  const whole = new Set<number>(); // due numbers listed in full
  const order = [...dates.keys()].sort();
  let k = 0;
  for (let room = opts.listLimit; k < order.length && dates.get(order[k])!.count <= room; k++) {
    room -= dates.get(order[k])!.count;
    for (const n of dates.get(order[k])!.dueNos) whole.add(n);
  }
  // whole dates: every customer's id, then codes by id
  const picked = new Map<string, Pick[]>();
  if (whole.size > 0)
    for (let i = 0; i < scan.n; i++) {
      const key = scan.key[i];
      if (key & 1) continue;
      const dueNo = dueNoOf(key);
      if (!whole.has(dueNo)) continue;
      const date = dueDate(dueNo, asOf);
      (picked.get(date) ?? picked.set(date, []).get(date)!).push({ id: scan.id[i], bp: 0 });
    }
  const codes = customerCodes(
    sqlite,
    [...picked.values()].flat().map((p) => p.id),
  );
  const take = (date: string, picks: Pick[], limit: number) => {
    picks.push(...dates.get(date)!.later.map((l) => ({ id: l.id, bp: 0, code: l.code })));
    for (const p of picks) p.code ??= codes.get(p.id);
    for (const p of picks.sort(byCode).slice(0, limit)) out.push({ id: p.id, due: date });
  };
  for (const date of order.slice(0, k)) take(date, picked.get(date) ?? [], Infinity);
  // the date the cut falls in: only as many as fit, in code order
  if (k < order.length && out.length < opts.listLimit) {
    const room = opts.listLimit - out.length;
    const g = dates.get(order[k])!;
    const firsts = g.dueNos.flatMap((n) =>
      firstDueByCode(sqlite, asOf, n, room).map(([id, code]) => ({ id, bp: 0, code })),
    );
    take(order[k], firsts, room);
  }
  return out;
}
