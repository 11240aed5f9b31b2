// Read side of the collections desk for IPC and the CLI: promise statuses, the dunning list and
// the calendar, each as of a date, read between writes (the per-book queue).
import type {
  CalendarReport,
  CustomerCollectionsOut,
  DunningReport,
  PromiseReport,
  WorklistRow,
} from '../../../shared/types-collections';
import { worklist } from '../../reports/collections/worklist';
import { promiseKeptRate } from '../../domain/promises';
import { recordsOfCustomer } from './records';
import { calendarReport } from '../../reports/calendar/calendar';
import { dunningList } from '../../reports/collections/dunning';
import { promiseStatusRows } from '../../reports/collections/promise-status';
import type { ServiceContext } from '../context';
import { read } from '../book-queue';

export async function promiseReport(
  ctx: ServiceContext,
  q: { asOf: string; customerId?: number },
): Promise<PromiseReport> {
  return read(ctx, () => ({
    asOf: q.asOf,
    rows: promiseStatusRows(ctx.book, { asOf: q.asOf, customerId: q.customerId }),
  }));
}

export async function dunningReport(ctx: ServiceContext, q: { asOf: string }): Promise<DunningReport> {
  return read(ctx, () => ({ asOf: q.asOf, rows: dunningList(ctx.book, q.asOf) }));
}

export async function collectionCalendar(
  ctx: ServiceContext,
  q: { from: string; to: string; asOf?: string },
): Promise<CalendarReport> {
  return read(ctx, () => calendarReport(ctx.book, { from: q.from, to: q.to, asOf: q.asOf ?? ctx.clock.today() }));
}

export async function todayWorklist(
  ctx: ServiceContext,
  q: { asOf?: string },
): Promise<{ asOf: string; rows: WorklistRow[] }> {
  const asOf = q.asOf ?? ctx.clock.today();
  return read(ctx, async () => ({ asOf, rows: await worklist(ctx.book, asOf) }));
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
