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
    const line = (
      kind: LedgerLine['kind'],
      r: { id: number; date: string; amount: number },
      number: string,
      description: string | null,
      voidedAt: string | null,
    ): LedgerLine => {
      const debit = kind === 'invoice' || kind === 'recovery';
      return {
        date: r.date,
        kind,
        id: r.id,
        number,
        description,
        debit: debit ? r.amount : 0,
        credit: debit ? 0 : r.amount,
        balance: 0,
        voided: !!voidedAt,
      };
    };
    for (const i of docs.inv)
      lines.push(line('invoice', { ...i, date: i.issue_date }, i.number, i.description, i.voided_at));
    for (const r of docs.rec)
      lines.push(line('receipt', r, r.number ?? r.reference ?? `#${r.id}`, r.method, r.voided_at));
    for (const n of docs.cns) lines.push(line('credit_note', n, n.number, n.kind, n.voided_at));
    const wos = docs.wos;
    for (const w of wos) lines.push(line('write_off', w, w.number, w.reason, w.voided_at));
    const recov = docs.recov;
    for (const r of recov) lines.push(line('recovery', r, r.number, '坏账收回', null));
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
    for (const r of docs.rec) {
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
    for (const n of docs.cns) {
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
