// Collections KPIs for the receivables dashboard (issue #13 item 7; formulas in
// domain/collections-kpi.ts): CEI and best-possible DSO over the period, the promise-kept rate
// of the promises due in the period, and the 13-week cash-in forecast as of asOf.
import type { Book } from '../../db/connection';
import { dailyTotals, openByCustomerDueAsOf } from '../../db/collections/kpis';
import { lateDaysByCustomer } from '../../db/collections/payment-history';
import { bestPossibleDsoTenths, cashInForecast, ceiBp, periodBalances, rateBp } from '../../domain/collections-kpi';
import { promiseKeptRate } from '../../domain/promises';
import { averageDaysLate } from '../../domain/worklist-score';
import type { CollectionsKpisOut } from '../../../shared/types-collections-kpis';
import { promiseStatusRows } from './promise-status';

export function collectionsKpis(book: Book, q: { asOf: string; from: string; to: string }): CollectionsKpisOut {
  const t0 = performance.now();
  const sqlite = book.sqlite;
  const flows = periodBalances(dailyTotals(sqlite), q.from, q.to);
  const openNow = openByCustomerDueAsOf(sqlite, q.asOf);
  const openAtEnd = q.to === q.asOf ? openNow : openByCustomerDueAsOf(sqlite, q.to);
  let closingCurrent = 0;
  for (const o of openAtEnd) if (o.dueDate >= q.to) closingCurrent += o.open;

  const promises = promiseStatusRows(book, { asOf: q.asOf, promisedFrom: q.from, promisedTo: q.to }).filter(
    (p) => p.promisedOn >= q.from && p.promisedOn <= q.to,
  );
  const kept = promiseKeptRate(promises.map((p) => p.status));

  const late = lateDaysByCustomer(sqlite, [...new Set(openNow.map((o) => o.customerId))]);
  const avg = new Map([...late].map(([cid, l]) => [cid, averageDaysLate(l.lateDays, l.count)]));
  return {
    asOf: q.asOf,
    from: q.from,
    to: q.to,
    days: flows.days,
    cei: {
      bp: ceiBp(flows.opening, flows.sales, flows.closing, closingCurrent),
      opening: flows.opening,
      sales: flows.sales,
      closing: flows.closing,
      closingCurrent,
    },
    bestPossibleDsoTenths: bestPossibleDsoTenths(closingCurrent, flows.sales, flows.days),
    promiseKept: { kept: kept.kept, decided: kept.decided, bp: rateBp(kept.kept, kept.decided) },
    forecast: cashInForecast(openNow, (cid) => avg.get(cid) ?? 0, q.asOf),
    ms: Math.round(performance.now() - t0),
  };
}
