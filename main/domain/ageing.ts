// Ageing (账龄分析), SPEC §2. Everything is computed "as of D": documents dated after D do not
// exist, an allocation exists from its effective date (see allocation.ts). The customer's
// position as of D always equals the ledger balance
//   Σ invoices − Σ receipts − Σ credit notes − Σ write-offs (all dated ≤ D)
// split into open invoice amounts (aged into buckets) and unapplied credit (not aged, negative).
import type { Fen } from '../../shared/money';
import { assertDate, daysBetween, maxDate, type IsoDate } from './dates';
import { compareForApplication, type Allocation, type Id } from './allocation';

// ---------------------------------------------------------------------------------------------
// Documents

export interface ArInvoice {
  id: Id;
  customerId: Id;
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amount: Fen;
  /** Book-wide entry sequence (orders same-day lines on statements). */
  seq?: number;
}

export interface ArReceipt {
  id: Id;
  customerId: Id;
  /** Receipt number or reference shown on statements. */
  number?: string;
  date: IsoDate;
  amount: Fen;
  seq?: number;
}

export interface ArCreditNote {
  id: Id;
  customerId: Id;
  number: string;
  date: IsoDate;
  amount: Fen;
  /** Reduces this invoice; without it the note stands as an unapplied credit. */
  invoiceId?: Id | null;
  seq?: number;
}

export interface ArWriteOff {
  id: Id;
  customerId: Id;
  number?: string;
  date: IsoDate;
  amount: Fen;
  invoiceId: Id;
  seq?: number;
}

export interface Ledger {
  invoices: readonly ArInvoice[];
  receipts: readonly ArReceipt[];
  allocations: readonly Allocation[];
  creditNotes?: readonly ArCreditNote[];
  writeOffs?: readonly ArWriteOff[];
}

// ---------------------------------------------------------------------------------------------
// Bucket sets

export interface Bucket {
  key: string;
  /** Inclusive lower bound in days; null = unbounded. */
  from: number | null;
  /** Inclusive upper bound in days; null = unbounded. */
  to: number | null;
}

export type BucketSet = readonly Bucket[];
export type AgeingBasis = 'due' | 'issue';

/** Days past due. */
export const DEFAULT_DUE_BUCKETS: BucketSet = [
  { key: 'not_due', from: null, to: 0 },
  { key: '1-30', from: 1, to: 30 },
  { key: '31-60', from: 31, to: 60 },
  { key: '61-90', from: 61, to: 90 },
  { key: '91-180', from: 91, to: 180 },
  { key: '181-365', from: 181, to: 365 },
  { key: 'over_365', from: 366, to: null },
];

/**
 * Days since issue, for provisioning. A year is 365 days here (not calendar years) so that the
 * provisioning buckets are plain day ranges like every other bucket set and stay
 * user-configurable the same way; over five years leap days shift a boundary by at most 2 days.
 */
export const DEFAULT_ISSUE_BUCKETS: BucketSet = [
  { key: 'y0-1', from: null, to: 365 },
  { key: 'y1-2', from: 366, to: 730 },
  { key: 'y2-3', from: 731, to: 1095 },
  { key: 'y3-4', from: 1096, to: 1460 },
  { key: 'y4-5', from: 1461, to: 1825 },
  { key: 'over_5y', from: 1826, to: null },
];

export function defaultBuckets(basis: AgeingBasis): BucketSet {
  return basis === 'issue' ? DEFAULT_ISSUE_BUCKETS : DEFAULT_DUE_BUCKETS;
}

/**
 * A usable bucket set is non-empty, has unique non-empty keys, starts unbounded (from null),
 * ends unbounded (to null), and each bucket starts the day after the previous one ends — so
 * every whole number of days falls in exactly one bucket. Returns the problems found.
 */
export function validateBucketSet(set: BucketSet): string[] {
  const errors: string[] = [];
  if (set.length === 0) return ['a bucket set needs at least one bucket'];
  const keys = new Set<string>();
  set.forEach((b, i) => {
    const name = `bucket ${i + 1}${b.key ? ` (${b.key})` : ''}`;
    if (typeof b.key !== 'string' || b.key.trim() === '') errors.push(`${name}: key is empty`);
    else if (keys.has(b.key)) errors.push(`${name}: key is used twice`);
    keys.add(b.key);
    for (const bound of ['from', 'to'] as const) {
      const v = b[bound];
      if (v !== null && !Number.isSafeInteger(v)) errors.push(`${name}: ${bound} must be a whole number of days`);
    }
    if (i === 0 && b.from !== null) errors.push(`${name}: the first bucket must start unbounded (from null)`);
    if (i > 0 && b.from === null) errors.push(`${name}: only the first bucket may start unbounded`);
    if (i === set.length - 1 && b.to !== null) errors.push(`${name}: the last bucket must end unbounded (to null)`);
    if (i < set.length - 1 && b.to === null) errors.push(`${name}: only the last bucket may end unbounded`);
    if (b.from !== null && b.to !== null && b.from > b.to) errors.push(`${name}: from is after to`);
    if (i > 0) {
      const prev = set[i - 1];
      if (prev.to !== null && b.from !== null && b.from !== prev.to + 1) {
        errors.push(
          b.from <= prev.to
            ? `${name}: overlaps the previous bucket (starts at ${b.from}, previous ends at ${prev.to})`
            : `${name}: gap after the previous bucket (days ${prev.to + 1}–${b.from - 1} are in no bucket)`,
        );
      }
    }
  });
  return errors;
}

export function assertBucketSet(set: BucketSet): void {
  const errors = validateBucketSet(set);
  if (errors.length) throw new RangeError(`invalid bucket set: ${errors.join('; ')}`);
}

/** Key of the bucket that holds `days` (both ends inclusive). */
export function bucketFor(days: number, set: BucketSet): string {
  for (const b of set) {
    if ((b.from === null || days >= b.from) && (b.to === null || days <= b.to)) return b.key;
  }
  throw new RangeError(`${days} days fall in no bucket`);
}

export function emptyBuckets(set: BucketSet): Record<string, Fen> {
  const out: Record<string, Fen> = {};
  for (const b of set) out[b.key] = 0;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Open amounts and positions as of a date

/**
 * Open amount of one invoice as of D = amount − allocations − credit notes − write-offs that
 * exist on D (0 when the invoice itself is dated after D). Never negative: over-crediting of an
 * invoice is a credit of the customer (see positionAsOf).
 */
export function openAmountAsOf(
  invoice: Pick<ArInvoice, 'id' | 'issueDate' | 'amount'>,
  allocations: readonly Allocation[],
  creditNotes: readonly Pick<ArCreditNote, 'date' | 'amount' | 'invoiceId'>[],
  writeOffs: readonly Pick<ArWriteOff, 'date' | 'amount' | 'invoiceId'>[],
  asOf: IsoDate,
): Fen {
  assertDate(asOf, 'as-of date');
  if (invoice.issueDate > asOf) return 0;
  let open = invoice.amount;
  // A reduction cannot take effect before the invoice exists: effective = max(its date, issue).
  for (const a of allocations)
    if (a.invoiceId === invoice.id && maxDate(a.date, invoice.issueDate) <= asOf) open -= a.amount;
  for (const c of creditNotes) if (c.invoiceId === invoice.id && c.date <= asOf) open -= c.amount;
  for (const w of writeOffs) if (w.invoiceId === invoice.id && w.date <= asOf) open -= w.amount;
  return Math.max(0, open);
}

export interface OpenItem {
  invoiceId: Id;
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amount: Fen;
  open: Fen;
  /** asOf − dueDate (positive = overdue). */
  daysPastDue: number;
  /** asOf − issueDate. */
  daysSinceIssue: number;
}

export interface Position {
  asOf: IsoDate;
  /** Invoices with a positive open amount, oldest due date first. */
  openItems: OpenItem[];
  /** Σ open amounts. */
  open: Fen;
  /** Credit not applied to any invoice (≤ 0): unapplied receipts, standalone credit notes, over-credits. */
  unapplied: Fen;
  /** open + unapplied = the ledger balance. */
  total: Fen;
}

function sumBy<K>(map: Map<K, Fen>, key: K, v: Fen): void {
  map.set(key, (map.get(key) ?? 0) + v);
}

/**
 * One customer's position as of D. Pass only that customer's documents (allocations may
 * include others': only those between this ledger's receipts and invoices count).
 * Linear in the number of documents (plus sorting the open items, unless `sort: false`).
 */
export function positionAsOf(ledger: Ledger, asOf: IsoDate, opts: { sort?: boolean } = {}): Position {
  assertDate(asOf, 'as-of date');
  const invoices = new Map<Id, ArInvoice>();
  for (const inv of ledger.invoices) if (inv.issueDate <= asOf) invoices.set(inv.id, inv);
  const receipts = new Map<Id, ArReceipt>();
  for (const r of ledger.receipts) if (r.date <= asOf) receipts.set(r.id, r);

  const reductions = new Map<Id, Fen>();
  let credits = 0; // receipts and credits that exist but are not (yet) against an existing invoice
  for (const r of receipts.values()) credits += r.amount;
  for (const a of ledger.allocations) {
    const inv = invoices.get(a.invoiceId);
    const rec = receipts.get(a.receiptId);
    if (!inv || !rec) continue;
    if (a.date > asOf || rec.date > asOf || inv.issueDate > asOf) continue; // effective = the latest of the three
    sumBy(reductions, a.invoiceId, a.amount);
    credits -= a.amount;
  }
  for (const c of ledger.creditNotes ?? []) {
    if (c.date > asOf) continue;
    const inv = c.invoiceId !== undefined && c.invoiceId !== null ? invoices.get(c.invoiceId) : undefined;
    if (inv) sumBy(reductions, inv.id, c.amount);
    else credits += c.amount;
  }
  for (const w of ledger.writeOffs ?? []) {
    if (w.date > asOf) continue;
    const inv = invoices.get(w.invoiceId);
    if (inv) sumBy(reductions, inv.id, w.amount);
    else credits += w.amount;
  }

  const openItems: OpenItem[] = [];
  let open = 0;
  for (const inv of invoices.values()) {
    const left = inv.amount - (reductions.get(inv.id) ?? 0);
    if (left < 0) credits -= left; // credited beyond its amount: the excess is the customer's credit
    if (left <= 0) continue;
    open += left;
    openItems.push({
      invoiceId: inv.id,
      number: inv.number,
      issueDate: inv.issueDate,
      dueDate: inv.dueDate,
      amount: inv.amount,
      open: left,
      daysPastDue: daysBetween(inv.dueDate, asOf),
      daysSinceIssue: daysBetween(inv.issueDate, asOf),
    });
  }
  if (opts.sort !== false) openItems.sort(compareForApplication);
  const unapplied = credits === 0 ? 0 : -credits;
  return { asOf, openItems, open, unapplied, total: open + unapplied };
}

/** Days for the chosen basis. */
export function ageDays(item: Pick<OpenItem, 'daysPastDue' | 'daysSinceIssue'>, basis: AgeingBasis): number {
  return basis === 'issue' ? item.daysSinceIssue : item.daysPastDue;
}

/** Open items summed into buckets. */
export function bucketize(items: readonly OpenItem[], basis: AgeingBasis, set: BucketSet): Record<string, Fen> {
  const buckets = emptyBuckets(set);
  for (const it of items) buckets[bucketFor(ageDays(it, basis), set)] += it.open;
  return buckets;
}

/** Oldest overdue days among open items (0 when nothing is overdue). */
export function oldestOverdueDays(items: readonly Pick<OpenItem, 'daysPastDue' | 'open'>[]): number {
  let max = 0;
  for (const it of items) if (it.open > 0 && it.daysPastDue > max) max = it.daysPastDue;
  return max;
}

export interface CustomerAgeing {
  buckets: Record<string, Fen>;
  unapplied: Fen;
  total: Fen;
  openItems: OpenItem[];
}

export function ageCustomer(
  ledger: Ledger,
  asOf: IsoDate,
  basis: AgeingBasis = 'due',
  set: BucketSet = defaultBuckets(basis),
): CustomerAgeing {
  assertBucketSet(set);
  const pos = positionAsOf(ledger, asOf);
  return {
    buckets: bucketize(pos.openItems, basis, set),
    unapplied: pos.unapplied,
    total: pos.total,
    openItems: pos.openItems,
  };
}

// ---------------------------------------------------------------------------------------------
// The report (DESIGN.md `ageing --format json`)

export interface AgeingCustomer {
  id: Id;
  code: string;
  name: string;
  creditLimit?: Fen | null;
}

export interface AgeingInput extends Ledger {
  asOf: IsoDate;
  basis?: AgeingBasis;
  bucketSet?: BucketSet;
  currency?: string;
  customers: readonly AgeingCustomer[];
  creditNotes?: readonly ArCreditNote[];
  writeOffs?: readonly ArWriteOff[];
}

export interface AgeingRow {
  customerCode: string;
  customerName: string;
  buckets: Record<string, Fen>;
  unapplied: Fen;
  total: Fen;
  creditLimit: Fen | null;
}

export interface AgeingReport {
  asOf: IsoDate;
  basis: AgeingBasis;
  currency: string;
  buckets: { key: string; from: number | null; to: number | null }[];
  rows: AgeingRow[];
  totals: { buckets: Record<string, Fen>; unapplied: Fen; total: Fen };
}

function groupBy<T>(items: readonly T[], key: (t: T) => Id): Map<Id, T[]> {
  const m = new Map<Id, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/**
 * One row per customer with a position as of D, sorted by customer code. A customer is left out
 * when every bucket and the unapplied credit are zero (a customer whose open invoices and credit
 * cancel out still shows: the credit should be applied by hand).
 */
export function buildAgeingReport(input: AgeingInput): AgeingReport {
  const basis = input.basis ?? 'due';
  const set = input.bucketSet ?? defaultBuckets(basis);
  assertBucketSet(set);
  assertDate(input.asOf, 'as-of date');

  const invoicesBy = groupBy(input.invoices, (i) => i.customerId);
  const receiptsBy = groupBy(input.receipts, (r) => r.customerId);
  const creditNotesBy = groupBy(input.creditNotes ?? [], (c) => c.customerId);
  const writeOffsBy = groupBy(input.writeOffs ?? [], (w) => w.customerId);
  const customerOfInvoice = new Map<Id, Id>();
  for (const inv of input.invoices) customerOfInvoice.set(inv.id, inv.customerId);
  const allocationsBy = groupBy(
    input.allocations.filter((a) => customerOfInvoice.has(a.invoiceId)),
    (a) => customerOfInvoice.get(a.invoiceId)!,
  );

  const rows: AgeingRow[] = [];
  const totals = { buckets: emptyBuckets(set), unapplied: 0, total: 0 };
  for (const c of input.customers) {
    const pos = positionAsOf(
      {
        invoices: invoicesBy.get(c.id) ?? [],
        receipts: receiptsBy.get(c.id) ?? [],
        allocations: allocationsBy.get(c.id) ?? [],
        creditNotes: creditNotesBy.get(c.id) ?? [],
        writeOffs: writeOffsBy.get(c.id) ?? [],
      },
      input.asOf,
      { sort: false }, // buckets do not depend on order
    );
    if (pos.open === 0 && pos.unapplied === 0) continue;
    const buckets = bucketize(pos.openItems, basis, set);
    rows.push({
      customerCode: c.code,
      customerName: c.name,
      buckets,
      unapplied: pos.unapplied,
      total: pos.total,
      creditLimit: c.creditLimit ?? null,
    });
    for (const b of set) totals.buckets[b.key] += buckets[b.key];
    totals.unapplied += pos.unapplied;
    totals.total += pos.total;
  }
  rows.sort((a, b) => (a.customerCode < b.customerCode ? -1 : a.customerCode > b.customerCode ? 1 : 0));
  return {
    asOf: input.asOf,
    basis,
    currency: input.currency ?? 'CNY',
    buckets: set.map((b) => ({ key: b.key, from: b.from, to: b.to })),
    rows,
    totals,
  };
}
