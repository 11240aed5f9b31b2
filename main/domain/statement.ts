// Customer statement (对账单), SPEC §2: opening balance (every document dated before `from`),
// the period's documents in date order with a running balance, the closing balance in words,
// and the ageing and open items of the closing position as of `to`.
import type { Fen } from '../../shared/money';
import { capitalAmount } from '../../shared/capital-amount';
import { assertDate, type IsoDate } from './dates';
import {
  assertBucketSet,
  bucketize,
  defaultBuckets,
  positionAsOf,
  type AgeingBasis,
  type BucketSet,
  type Ledger,
  type OpenItem,
} from './ageing';

export type StatementLineKind = 'invoice' | 'receipt' | 'credit_note' | 'write_off';

export interface StatementLine {
  date: IsoDate;
  kind: StatementLineKind;
  number: string;
  debit: Fen;
  credit: Fen;
  balance: Fen;
}

export interface Statement {
  customerCode: string;
  from: IsoDate;
  to: IsoDate;
  opening: Fen;
  lines: StatementLine[];
  closing: Fen;
  closingInWords: string;
  /** Ageing of the closing position as of `to`; Σ buckets + unapplied = total = closing. */
  ageing: { buckets: Record<string, Fen>; unapplied: Fen; total: Fen };
  openItems: OpenItem[];
}

export interface StatementInput extends Ledger {
  customerCode: string;
  from: IsoDate;
  to: IsoDate;
  basis?: AgeingBasis;
  bucketSet?: BucketSet;
}

interface Entry {
  date: IsoDate;
  kind: StatementLineKind;
  number: string;
  debit: Fen;
  credit: Fen;
  seq: number | undefined;
  order: number;
}

const KIND_ORDER: Record<StatementLineKind, number> = { invoice: 0, receipt: 1, credit_note: 2, write_off: 3 };

/**
 * Same-day documents follow entry order: `seq` (a book-wide entry counter) when given;
 * documents without one come after, invoices before receipts before credit notes before
 * write-offs, each in the order passed.
 */
function compareEntries(a: Entry, b: Entry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const sa = a.seq ?? Number.POSITIVE_INFINITY;
  const sb = b.seq ?? Number.POSITIVE_INFINITY;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  return a.order - b.order;
}

/** Pass only the one customer's documents. */
export function buildStatement(input: StatementInput): Statement {
  const { from, to } = input;
  assertDate(from, 'from');
  assertDate(to, 'to');
  if (from > to) throw new RangeError(`statement period: from ${from} is after to ${to}`);
  const basis = input.basis ?? 'due';
  const set = input.bucketSet ?? defaultBuckets(basis);
  assertBucketSet(set);

  const entries: Entry[] = [];
  let order = 0;
  const add = (date: IsoDate, kind: StatementLineKind, number: string, debit: Fen, credit: Fen, seq?: number): void => {
    entries.push({ date, kind, number, debit, credit, seq, order: order++ });
  };
  for (const i of input.invoices) add(i.issueDate, 'invoice', i.number, i.amount, 0, i.seq);
  for (const r of input.receipts) add(r.date, 'receipt', r.number ?? String(r.id), 0, r.amount, r.seq);
  for (const c of input.creditNotes ?? []) add(c.date, 'credit_note', c.number, 0, c.amount, c.seq);
  for (const w of input.writeOffs ?? []) add(w.date, 'write_off', w.number ?? String(w.id), 0, w.amount, w.seq);
  entries.sort(compareEntries);

  let opening = 0;
  let balance = 0;
  const lines: StatementLine[] = [];
  for (const e of entries) {
    if (e.date > to) break;
    balance += e.debit - e.credit;
    if (e.date < from) opening = balance;
    else lines.push({ date: e.date, kind: e.kind, number: e.number, debit: e.debit, credit: e.credit, balance });
  }
  const closing = balance;

  const pos = positionAsOf(input, to);
  return {
    customerCode: input.customerCode,
    from,
    to,
    opening,
    lines,
    closing,
    closingInWords: capitalAmount(closing),
    ageing: { buckets: bucketize(pos.openItems, basis, set), unapplied: pos.unapplied, total: pos.total },
    openItems: pos.openItems,
  };
}
