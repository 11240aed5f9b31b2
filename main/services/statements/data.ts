// Statement data (对账单数据), SPEC §2 "Statements": for one customer and a period, the
// customer's documents are read from the book and handed to the pure domain buildStatement
// (opening, lines with running balance, closing, 大写). The closing position as of `to` (open
// items, ageing, unapplied credits) is rebuilt from the allocation rows themselves, so it
// agrees with the ageing report to the fen (credit notes and write-offs applied by hand, voids
// and bad-debt recoveries included).
//
// Voided documents are left out by default; with includeVoided they are listed, marked void,
// with zero effect on the balance.
import { serverError } from '../../../shared/messages/server-messages';
import type Database from 'better-sqlite3';
import { buildStatement } from '../../domain/statement';
import {
  bucketize,
  defaultBuckets,
  positionAsOf,
  bucketFor,
  type ArCreditNote,
  type ArInvoice,
  type ArReceipt,
  type ArWriteOff,
} from '../../domain/ageing';
import type { Allocation } from '../../domain/allocation';
import { statementDisputes } from './disputes';
import { cashDiscountTermsOf } from '../../db/credit/terms';
import {
  statementAllocations,
  statementContact,
  statementCustomer,
  statementDocuments,
  type StatementCustomerRow,
  type StatementDocRow,
} from '../../db/statements/documents';
import { isValidDate } from '../../domain/dates';
import type { CompanySettings } from '../../../shared/types';
import type { Confidentiality } from '../../../shared/customer-fields';
import type {
  StatementCredit,
  StatementCustomerBlock,
  StatementData,
  StatementLineKind,
  StatementLineOut,
  StatementQuery,
  StatementStyle,
} from '../../../shared/types-statements';

type Sqlite = Database.Database;

export function assertPeriod(from: string, to: string): void {
  if (!isValidDate(from)) throw serverError('VALIDATION', 'not_a_date', {}, { field: 'from' });
  if (!isValidDate(to)) throw serverError('VALIDATION', 'not_a_date', {}, { field: 'to' });
  if (from > to) throw serverError('VALIDATION', 'from_after_to_dates', { from, to }, { field: 'from' });
}

export function findCustomer(
  sqlite: Sqlite,
  key: { customerId?: number; customerCode?: string },
): StatementCustomerRow {
  const row = statementCustomer(sqlite, key);
  if (!row) {
    const field = key.customerId !== undefined ? 'customerId' : 'customerCode';
    throw serverError('NOT_FOUND', 'customer_not_found', { code: key.customerId ?? key.customerCode ?? '' }, { field });
  }
  return row;
}

export function customerBlock(sqlite: Sqlite, c: StatementCustomerRow): StatementCustomerBlock {
  const contact = statementContact(sqlite, c.id);
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    address: c.address,
    phone: c.phone,
    confidentiality: c.confidentiality as Confidentiality,
    keyContact: contact
      ? { name: contact.name, title: contact.title, phone: contact.mobile || contact.phone || null }
      : null,
    paymentTermsDays: c.payment_terms_days,
    ...cashDiscountOf(sqlite, c.id),
  };
}

/** The credit area's cash-discount terms for the customer block (absent when none). */
function cashDiscountOf(sqlite: Sqlite, customerId: number) {
  const terms = cashDiscountTermsOf(sqlite, customerId);
  return terms ? { cashDiscount: terms } : {};
}

interface Doc {
  kind: StatementLineKind;
  key: string;
  id: number;
  number: string;
  date: string;
  amount: number;
  createdAt: string;
  voided: boolean;
  invoiceId: number | null;
  dueDate?: string;
  seq: number;
}

// A recovery (坏账收回) is entered together with its receipt: the debt comes back, then it is paid.
const KIND_ORDER: Record<StatementLineKind, number> = {
  invoice: 0,
  recovery: 1,
  receipt: 2,
  credit_note: 3,
  write_off: 4,
};

function loadDocs(sqlite: Sqlite, customerId: number, to: string): Doc[] {
  const rows = statementDocuments(sqlite, customerId, to);
  // one object literal of one shape per document (no spreads): 10,000 documents per statement
  // run through the sorts and loops below, where mixed shapes cost V8 its fast paths
  const docs: Doc[] = [];
  const push = (kind: StatementLineKind, key: string, r: StatementDocRow, id: number, number: string, due?: string) =>
    docs.push({
      kind,
      key,
      id,
      number,
      date: r.date,
      amount: r.amount,
      createdAt: r.at,
      voided: !!r.v,
      invoiceId: r.inv,
      dueDate: due,
      seq: 0,
    });
  for (const r of rows.invoices) push('invoice', String(r.id), r, r.id, r.number, r.due);
  for (const r of rows.receipts)
    push('receipt', `r${r.id}`, r as StatementDocRow, r.id, r.number || r.reference || `#${r.id}`);
  for (const r of rows.creditNotes) push('credit_note', `c${r.id}`, r, r.id, r.number);
  for (const r of rows.writeOffs) push('write_off', `w${r.id}`, r, r.id, r.number);
  // a recovery (坏账收回) is a debit line; its id is the write-off it reverses
  for (const r of rows.recoveries) push('recovery', `v${r.id}`, r, r.wo, r.number);
  // Entry order (same-day lines): when the document was entered, then kind, then id.
  docs.sort((a, b) =>
    a.createdAt !== b.createdAt
      ? a.createdAt < b.createdAt
        ? -1
        : 1
      : KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id - b.id,
  );
  docs.forEach((d, i) => (d.seq = i));
  return docs;
}

const cmpLine = (a: { date: string; seq: number }, b: { date: string; seq: number }) =>
  a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.seq - b.seq;

/** Statement data from an open book connection (synchronous; callers serialize). */
export function statementDataSync(sqlite: Sqlite, company: CompanySettings, q: StatementQuery): StatementData {
  const t0 = performance.now();
  assertPeriod(q.from, q.to);
  const style: StatementStyle = q.style ?? 'balance_forward';
  const c = findCustomer(sqlite, q);
  const docs = loadDocs(sqlite, c.id, q.to);
  const live = docs.filter((d) => !d.voided);

  // Lines: the pure domain statement. Recoveries enter as negative write-offs (the balance
  // rises) and are relabelled below.
  const invoices: ArInvoice[] = [];
  const receipts: ArReceipt[] = [];
  const creditNotes: ArCreditNote[] = [];
  const writeOffs: ArWriteOff[] = [];
  for (const d of live) {
    if (d.kind === 'invoice')
      invoices.push({
        id: d.id,
        customerId: c.id,
        number: d.number,
        issueDate: d.date,
        dueDate: d.dueDate!,
        amount: d.amount,
        seq: d.seq,
      });
    else if (d.kind === 'receipt')
      receipts.push({ id: d.key, customerId: c.id, number: d.number, date: d.date, amount: d.amount, seq: d.seq });
    else if (d.kind === 'credit_note')
      creditNotes.push({
        id: d.key,
        customerId: c.id,
        number: d.number,
        date: d.date,
        amount: d.amount,
        invoiceId: null,
        seq: d.seq,
      });
    else if (d.kind === 'write_off')
      writeOffs.push({
        id: d.key,
        customerId: c.id,
        number: d.number,
        date: d.date,
        amount: d.amount,
        invoiceId: d.invoiceId!,
        seq: d.seq,
      });
    else
      writeOffs.push({
        id: d.key,
        customerId: c.id,
        number: d.number,
        date: d.date,
        amount: -d.amount,
        invoiceId: d.invoiceId!,
        seq: d.seq,
      });
  }
  const st = buildStatement({
    customerCode: c.code,
    from: q.from,
    to: q.to,
    invoices,
    receipts,
    creditNotes,
    writeOffs,
    allocations: [],
  });
  const periodDocs = live.filter((d) => d.date >= q.from).sort(cmpLine);
  let lines: StatementLineOut[] = st.lines.map((l, i) => {
    const d = periodDocs[i];
    if (d.kind === 'recovery')
      return { date: l.date, kind: 'recovery', number: l.number, debit: d.amount, credit: 0, balance: l.balance };
    return { date: l.date, kind: l.kind, number: l.number, debit: l.debit, credit: l.credit, balance: l.balance };
  });
  if (q.includeVoided) {
    const merged: (StatementLineOut & { seq: number })[] = lines.map((l, i) => ({ ...l, seq: periodDocs[i].seq }));
    for (const d of docs) {
      if (!d.voided || d.date < q.from) continue;
      const debit = d.kind === 'invoice' ? d.amount : 0;
      merged.push({
        date: d.date,
        kind: d.kind,
        number: d.number,
        debit,
        credit: debit ? 0 : d.amount,
        balance: 0,
        void: true,
        seq: d.seq,
      });
    }
    merged.sort(cmpLine);
    let bal = st.opening;
    lines = merged.map(({ seq: _seq, ...l }) => {
      if (!l.void) bal = l.balance;
      return l.void ? { ...l, balance: bal } : l;
    });
  }

  // Closing position as of `to` from the allocation rows: credit notes and write-offs enter as
  // credits applied by their own allocation rows (exactly as the book applied them).
  const recovered = new Map<number, number>();
  for (const d of live) if (d.kind === 'recovery') recovered.set(d.id, (recovered.get(d.id) ?? 0) + d.amount);
  const credits: (ArReceipt & { kind: StatementCredit['kind']; label: string })[] = [];
  for (const d of live) {
    if (d.kind === 'receipt' || d.kind === 'credit_note')
      credits.push({ id: d.key, customerId: c.id, date: d.date, amount: d.amount, kind: d.kind, label: d.number });
    else if (d.kind === 'write_off')
      credits.push({
        id: d.key,
        customerId: c.id,
        date: d.date,
        amount: d.amount - (recovered.get(d.id) ?? 0),
        kind: 'write_off',
        label: d.number,
      });
  }
  const allocations: Allocation[] = [];
  for (const a of statementAllocations(sqlite, c.id, q.to)) {
    const rid = a.rec !== null ? `r${a.rec}` : a.cn !== null ? `c${a.cn}` : a.wo !== null ? `w${a.wo}` : null;
    if (rid) allocations.push({ receiptId: rid, invoiceId: a.inv, amount: a.amount, date: a.date });
  }
  const posLedger = { invoices, receipts: credits, allocations };
  const pos = positionAsOf(posLedger, q.to);
  const set = defaultBuckets('due');
  const buckets = bucketize(pos.openItems, 'due', set);

  // Unapplied part of each credit as of `to`.
  const liveInvoices = new Map(invoices.map((i) => [i.id as number, i]));
  const applied = new Map<string, number>();
  for (const a of allocations) {
    const inv = liveInvoices.get(a.invoiceId as number);
    if (!inv || inv.issueDate > q.to) continue;
    applied.set(a.receiptId as string, (applied.get(a.receiptId as string) ?? 0) + a.amount);
  }
  const creditsOut: StatementCredit[] = [];
  for (const cr of credits) {
    const u = cr.amount - (applied.get(cr.id as string) ?? 0);
    if (u !== 0) creditsOut.push({ kind: cr.kind, number: cr.label, date: cr.date, amount: cr.amount, unapplied: u });
  }

  const disputes = statementDisputes(sqlite, c.id, q.to);
  const disputedIds = disputes.invoiceIds;
  if (disputedIds.size)
    lines = lines.map((l) =>
      l.kind === 'invoice' && !l.void && disputes.numbers.has(l.number) ? { ...l, disputed: true } : l,
    );

  return {
    customerCode: c.code,
    from: q.from,
    to: q.to,
    style,
    currency: company.currency || 'CNY',
    opening: st.opening,
    lines,
    closing: st.closing,
    closingInWords: st.closingInWords,
    ageing: {
      buckets,
      unapplied: pos.unapplied,
      total: pos.total,
      keys: set.map((b) => ({ key: b.key, from: b.from, to: b.to })),
    },
    openItems: pos.openItems.map((i) => ({
      invoiceId: i.invoiceId as number,
      number: i.number,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      amount: i.amount,
      open: i.open,
      daysPastDue: i.daysPastDue,
      daysSinceIssue: i.daysSinceIssue,
      bucket: bucketFor(i.daysPastDue, set),
      ...(disputedIds.has(i.invoiceId as number) ? { disputed: true } : {}),
    })),
    credits: creditsOut,
    company,
    customer: customerBlock(sqlite, c),
    includesVoided: !!q.includeVoided,
    ...(disputes.list.length ? { disputes: disputes.list } : {}),
    ms: Math.round((performance.now() - t0) * 10) / 10,
  };
}

/** The fixed JSON of `creditdesk statement --format json` (DESIGN.md), plus a few extra fields. */
export function statementJson(d: StatementData) {
  return {
    customerCode: d.customerCode,
    from: d.from,
    to: d.to,
    opening: d.opening,
    lines: d.lines.map((l) => ({
      date: l.date,
      kind: l.kind,
      number: l.number,
      debit: l.debit,
      credit: l.credit,
      balance: l.balance,
      ...(l.void ? { void: true } : {}),
      ...(l.disputed ? { disputed: true } : {}),
    })),
    closing: d.closing,
    closingInWords: d.closingInWords,
    ageing: { buckets: d.ageing.buckets, total: d.ageing.total, unapplied: d.ageing.unapplied },
    customerName: d.customer.name,
    currency: d.currency,
    openItems: d.openItems.map((i) => ({
      number: i.number,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      amount: i.amount,
      open: i.open,
      daysPastDue: i.daysPastDue,
      ...(i.disputed ? { disputed: true } : {}),
    })),
    ...(d.disputes ? { disputes: d.disputes } : {}),
  };
}
