// Customer ledger (客户明细账): every document with a running balance, the allocation rows,
// open items and unapplied credits, as of a date (default: everything).
import type { CustomerLedgerOut, LedgerLine } from '../../../shared/types-receivables';
import { bucketFor, defaultBuckets } from '../../domain/ageing';
import { daysBetween } from '../../domain/dates';
import { stmt } from '../../db/receivables/prepared';
import type { ServiceContext } from '../context';
import { openItemsOut } from './ageing';
import { allocationRows, assertDateField, customerById, noteRow, writeOffRow } from './common';
import { read } from '../book-queue';

const KIND_ORDER: Record<LedgerLine['kind'], number> = { invoice: 0, receipt: 1, credit_note: 2, write_off: 3, recovery: 4 };

export async function customerLedger(ctx: ServiceContext, q: { customerId: number; asOf?: string }): Promise<CustomerLedgerOut> {
  const asOf = q.asOf ?? '9999-12-31';
  if (q.asOf) assertDateField(q.asOf, 'asOf');
  return read(ctx, (sqlite) => {
    const c = customerById(sqlite, q.customerId);
    const lines: LedgerLine[] = [];
    const inv = stmt(sqlite, 'SELECT id, number, issue_date, amount, description, voided_at FROM invoices WHERE customer_id = ? AND issue_date <= ?').all(c.id, asOf) as {
      id: number;
      number: string;
      issue_date: string;
      amount: number;
      description: string | null;
      voided_at: string | null;
    }[];
    for (const i of inv) lines.push({ date: i.issue_date, kind: 'invoice', id: i.id, number: i.number, description: i.description, debit: i.amount, credit: 0, balance: 0, voided: !!i.voided_at });
    const rec = stmt(sqlite, 'SELECT id, number, reference, date, amount, method, voided_at FROM receipts WHERE customer_id = ? AND date <= ?').all(c.id, asOf) as {
      id: number;
      number: string | null;
      reference: string | null;
      date: string;
      amount: number;
      method: string;
      voided_at: string | null;
    }[];
    for (const r of rec) lines.push({ date: r.date, kind: 'receipt', id: r.id, number: r.number ?? r.reference ?? `#${r.id}`, description: r.method, debit: 0, credit: r.amount, balance: 0, voided: !!r.voided_at });
    const cns = stmt(sqlite, 'SELECT id, number, date, amount, kind, voided_at FROM credit_notes WHERE customer_id = ? AND date <= ?').all(c.id, asOf) as {
      id: number;
      number: string;
      date: string;
      amount: number;
      kind: string;
      voided_at: string | null;
    }[];
    for (const n of cns) lines.push({ date: n.date, kind: 'credit_note', id: n.id, number: n.number, description: n.kind, debit: 0, credit: n.amount, balance: 0, voided: !!n.voided_at });
    const wos = stmt(
      sqlite,
      'SELECT w.id, i.number, w.date, w.amount, w.reason, w.voided_at FROM write_offs w JOIN invoices i ON i.id = w.invoice_id WHERE w.customer_id = ? AND w.date <= ? ORDER BY w.date, w.id',
    ).all(c.id, asOf) as { id: number; number: string; date: string; amount: number; reason: string; voided_at: string | null }[];
    for (const w of wos) lines.push({ date: w.date, kind: 'write_off', id: w.id, number: w.number, description: w.reason, debit: 0, credit: w.amount, balance: 0, voided: !!w.voided_at });
    const recov = stmt(
      sqlite,
      `SELECT a.id, a.write_off_id, i.number, a.date, -a.amount AS amount FROM allocations a JOIN invoices i ON i.id = a.invoice_id
       WHERE i.customer_id = ? AND a.kind = 'recovery' AND a.date <= ?`,
    ).all(c.id, asOf) as { id: number; write_off_id: number; number: string; date: string; amount: number }[];
    for (const r of recov) lines.push({ date: r.date, kind: 'recovery', id: r.id, number: r.number, description: '坏账收回', debit: r.amount, credit: 0, balance: 0, voided: false });
    // the write-offs as of the date: recovered counts only recoveries dated on or before it
    const recoveredBy = new Map<number, number>();
    for (const r of recov) recoveredBy.set(r.write_off_id, (recoveredBy.get(r.write_off_id) ?? 0) + r.amount);
    const writeOffs = wos.map((w) => ({ ...writeOffRow(sqlite, w.id), recovered: recoveredBy.get(w.id) ?? 0 }));

    lines.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id - b.id));
    let balance = 0;
    for (const l of lines) {
      if (!l.voided) balance += l.debit - l.credit;
      l.balance = balance;
    }
    const allocations = allocationRows(sqlite, 'customer', c.id).filter((a) => a.date <= asOf);
    const today = ctx.clock.today();
    const set = defaultBuckets('due');
    const openItems = q.asOf
      ? openItemsOut(sqlite, c.id, q.asOf, 'due', set)
      : openItemsOut(sqlite, c.id, '9999-12-31', 'due', set).map((i) => {
          const daysPastDue = daysBetween(i.dueDate, today);
          return { ...i, daysPastDue, daysSinceIssue: daysBetween(i.issueDate, today), bucket: bucketFor(daysPastDue, set) };
        });
    const applied = new Map<string, number>();
    for (const a of allocations) {
      const k = a.receiptId !== null ? `r${a.receiptId}` : a.creditNoteId !== null ? `c${a.creditNoteId}` : '';
      if (k) applied.set(k, (applied.get(k) ?? 0) + a.amount);
    }
    const credits: CustomerLedgerOut['credits'] = [];
    for (const r of rec) {
      if (r.voided_at) continue;
      const u = r.amount - (applied.get(`r${r.id}`) ?? 0);
      if (u !== 0) credits.push({ kind: 'receipt', id: r.id, number: r.number ?? r.reference, date: r.date, amount: r.amount, unapplied: u });
    }
    for (const n of cns) {
      if (n.voided_at) continue;
      const u = n.amount - (applied.get(`c${n.id}`) ?? 0);
      if (u !== 0) credits.push({ kind: 'credit_note', id: n.id, number: n.number, date: n.date, amount: n.amount, unapplied: u });
    }
    const open = openItems.reduce((s, i) => s + i.open, 0);
    const notes = (stmt(sqlite, 'SELECT * FROM notes_receivable WHERE customer_id = ? ORDER BY maturity_date, id').all(c.id) as never[]).map(noteRow);
    return {
      customerId: c.id,
      customerCode: c.code,
      customerName: c.name,
      asOf: q.asOf ?? today,
      lines,
      allocations,
      openItems,
      credits,
      writeOffs,
      balance,
      open,
      unapplied: balance - open,
      notes,
    };
  });
}
