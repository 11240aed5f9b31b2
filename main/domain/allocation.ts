// Payment application (核销), SPEC §2. Receipts apply in the order they are entered. A receipt
// that names an invoice pays it first (up to its open amount); the rest goes to open invoices
// issued on or before the receipt date, oldest due date first (ties: older issue date, then the
// lower invoice number compared naturally, INV-2 < INV-10); what is left stays unapplied.
//
// Every allocation is a row {receiptId, invoiceId, amount, date}. `date` is the day the
// allocation takes effect, so "as of D" views can be rebuilt from the rows alone:
//  - automatic: max(receipt date, invoice issue date) — the receipt date, except for a named
//    invoice issued after the receipt, which cannot be paid before it exists;
//  - by hand: max(the day the user applied it, receipt date, invoice issue date);
//  - un-applying writes a reversing row (negative amount) dated the day it is undone, instead of
//    deleting history.
import type { Fen } from '../../shared/money';
import { assertDate, maxDate, type IsoDate } from './dates';

export type Id = string | number;

export interface OpenInvoice {
  id: Id;
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  /** Amount still open now (after earlier receipts, credit notes and write-offs). */
  open: Fen;
}

export interface AllocInvoice {
  id: Id;
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amount: Fen;
  /** Already taken off by credit notes / write-offs (default 0). */
  reduced?: Fen;
}

export interface AllocReceipt {
  id: Id;
  date: IsoDate;
  amount: Fen;
  namedInvoiceId?: Id | null;
}

export interface Allocation {
  receiptId: Id;
  invoiceId: Id;
  /** Positive to apply; negative for a reversal (un-apply). */
  amount: Fen;
  /** Day the allocation takes effect. */
  date: IsoDate;
}

export interface ApplyResult {
  allocations: Allocation[];
  /** Part of the receipt left unapplied (≥ 0). */
  unapplied: Fen;
  /** The invoices with their open amounts after this receipt (same order as given). */
  invoices: OpenInvoice[];
}

function assertPositiveFen(v: Fen, field: string, allowZero = true): void {
  if (!Number.isSafeInteger(v) || v < 0 || (!allowZero && v === 0)) {
    throw new RangeError(`${field} must be a ${allowZero ? 'non-negative' : 'positive'} integer of fen, got ${v}`);
  }
}

/** Natural order of document numbers: digit runs compare as numbers (INV-2 < INV-10). */
export function naturalCompare(a: string, b: string): number {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  let padding = 0; // 2 vs 02: equal value, decided only if nothing else differs
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i];
    const y = rb[i];
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      // Compare digit strings by value without Number() so long numbers stay exact.
      const tx = x.replace(/^0+(?=\d)/, '');
      const ty = y.replace(/^0+(?=\d)/, '');
      if (tx.length !== ty.length) return tx.length < ty.length ? -1 : 1;
      if (tx !== ty) return tx < ty ? -1 : 1;
      if (padding === 0 && x.length !== y.length) padding = x.length < y.length ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (ra.length !== rb.length) return ra.length < rb.length ? -1 : 1;
  return padding;
}

/** Order in which open invoices receive the remainder of a receipt. */
export function compareForApplication(
  a: Pick<OpenInvoice, 'dueDate' | 'issueDate' | 'number'>,
  b: Pick<OpenInvoice, 'dueDate' | 'issueDate' | 'number'>,
): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? -1 : 1;
  return naturalCompare(a.number, b.number);
}

/** Pays `inv` what it can of the receipt's `left` (lowering its open amount, recording the
 *  allocation on the day it takes effect); returns what is left of the receipt. */
function payFrom(receipt: AllocReceipt, left: Fen, inv: OpenInvoice, allocations: Allocation[]): Fen {
  const amount = Math.min(left, inv.open);
  if (amount <= 0) return left;
  inv.open -= amount;
  allocations.push({ receiptId: receipt.id, invoiceId: inv.id, amount, date: maxDate(receipt.date, inv.issueDate) });
  return left - amount;
}

/**
 * Apply one receipt against the customer's invoices as they stand now (one at a time, as a
 * service does when the receipt is entered). Pure: the input is not changed.
 */
export function applyReceipt(openInvoices: readonly OpenInvoice[], receipt: AllocReceipt): ApplyResult {
  assertDate(receipt.date, 'receipt date');
  assertPositiveFen(receipt.amount, 'receipt amount');
  const invoices = openInvoices.map((inv) => {
    assertPositiveFen(inv.open, `open amount of ${inv.number}`);
    return { ...inv };
  });
  const allocations: Allocation[] = [];
  let left = receipt.amount;
  const pay = (inv: OpenInvoice): void => {
    left = payFrom(receipt, left, inv, allocations);
  };

  const hasName = receipt.namedInvoiceId !== undefined && receipt.namedInvoiceId !== null;
  const named = hasName ? invoices.find((i) => i.id === receipt.namedInvoiceId) : undefined;
  if (named) pay(named);

  const candidates = invoices
    .filter((i) => i !== named && i.open > 0 && i.issueDate <= receipt.date)
    .sort(compareForApplication);
  for (const inv of candidates) {
    if (left === 0) break;
    pay(inv);
  }
  return { allocations, unapplied: left, invoices };
}

/**
 * The same rule for many receipts of one customer in a row (imports): the open invoices are
 * sorted once, in application order, and each receipt walks them from the first still open, so
 * a receipt costs the invoices it pays (plus those issued after it), not a copy and a sort of
 * every open invoice. Owns its invoices and changes their `open` in place. Receipts must be
 * valid (dates, positive fen): callers have checked them.
 */
export class SequentialApplier<I extends OpenInvoice = OpenInvoice> {
  private readonly sorted: I[];
  private head = 0;
  /** the invoices by id (callers may lower `open`, e.g. a credit note between receipts) */
  readonly byId = new Map<I['id'], I>();

  constructor(invoices: Iterable<I>) {
    this.sorted = [...invoices].sort(compareForApplication);
    for (const inv of this.sorted) this.byId.set(inv.id, inv);
  }

  apply(receipt: AllocReceipt): { allocations: Allocation[]; unapplied: Fen } {
    const allocations: Allocation[] = [];
    let left = receipt.amount;
    const pay = (inv: I): void => {
      left = payFrom(receipt, left, inv, allocations);
    };
    const hasName = receipt.namedInvoiceId !== undefined && receipt.namedInvoiceId !== null;
    const named = hasName ? this.byId.get(receipt.namedInvoiceId!) : undefined;
    if (named && named.open > 0) pay(named);
    while (this.head < this.sorted.length && this.sorted[this.head].open <= 0) this.head++;
    for (let i = this.head; i < this.sorted.length && left > 0; i++) {
      const inv = this.sorted[i];
      if (inv !== named && inv.open > 0 && inv.issueDate <= receipt.date) pay(inv);
    }
    return { allocations, unapplied: left };
  }
}

export interface AllocateResult {
  allocations: Allocation[];
  /** One entry per receipt, in the order given. */
  unapplied: { receiptId: Id; amount: Fen }[];
  /** Invoices with their open amounts after all receipts. */
  invoices: OpenInvoice[];
}

/**
 * Apply a customer's receipts in entry order (the order of the array) from scratch. Credit
 * notes and write-offs are taken as already reducing the invoices (`reduced`); a book whose
 * history interleaves them with receipts keeps its stored allocation rows instead.
 */
export function allocateReceipts(invoices: readonly AllocInvoice[], receipts: readonly AllocReceipt[]): AllocateResult {
  let open: OpenInvoice[] = invoices.map((inv) => {
    assertPositiveFen(inv.amount, `amount of ${inv.number}`);
    const reduced = inv.reduced ?? 0;
    assertPositiveFen(reduced, `reduced amount of ${inv.number}`);
    return {
      id: inv.id,
      number: inv.number,
      issueDate: inv.issueDate,
      dueDate: inv.dueDate,
      open: Math.max(0, inv.amount - reduced),
    };
  });
  const allocations: Allocation[] = [];
  const unapplied: { receiptId: Id; amount: Fen }[] = [];
  for (const r of receipts) {
    const res = applyReceipt(open, r);
    open = res.invoices;
    allocations.push(...res.allocations);
    unapplied.push({ receiptId: r.id, amount: res.unapplied });
  }
  return { allocations, unapplied, invoices: open };
}

/** Net amount allocated from a receipt (all rows, or those effective on or before `asOf`). */
export function allocatedFromReceipt(receiptId: Id, allocations: readonly Allocation[], asOf?: IsoDate): Fen {
  let sum = 0;
  for (const a of allocations) if (a.receiptId === receiptId && (asOf === undefined || a.date <= asOf)) sum += a.amount;
  return sum;
}

/** Net amount allocated to an invoice (all rows, or those effective on or before `asOf`). */
export function allocatedToInvoice(invoiceId: Id, allocations: readonly Allocation[], asOf?: IsoDate): Fen {
  let sum = 0;
  for (const a of allocations) if (a.invoiceId === invoiceId && (asOf === undefined || a.date <= asOf)) sum += a.amount;
  return sum;
}

/** What is still unapplied of a receipt now. */
export function receiptUnapplied(
  receipt: Pick<AllocReceipt, 'id' | 'amount'>,
  allocations: readonly Allocation[],
): Fen {
  return receipt.amount - allocatedFromReceipt(receipt.id, allocations);
}

/**
 * Apply an unapplied credit by hand to a chosen invoice. The amount defaults to (and may not
 * exceed) min(unapplied, open). `date` is the day the user applies it.
 */
export function applyManually(
  receipt: Pick<AllocReceipt, 'id' | 'date'> & { unapplied: Fen },
  invoice: OpenInvoice,
  date: IsoDate,
  amount?: Fen,
): Allocation {
  assertDate(date, 'application date');
  const max = Math.min(receipt.unapplied, invoice.open);
  const value = amount ?? max;
  assertPositiveFen(value, 'amount to apply', false);
  if (value > max) {
    throw new RangeError(
      `cannot apply ${value}: at most ${max} (unapplied ${receipt.unapplied}, open ${invoice.open})`,
    );
  }
  return {
    receiptId: receipt.id,
    invoiceId: invoice.id,
    amount: value,
    date: maxDate(date, receipt.date, invoice.issueDate),
  };
}

/**
 * Undo (part of) what a receipt applied to an invoice: a reversing row with a negative amount,
 * so the history stays. The amount defaults to everything still applied between the two.
 */
export function unapplyAllocation(
  allocations: readonly Allocation[],
  receiptId: Id,
  invoiceId: Id,
  date: IsoDate,
  amount?: Fen,
): Allocation {
  assertDate(date, 'date');
  let applied = 0;
  let latest: IsoDate | null = null;
  for (const a of allocations) {
    if (a.receiptId !== receiptId || a.invoiceId !== invoiceId) continue;
    applied += a.amount;
    if (latest === null || a.date > latest) latest = a.date;
  }
  const value = amount ?? applied;
  assertPositiveFen(value, 'amount to unapply', false);
  if (value > applied) throw new RangeError(`cannot unapply ${value}: only ${applied} is applied`);
  // A reversal cannot take effect before the allocation it reverses.
  return { receiptId, invoiceId, amount: -value, date: latest !== null && latest > date ? latest : date };
}
