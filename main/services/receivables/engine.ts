// Synchronous receivables engine on the book connection: applies receipts by the SPEC rule
// (domain/allocation.ts), reverses allocations, keeps open amounts and per-day totals. Runs
// inside the caller's transaction.
import type Database from 'better-sqlite3';
import { SequentialApplier } from '../../domain/allocation';
import { maxDate } from '../../domain/dates';
import { openInvoicesOf, type OpenInvoiceRow } from '../../db/receivables/as-of';
import {
  bumpDaily,
  insertAllocation,
  netAllocationsOf,
  refreshCredit,
  refreshInvoice,
  setInvoicePaid,
  setInvoiceState,
  setReceiptApplied,
} from '../../db/receivables/writes';

type Sqlite = Database.Database;

export interface NewReceipt {
  id: number;
  customerId: number;
  date: string;
  amount: number;
  namedInvoiceId: number | null;
}

/** Open invoices of one customer, kept in memory while several receipts apply (imports, demo). */
export class CustomerInvoices {
  readonly applier: SequentialApplier<OpenInvoiceRow>;
  readonly touched = new Set<number>();
  /** Earliest date of the allocations planned for each touched invoice (its paid_from, at the latest). */
  readonly paidFrom = new Map<number, string>();
  /** `owned`: the rows are this object's to change (read for it alone), no copy needed. */
  constructor(rows: OpenInvoiceRow[], owned = false) {
    this.applier = new SequentialApplier(owned ? rows : rows.map((r) => ({ ...r })));
  }
  get byId(): Map<number, OpenInvoiceRow> {
    return this.applier.byId;
  }
  static load(sqlite: Sqlite, customerId: number): CustomerInvoices {
    return new CustomerInvoices(openInvoicesOf(sqlite, customerId));
  }
  /** Marks an invoice for flush() with an allocation dated `date`. */
  touch(id: number, date: string): void {
    this.touched.add(id);
    const from = this.paidFrom.get(id);
    if (from === undefined || date < from) this.paidFrom.set(id, date);
  }
  /**
   * Writes open_amount / settled_on of every invoice touched, and moves its paid_from back to its
   * earliest new allocation in the same row write (an import pauses the allocations trigger).
   */
  flush(sqlite: Sqlite): void {
    for (const id of this.touched) {
      const r = this.byId.get(id)!;
      const settledOn = r.open === 0 ? r.last : null;
      const from = this.paidFrom.get(id);
      if (from === undefined) setInvoiceState(sqlite, id, r.open, settledOn);
      else setInvoicePaid(sqlite, id, r.open, settledOn, from);
    }
    this.touched.clear();
    this.paidFrom.clear();
  }
}

export interface Applied {
  allocations: { invoiceId: number; amount: number; date: string; kind: string }[];
  unapplied: number;
  /** Date the receipt became fully applied (null while some is unapplied). */
  appliedOn: string | null;
}

/**
 * The SPEC rule, in memory: named invoice first, then open invoices issued on or before the
 * receipt date by oldest due date (ties: issue date, number). Updates `open` in place.
 */
export function planReceipt(open: CustomerInvoices, r: Omit<NewReceipt, 'id' | 'customerId'>): Applied {
  const res = open.applier.apply({ id: 0, date: r.date, amount: r.amount, namedInvoiceId: r.namedInvoiceId });
  let last: string | null = null;
  const allocations = res.allocations.map((a) => {
    const inv = open.byId.get(a.invoiceId as number)!; // its open amount is already lowered
    inv.last = inv.last === null ? a.date : maxDate(inv.last, a.date);
    open.touch(inv.id, a.date);
    last = last === null ? a.date : maxDate(last, a.date);
    return {
      invoiceId: inv.id,
      amount: a.amount,
      date: a.date,
      kind: a.invoiceId === r.namedInvoiceId ? 'named' : 'auto',
    };
  });
  return { allocations, unapplied: res.unapplied, appliedOn: res.unapplied === 0 ? (last ?? r.date) : null };
}

/** Applies a receipt already inserted (unapplied = amount) and stores the result. Returns allocation ids. */
export function applyStoredReceipt(sqlite: Sqlite, r: NewReceipt, now: string): number[] {
  const open = CustomerInvoices.load(sqlite, r.customerId);
  const plan = planReceipt(open, r);
  const ids = plan.allocations.map((a) =>
    insertAllocation(sqlite, {
      invoice_id: a.invoiceId,
      receipt_id: r.id,
      credit_note_id: null,
      write_off_id: null,
      amount: a.amount,
      date: a.date,
      kind: a.kind,
      created_at: now,
    }),
  );
  open.flush(sqlite);
  setReceiptApplied(sqlite, r.id, plan.unapplied, plan.appliedOn);
  for (const a of plan.allocations) if (a.date !== r.date) bumpDaily(sqlite, a.date, {});
  return ids;
}

type Source = 'receipt_id' | 'credit_note_id' | 'write_off_id' | 'invoice_id';

/**
 * Reverses every net allocation of a document (void): one negative row per (invoice, source,
 * date) with the same effective date, so the document nets to zero on every date and the past
 * stays rebuildable. Refreshes the invoices and credits touched.
 */
export function reverseAllocations(
  sqlite: Sqlite,
  source: Source,
  id: number,
  now: string,
): { invoices: number[]; receipts: number[]; creditNotes: number[] } {
  const groups = netAllocationsOf(sqlite, source, id);
  const invoices = new Set<number>();
  const receipts = new Set<number>();
  const creditNotes = new Set<number>();
  for (const g of groups) {
    insertAllocation(sqlite, {
      invoice_id: g.inv,
      receipt_id: g.rec,
      credit_note_id: g.cn,
      write_off_id: g.wo,
      amount: -g.amount,
      date: g.date,
      kind: 'void',
      created_at: now,
    });
    invoices.add(g.inv);
    if (g.rec !== null) receipts.add(g.rec);
    if (g.cn !== null) creditNotes.add(g.cn);
  }
  return { invoices: [...invoices], receipts: [...receipts], creditNotes: [...creditNotes] };
}

export function refreshAll(sqlite: Sqlite, t: { invoices: number[]; receipts: number[]; creditNotes: number[] }): void {
  for (const i of t.invoices) refreshInvoice(sqlite, i);
  for (const r of t.receipts) refreshCredit(sqlite, 'receipts', r);
  for (const c of t.creditNotes) refreshCredit(sqlite, 'credit_notes', c);
}
