// Receivables dashboard KPIs (SPEC §2): total receivable, overdue amount and share, DSO and
// collection rate for a period, receivables cost (opportunity cost + provision), 12 month-end
// balances, top 10 overdue customers. Book-level flows come from the per-day totals.
import {
  DEFAULT_DUE_BUCKETS,
  type ArCreditNote,
  type ArInvoice,
  type ArReceipt,
  type ArWriteOff,
} from '../domain/ageing';
import { addMonths, monthEnd } from '../domain/dates';
import { collectionRate, dso, opportunityCost, periodFlows, receivablesCost, shareBp } from '../domain/kpi';
import { computeProvision } from '../domain/provision';
import { creditsCurrent } from '../db/receivables/as-of';
import { currentTotals, dailyRows, topOverdueCurrent } from '../db/receivables/dashboard';
import { customerDirectory } from '../db/receivables/directory';
import type { DashboardOut, ReceivablesSettings } from '../../shared/types-receivables';
import type Database from 'better-sqlite3';
import { bucketRanges, computeAgeing, computeAgeingColumns, isCurrent } from './ageing';

/** The dashboard figures on one connection (the report worker's, or the book's for small books). */
export function computeDashboard(
  sqlite: Database.Database,
  q: { asOf: string; from: string; to: string; settings: ReceivablesSettings },
): DashboardOut {
  const { asOf, from, to, settings } = q;
  {
    const t0 = performance.now();
    let total = 0;
    let overdue = 0;
    let unapplied = 0;
    let issueTotals: number[];
    let topOverdue: DashboardOut['topOverdue'];
    if (isCurrent(sqlite, asOf)) {
      // as of today: three aggregate queries over the open-invoice index
      const cur = currentTotals(sqlite, asOf, bucketRanges(asOf, settings.provisionBuckets));
      total = cur.total;
      overdue = cur.overdue;
      issueTotals = cur.issue;
      for (const c of creditsCurrent(sqlite)) unapplied -= c.credit;
      const dir = customerDirectory(sqlite);
      topOverdue = topOverdueCurrent(sqlite, asOf, 10).map((t) => {
        const k = dir.rankById[t.cid];
        const pos = computeAgeing(sqlite, asOf, 'due', DEFAULT_DUE_BUCKETS, { customerId: t.cid });
        return {
          customerId: t.cid,
          customerCode: dir.code[k],
          customerName: dir.name[k],
          overdue: t.overdue,
          total: pos.totals.total,
        };
      });
    } else {
      // as columns (no row objects for 100,000 customers)
      const due = computeAgeingColumns(sqlite, asOf, 'due', DEFAULT_DUE_BUCKETS);
      for (const v of Object.values(due.totals.buckets)) total += v;
      overdue = total - due.totals.buckets.not_due;
      unapplied = due.totals.unapplied;
      const issue = computeAgeingColumns(sqlite, asOf, 'issue', settings.provisionBuckets);
      issueTotals = settings.provisionBuckets.map((b) => issue.totals.buckets[b.key]);
      const n = due.keys.length;
      const nd = due.keys.indexOf('not_due');
      const top: number[] = [];
      const overdueOf = (i: number) => due.total[i] - due.unapplied[i] - due.cells[i * n + nd];
      for (let i = 0; i < due.code.length; i++) if (overdueOf(i) > 0) top.push(i);
      topOverdue = top
        .sort((a, b) => overdueOf(b) - overdueOf(a) || (due.code[a] < due.code[b] ? -1 : 1))
        .slice(0, 10)
        .map((i) => ({
          customerId: due.customerId[i],
          customerCode: due.code[i],
          customerName: due.name[i],
          overdue: overdueOf(i),
          total: due.total[i],
        }));
    }
    const notDue = total - overdue;
    const items = settings.provisionBuckets.map((b, k) => ({
      open: issueTotals[k],
      daysSinceIssue: b.from ?? b.to ?? 0,
    }));
    const provision = computeProvision(items, {
      standard: settings.accountingStandard,
      buckets: settings.provisionBuckets,
      ratesBp: settings.provisionRatesBp,
    });

    const days = dailyRows(sqlite);
    const invoices: ArInvoice[] = [];
    const receipts: ArReceipt[] = [];
    const creditNotes: ArCreditNote[] = [];
    const writeOffs: ArWriteOff[] = [];
    days.forEach((d, i) => {
      if (d.invoiced)
        invoices.push({ id: i, customerId: 0, number: '', issueDate: d.date, dueDate: d.date, amount: d.invoiced });
      if (d.received) receipts.push({ id: i, customerId: 0, date: d.date, amount: d.received });
      if (d.credited) creditNotes.push({ id: i, customerId: 0, number: '', date: d.date, amount: d.credited });
      if (d.written_off) writeOffs.push({ id: i, customerId: 0, date: d.date, amount: d.written_off, invoiceId: 0 });
    });
    const flows = periodFlows({ invoices, receipts, allocations: [], creditNotes, writeOffs }, from, to);
    const opp = opportunityCost(flows.averageDailyBalance, settings.costOfCapitalBp, flows.days);
    const cost = receivablesCost(opp, provision.provision);

    // month-end balances: cumulative per-day totals
    const ends: string[] = [];
    for (let i = 11; i >= 0; i--) {
      const me = monthEnd(addMonths(asOf, -i));
      ends.push(me > asOf ? asOf : me);
    }
    const trend: DashboardOut['trend'] = [];
    let bal = 0;
    let j = 0;
    for (const end of ends) {
      while (j < days.length && days[j].date <= end) {
        const d = days[j++];
        bal += d.invoiced - d.received - d.credited - d.written_off;
      }
      trend.push({ month: end.slice(0, 7), date: end, balance: bal });
    }

    return {
      asOf,
      totalReceivable: total,
      overdue,
      notDue,
      overdueShareBp: shareBp(overdue, total),
      unapplied,
      net: total + unapplied,
      period: {
        from: flows.from,
        to: flows.to,
        days: flows.days,
        opening: flows.opening,
        sales: flows.sales,
        collected: flows.collected,
        otherCredits: flows.otherCredits,
        closing: flows.closing,
        averageDailyBalance: flows.averageDailyBalance,
      },
      dso: dso(flows.averageDailyBalance, flows.sales, flows.days),
      collectionRate: collectionRate(flows.collected, flows.opening, flows.sales),
      cost: {
        costOfCapitalBp: settings.costOfCapitalBp,
        opportunityCost: cost.opportunityCost,
        provision: cost.provision,
        total: cost.total,
        standard: provision.standard,
        provisionLines: provision.lines,
      },
      trend,
      topOverdue,
      ms: Math.round(performance.now() - t0),
    };
  }
}
