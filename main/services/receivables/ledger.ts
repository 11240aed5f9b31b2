// Customer ledger (客户明细账): every document with a running balance, the allocation rows,
// open items and unapplied credits, as of a date (default: everything).
import type { CustomerLedgerOut, LedgerLine } from '../../../shared/types-receivables';
import { bucketFor, defaultBuckets } from '../../domain/ageing';
import { daysBetween } from '../../domain/dates';
import { ledgerDocuments, notesOf } from '../../db/receivables/ledger';
import type { ServiceContext } from '../context';
import { openItemsOut } from './ageing';
import { assertDateField } from './common';
import { allocationRows, customerById, writeOffRow } from '../../db/receivables/rows';
import { read } from '../book-queue';

const KIND_ORDER: Record<LedgerLine['kind'], number> = {
  invoice: 0,
  receipt: 1,
  credit_note: 2,
  write_off: 3,
  recovery: 4,
};

export async function customerLedger(
  ctx: ServiceContext,
  q: { customerId: number; asOf?: string },
): Promise<CustomerLedgerOut> {
  const asOf = q.asOf ?? '9999-12-31';
  if (q.asOf) assertDateField(q.asOf, 'asOf');
  return read(ctx, (sqlite) => {
    const c = customerById(sqlite, q.customerId);
    const lines: LedgerLine[] = [];
    const docs = ledgerDocuments(sqlite, c.id, asOf);
    const inv = docs.inv;
    for (const i of inv)
      lines.push({
        date: i.issue_date,
        kind: 'invoice',
        id: i.id,
        number: i.number,
        description: i.description,
        debit: i.amount,
        credit: 0,
        balance: 0,
        voided: !!i.voided_at,
      });
    const rec = docs.rec;
    for (const r of rec)
      lines.push({
        date: r.date,
        kind: 'receipt',
        id: r.id,
        number: r.number ?? r.reference ?? `#${r.id}`,
        description: r.method,
        debit: 0,
        credit: r.amount,
        balance: 0,
        voided: !!r.voided_at,
      });
    const cns = docs.cns;
    for (const n of cns)
      lines.push({
        date: n.date,
        kind: 'credit_note',
        id: n.id,
        number: n.number,
        description: n.kind,
        debit: 0,
        credit: n.amount,
        balance: 0,
        voided: !!n.voided_at,
      });
    const wos = docs.wos;
    for (const w of wos)
      lines.push({
        date: w.date,
        kind: 'write_off',
        id: w.id,
        number: w.number,
        description: w.reason,
        debit: 0,
        credit: w.amount,
        balance: 0,
        voided: !!w.voided_at,
      });
    const recov = docs.recov;
    for (const r of recov)
      lines.push({
        date: r.date,
        kind: 'recovery',
        id: r.id,
        number: r.number,
        description: '坏账收回',
        debit: r.amount,
        credit: 0,
        balance: 0,
        voided: false,
      });
    // the write-offs as of the date: recovered counts only recoveries dated on or before it
    const recoveredBy = new Map<number, number>();
    for (const r of recov) recoveredBy.set(r.write_off_id, (recoveredBy.get(r.write_off_id) ?? 0) + r.amount);
    const writeOffs = wos.map((w) => ({ ...writeOffRow(sqlite, w.id), recovered: recoveredBy.get(w.id) ?? 0 }));

    lines.sort((a, b) =>
      a.date !== b.date ? (a.date < b.date ? -1 : 1) : KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id - b.id,
    );
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
          return {
            ...i,
            daysPastDue,
            daysSinceIssue: daysBetween(i.issueDate, today),
            bucket: bucketFor(daysPastDue, set),
          };
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
      if (u !== 0)
        credits.push({
          kind: 'receipt',
          id: r.id,
          number: r.number ?? r.reference,
          date: r.date,
          amount: r.amount,
          unapplied: u,
        });
    }
    for (const n of cns) {
      if (n.voided_at) continue;
      const u = n.amount - (applied.get(`c${n.id}`) ?? 0);
      if (u !== 0)
        credits.push({ kind: 'credit_note', id: n.id, number: n.number, date: n.date, amount: n.amount, unapplied: u });
    }
    const open = openItems.reduce((s, i) => s + i.open, 0);
    const notes = notesOf(sqlite, c.id);
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
