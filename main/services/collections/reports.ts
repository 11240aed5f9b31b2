// Read side of the collections desk for IPC and the CLI: promise statuses, the dunning list and
// the calendar, each as of a date, read between writes; the long ones on the report worker
// for a big book (run-report.ts).
import type {
  CalendarReport,
  CustomerCollectionsOut,
  DunningReport,
  PromiseReport,
  WorklistRow,
} from '../../../shared/types-collections';
import { promiseKeptRate } from '../../domain/promises';
import { recordsOfCustomer } from './records';
import { promiseStatusRows } from '../../reports/collections/promise-status';
import { promiseRowsInTurns } from '../../reports/collections/promise-status-columns';
import type { ServiceContext } from '../context';
import { read } from '../book-queue';
import { runCollectionsReport } from './run-report';

export async function promiseReport(
  ctx: ServiceContext,
  q: { asOf: string; customerId?: number },
): Promise<PromiseReport> {
  const cols = await runCollectionsReport(ctx, 'collections:promises', { asOf: q.asOf, customerId: q.customerId });
  return { asOf: q.asOf, rows: await promiseRowsInTurns(cols) };
}

export async function dunningReport(ctx: ServiceContext, q: { asOf: string }): Promise<DunningReport> {
  return { asOf: q.asOf, rows: await runCollectionsReport(ctx, 'collections:dunning', { asOf: q.asOf }) };
}

export async function collectionCalendar(
  ctx: ServiceContext,
  q: { from: string; to: string; asOf?: string },
): Promise<CalendarReport> {
  return runCollectionsReport(ctx, 'collections:calendar', {
    from: q.from,
    to: q.to,
    asOf: q.asOf ?? ctx.clock.today(),
  });
}

export async function todayWorklist(
  ctx: ServiceContext,
  q: { asOf?: string },
): Promise<{ asOf: string; rows: WorklistRow[] }> {
  const asOf = q.asOf ?? ctx.clock.today();
  return { asOf, rows: await runCollectionsReport(ctx, 'collections:worklist', { asOf }) };
}

export async function customerCollections(
  ctx: ServiceContext,
  q: { customerId: number; asOf?: string },
): Promise<CustomerCollectionsOut> {
  const asOf = q.asOf ?? ctx.clock.today();
  return read(ctx, (sqlite) => {
    const promises = promiseStatusRows(ctx.book, { asOf, customerId: q.customerId });
    return {
      asOf,
      promises,
      records: recordsOfCustomer(sqlite, q.customerId),
      keptRate: promiseKeptRate(promises.map((p) => p.status)),
    };
  });
}
