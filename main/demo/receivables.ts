// Demo receivables: two years of invoices before a fixed reference date (2026-11-23, so a seed
// always gives the same book), most paid, some late or partly paid, some still open or long
// overdue; receipts naming invoices or not, a few credit notes, write-offs and notes
// receivable. Scales to 1,000,000 invoices: each customer's history is applied in memory with
// the SPEC rule (services/receivables/engine.ts) and written with ids chosen up front, in
// big transactions.
import type { ServiceContext } from '../services/context';
import { addDays, maxDate } from '../domain/dates';
import { mulDivRound } from '../../shared/money';
import {
  DailyAccumulator,
  insertAllocation,
  insertCreditNoteWithId,
  insertInvoiceWithId,
  insertNote,
  insertReceiptWithId,
  insertWriteOffWithId,
  nextIds,
} from '../db/receivables/writes';
import { CustomerInvoices, planReceipt } from '../services/receivables/engine';
import type { ReceiptMethod } from '../../shared/types-receivables';
import type { DemoExtension } from './extensions';
import { customerTermsRefs } from '../db/lookups';
import { pauseKeptTriggers, resumeKeptTriggers } from '../db/receivables/kept-pause';
import { withBulkCacheSync } from '../db/receivables/prepared';
import { dropIndexesOfEmptyTables, recreateIndexes } from '../db/receivables/bulk-indexes';

/** The tables the demo book fills in bulk (their indexes are built after the first batch). */
const BULK_TABLES = ['invoices', 'receipts', 'allocations'];

export const DEMO_REFERENCE_DATE = '2026-11-23';
const HISTORY_DAYS = 730;

/** Small fast deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DESCRIPTIONS = [
  '货款',
  '材料款',
  '配件',
  '五金件',
  '办公用品',
  '包装材料',
  '电子元件',
  '劳保用品',
  '设备维修',
  '运输服务',
];
const DRAWERS = ['中国工商银行', '中国建设银行', '中国农业银行', '中国银行', '交通银行', '招商银行', '兴业银行'];

export interface DemoCustomerRef {
  id: number;
  code: string;
  terms: number;
  lifecycle: string;
}

export interface DemoInvoice {
  number: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  description: string;
}
export interface DemoReceipt {
  date: string;
  amount: number;
  /** index into the customer's invoices */
  named: number | null;
  method: ReceiptMethod;
  reference: string;
}
export interface DemoCustomerPlan {
  customer: DemoCustomerRef;
  invoices: DemoInvoice[];
  receipts: DemoReceipt[];
  creditNotes: {
    invoice: number;
    date: string;
    amount: number;
    kind: 'return' | 'allowance' | 'claim';
    number: string;
  }[];
  /** unpaid invoices long overdue: written off on this date */
  writeOffs: { invoice: number; date: string }[];
  notes: {
    receipt: number;
    number: string;
    drawer: string;
    issueDate: string;
    maturityDate: string;
    amount: number;
    state: string;
    stateDate: string;
  }[];
}

const METHODS: [ReceiptMethod, number][] = [
  ['bank_transfer', 0.7],
  ['cash', 0.08],
  ['bank_acceptance_bill', 0.1],
  ['commercial_bill', 0.04],
  ['cheque', 0.06],
  ['offset', 0.02],
];

function pickMethod(r: () => number): ReceiptMethod {
  let x = r();
  for (const [m, w] of METHODS) {
    if (x < w) return m;
    x -= w;
  }
  return 'bank_transfer';
}

/** Invoices per customer: heavy-tailed (a few big customers, many small ones), summing to `total`. */
export function invoiceCounts(n: number, total: number, r: () => number): number[] {
  const w = Array.from({ length: n }, () => 0.05 + r() ** 3);
  const sum = w.reduce((s, x) => s + x, 0);
  const counts = w.map((x) => Math.floor((total * x) / sum));
  let left = total - counts.reduce((s, x) => s + x, 0);
  for (let i = 0; left > 0; i = (i + 1) % n, left--) counts[i]++;
  return counts;
}

const SCALES_FEN = [50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000];

/** A random whole number of per-mille in [lo, hi], so shares of amounts stay integer math. */
function perMille(r: () => number, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

/**
 * Plans the documents of every trading customer (not prospects), one customer at a time.
 * Invoice numbers are book-wide: FP + 8 digits.
 */
export function planDemoReceivables(
  customers: DemoCustomerRef[],
  totalInvoices: number,
  seed: number,
  each: (plan: DemoCustomerPlan) => void,
): void {
  const trading = customers.filter((c) => c.lifecycle !== 'prospect');
  if (trading.length === 0 || totalInvoices === 0) return;
  const r = rng(seed * 7919 + 17);
  const counts = invoiceCounts(trading.length, totalInvoices, r);
  let invNo = 0;
  let cnNo = 0;
  let noteNo = 0;
  const ref = DEMO_REFERENCE_DATE;
  trading.forEach((c, ci) => {
    const n = counts[ci];
    const behaviour = r();
    const kind = behaviour < 0.6 ? 'good' : behaviour < 0.9 ? 'slow' : 'bad';
    // typical invoice size of this customer: ¥500 … ¥50,000 (fen; all amounts below are integer fen)
    const scaleFen = SCALES_FEN[Math.floor(r() * SCALES_FEN.length)];
    // a terminated customer stopped trading some time ago
    const lastDay = c.lifecycle === 'terminated' ? 200 : 0;
    const days = Array.from({ length: n }, () => lastDay + Math.floor(r() * (HISTORY_DAYS - lastDay))).sort(
      (a, b) => b - a,
    );
    const plan: DemoCustomerPlan = {
      customer: c,
      invoices: [],
      receipts: [],
      creditNotes: [],
      writeOffs: [],
      notes: [],
    };
    const payments: { date: string; amount: number; invoice: number }[] = [];
    days.forEach((back, j) => {
      const issueDate = addDays(ref, -back);
      const dueDate = addDays(issueDate, c.terms);
      const raw = mulDivRound(scaleFen, perMille(r, 200, 1800), 1000);
      // three in ten invoices are round hundreds of yuan
      const amount = Math.max(100, r() < 0.3 ? mulDivRound(raw, 1, 10_000) * 10_000 : raw);
      invNo++;
      plan.invoices.push({
        number: `FP${String(invNo).padStart(8, '0')}`,
        issueDate,
        dueDate,
        amount,
        description: DESCRIPTIONS[Math.floor(r() * DESCRIPTIONS.length)],
      });
      let due = amount;
      if (r() < 0.005) {
        const cn = Math.max(1, mulDivRound(amount, perMille(r, 50, 200), 1000));
        cnNo++;
        const cnDate = addDays(issueDate, 3 + Math.floor(r() * 17));
        if (cnDate <= ref) {
          plan.creditNotes.push({
            invoice: j,
            date: cnDate,
            amount: cn,
            kind: (['return', 'allowance', 'claim'] as const)[Math.floor(r() * 3)],
            number: `HZ${String(cnNo).padStart(7, '0')}`,
          });
          due -= cn;
        }
      }
      let delay: number;
      if (kind === 'good') delay = c.terms - 10 + Math.floor(r() * 20);
      else if (kind === 'slow') delay = c.terms + 10 + Math.floor(r() * 80);
      else delay = r() < 0.25 ? 100_000 : c.terms + 30 + Math.floor(r() * 210);
      const payDate = addDays(issueDate, Math.max(0, delay > 10_000 ? 10_000 : delay));
      if (delay > 10_000 || payDate > ref) {
        if (kind === 'bad' && back > 365 + c.terms && r() < 0.5) {
          const woDate = addDays(dueDate, 400);
          if (woDate <= ref) plan.writeOffs.push({ invoice: j, date: woDate });
        }
        return;
      }
      if (r() < 0.1) {
        const first = mulDivRound(due, perMille(r, 400, 900), 1000);
        payments.push({ date: payDate, amount: first, invoice: j });
        const second = addDays(payDate, 15 + Math.floor(r() * 45));
        if (second <= ref) payments.push({ date: second, amount: due - first, invoice: j });
      } else payments.push({ date: payDate, amount: due, invoice: j });
    });
    payments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.invoice - b.invoice));
    for (let k = 0; k < payments.length; k++) {
      const p = payments[k];
      let amount = p.amount;
      let date = p.date;
      let merged = false;
      // one transfer often settles two or three invoices at once
      while (k + 1 < payments.length && r() < 0.35) {
        k++;
        amount += payments[k].amount;
        date = maxDate(date, payments[k].date);
        merged = true;
      }
      if (amount <= 0) continue;
      const method = pickMethod(r);
      const idx = plan.receipts.length;
      plan.receipts.push({
        date,
        amount,
        named: !merged && r() < 0.35 ? p.invoice : null,
        method,
        reference: `${method === 'cash' ? 'XJ' : 'YH'}${date.replaceAll('-', '')}${String(idx).padStart(3, '0')}`,
      });
      if ((method === 'bank_acceptance_bill' || method === 'commercial_bill') && r() < 0.3) {
        noteNo++;
        const maturityDate = addDays(date, 180);
        const x = r();
        const matured = maturityDate <= ref;
        const state = matured
          ? x < 0.7
            ? 'honoured'
            : x < 0.9
              ? 'endorsed'
              : x < 0.98
                ? 'discounted'
                : 'dishonoured'
          : x < 0.15
            ? 'endorsed'
            : 'held';
        const stateDate =
          state === 'held' ? date : state === 'endorsed' || state === 'discounted' ? addDays(date, 30) : maturityDate;
        plan.notes.push({
          receipt: idx,
          number: `${method === 'bank_acceptance_bill' ? 'YC' : 'SC'}${String(noteNo).padStart(8, '0')}`,
          drawer: method === 'bank_acceptance_bill' ? DRAWERS[Math.floor(r() * DRAWERS.length)] : `${c.code} 出票`,
          issueDate: date,
          maturityDate,
          amount,
          state,
          stateDate,
        });
      }
    }
    each(plan);
  });
}

export interface DemoReceivablesCounts {
  invoices: number;
  receipts: number;
  allocations: number;
  creditNotes: number;
  writeOffs: number;
  notes: number;
}

/** Writes the planned documents of all trading customers into the book (in big transactions). */
export function writeDemoReceivables(
  ctx: ServiceContext,
  customers: DemoCustomerRef[],
  totalInvoices: number,
  seed: number,
): DemoReceivablesCounts {
  const sqlite = ctx.book.sqlite;
  const at = ctx.clock.now().toISOString();
  const ids = nextIds(sqlite);
  const counts: DemoReceivablesCounts = {
    invoices: 0,
    receipts: 0,
    allocations: 0,
    creditNotes: 0,
    writeOffs: 0,
    notes: 0,
  };
  const daily = new DailyAccumulator();
  let pending: DemoCustomerPlan[] = [];
  let pendingInvoices = 0;
  const source = 'demo';

  const writeOne = (plan: DemoCustomerPlan): void => {
    const cid = plan.customer.id;
    const invIds = plan.invoices.map(() => ids.invoice++);
    const open = new CustomerInvoices(
      plan.invoices.map((inv, j) => ({
        id: invIds[j],
        number: inv.number,
        issueDate: inv.issueDate,
        dueDate: inv.dueDate,
        open: inv.amount,
        last: null,
      })),
    );
    type Ev = { date: string; order: number; run: () => void };
    const events: Ev[] = [];
    for (const cn of plan.creditNotes) {
      events.push({
        date: cn.date,
        order: 0,
        run: () => {
          const id = ids.creditNote++;
          const inv = open.byId.get(invIds[cn.invoice])!;
          const applied = Math.min(inv.open, cn.amount);
          const date = maxDate(cn.date, inv.issueDate);
          insertCreditNoteWithId(sqlite, {
            id,
            customer_id: cid,
            number: cn.number,
            date: cn.date,
            amount: cn.amount,
            kind: cn.kind,
            invoice_id: inv.id,
            reason: '质量问题退货',
            unapplied: cn.amount - applied,
            applied_on: applied === cn.amount ? date : null,
            created_at: at,
          });
          if (applied > 0) {
            insertAllocation(sqlite, {
              invoice_id: inv.id,
              receipt_id: null,
              credit_note_id: id,
              write_off_id: null,
              amount: applied,
              date,
              kind: 'credit_note',
              created_at: at,
            });
            inv.open -= applied;
            inv.last = inv.last === null ? date : maxDate(inv.last, date);
            open.touch(inv.id, date);
            counts.allocations++;
          }
          daily.add(cn.date, { credited: cn.amount, credits_n: 1 });
          counts.creditNotes++;
        },
      });
    }
    plan.receipts.forEach((rc, k) => {
      events.push({
        date: rc.date,
        order: 1,
        run: () => {
          const id = ids.receipt++;
          const named = rc.named === null ? null : invIds[rc.named];
          const p = planReceipt(open, { date: rc.date, amount: rc.amount, namedInvoiceId: named });
          insertReceiptWithId(sqlite, {
            id,
            customer_id: cid,
            number: null,
            date: rc.date,
            amount: rc.amount,
            method: rc.method,
            reference: rc.reference,
            named_invoice_id: named,
            unapplied: p.unapplied,
            applied_on: p.appliedOn,
            source,
            created_at: at,
          });
          for (const a of p.allocations) {
            insertAllocation(sqlite, {
              invoice_id: a.invoiceId,
              receipt_id: id,
              credit_note_id: null,
              write_off_id: null,
              amount: a.amount,
              date: a.date,
              kind: a.kind,
              created_at: at,
            });
            if (a.date !== rc.date) daily.add(a.date, {});
          }
          counts.allocations += p.allocations.length;
          daily.add(rc.date, { received: rc.amount, receipts_n: 1 });
          counts.receipts++;
          for (const nt of plan.notes)
            if (nt.receipt === k) {
              insertNote(sqlite, {
                customer_id: cid,
                number: nt.number,
                kind: rc.method === 'bank_acceptance_bill' ? 'bank_acceptance' : 'commercial',
                drawer: nt.drawer,
                issue_date: nt.issueDate,
                maturity_date: nt.maturityDate,
                amount: nt.amount,
                state: nt.state,
                state_date: nt.stateDate,
                created_at: at,
              });
              counts.notes++;
            }
        },
      });
    });
    for (const wo of plan.writeOffs) {
      events.push({
        date: wo.date,
        order: 2,
        run: () => {
          const inv = open.byId.get(invIds[wo.invoice])!;
          if (inv.open <= 0) return;
          const id = ids.writeOff++;
          insertWriteOffWithId(sqlite, {
            id,
            customer_id: cid,
            invoice_id: inv.id,
            date: wo.date,
            amount: inv.open,
            approved_by: '总经理',
            reason: '债务人失联，经催收无果',
            created_at: at,
          });
          insertAllocation(sqlite, {
            invoice_id: inv.id,
            receipt_id: null,
            credit_note_id: null,
            write_off_id: id,
            amount: inv.open,
            date: wo.date,
            kind: 'write_off',
            created_at: at,
          });
          daily.add(wo.date, { written_off: inv.open, credits_n: 1 });
          inv.last = inv.last === null ? wo.date : maxDate(inv.last, wo.date);
          inv.open = 0;
          open.touch(inv.id, wo.date);
          counts.allocations++;
          counts.writeOffs++;
        },
      });
    }
    events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
    for (const e of events) e.run();
    plan.invoices.forEach((inv, j) => {
      const st = open.byId.get(invIds[j])!;
      insertInvoiceWithId(sqlite, {
        id: invIds[j],
        customer_id: cid,
        number: inv.number,
        issue_date: inv.issueDate,
        due_date: inv.dueDate,
        amount: inv.amount,
        description: inv.description,
        open_amount: st.open,
        settled_on: st.open === 0 ? st.last : null,
        paid_from: open.paidFrom.get(invIds[j]) ?? null,
        override_reason: null,
        source,
        created_at: at,
      });
      daily.add(inv.issueDate, { invoiced: inv.amount, invoices_n: 1 });
    });
    counts.invoices += plan.invoices.length;
  };

  // Invoices are inserted after their allocations (ids are known up front), so foreign keys
  // are checked at commit (defer_foreign_keys lasts for one transaction). The kept rows
  // (monthly sales, credit facts, late days) are brought up to date once per transaction, not
  // by a trigger per row (db/receivables/kept-pause.ts); paid_from is written with the invoice.
  const flush = sqlite.transaction((plans: DemoCustomerPlan[]) => {
    sqlite.pragma('defer_foreign_keys = ON');
    const mark = pauseKeptTriggers(sqlite);
    const indexes = dropIndexesOfEmptyTables(sqlite, BULK_TABLES);
    for (const p of plans) writeOne(p);
    recreateIndexes(sqlite, indexes);
    resumeKeptTriggers(
      sqlite,
      mark,
      plans.map((p) => p.customer.id),
    );
  });
  withBulkCacheSync(sqlite, { indexBuilds: true }, () => {
    planDemoReceivables(customers, totalInvoices, seed, (plan) => {
      pending.push(plan);
      pendingInvoices += plan.invoices.length;
      if (pendingInvoices >= 100_000) {
        flush(pending);
        pending = [];
        pendingInvoices = 0;
      }
    });
    flush(pending);
    sqlite.transaction(() => daily.flush(sqlite))();
  });
  return counts;
}

export function demoCustomerRefs(ctx: ServiceContext, codes?: string[]): DemoCustomerRef[] {
  const rows: DemoCustomerRef[] = customerTermsRefs(ctx.book.sqlite);
  if (!codes) return rows;
  const want = new Set(codes);
  return rows.filter((r) => want.has(r.code));
}

export const demoReceivables: DemoExtension = async ({ ctx, customers, invoices, seed }) => {
  const t0 = performance.now();
  const counts = writeDemoReceivables(ctx, demoCustomerRefs(ctx, customers), invoices, seed);
  await ctx.book.db
    .insertInto('audit_log')
    .values({
      at: ctx.clock.now().toISOString(),
      operator_id: ctx.session.operator?.id || null,
      operator_name: ctx.session.operator?.name ?? null,
      entity: 'demo',
      entity_id: 'receivables',
      customer_id: null,
      action: 'demo',
      before: null,
      after: JSON.stringify(counts),
      note: `reference date ${DEMO_REFERENCE_DATE}, seed ${seed}`,
    })
    .execute();
  return `${counts.invoices} invoices, ${counts.receipts} receipts (${counts.allocations} allocations), ${counts.creditNotes} credit notes, ${counts.writeOffs} write-offs, ${counts.notes} notes receivable in ${Math.round(performance.now() - t0)} ms`;
};
