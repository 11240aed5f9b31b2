// The collections desk's long reports as report-worker jobs (main/workers): today's worklist,
// the dunning list, promise statuses, the collection calendar and the dashboard KPIs. On a big
// book they run on the worker's own read-only connection so the window's main thread never
// waits for them (issue #13: the window never blocks for more than 100 ms); on a small book (or
// without a worker) the same functions run in-thread. One function per job, shared by both paths,
// so the two cannot answer differently.
import type { Book } from '../../db/connection';
import type { CalendarReport, DunningListRow, WorklistRow } from '../../../shared/types-collections';
import type { CollectionsKpisOut } from '../../../shared/types-collections-kpis';
import { calendarReport } from '../calendar/calendar';
import type { CalendarWindow } from '../calendar/sources';
import { dunningList } from './dunning';
import { dunningPage, type DunningPageArgs } from './dunning-page';
import type { DunningPage } from '../../../shared/types-dunning-page';
import { collectionsKpis } from './kpis';
import { promiseStatusColumns } from './promise-status';
import type { PromiseStatusColumns } from './promise-status-columns';
import { keptWorklist, worklistPage, worklistRowsToKeep, type WorklistPageArgs } from './worklist-kept';
import type { KeptRowIn } from '../../db/collections/worklist-kept';
import type { WorklistPage } from '../../../shared/types-worklist-page';
import { calendarPageJob, type CalendarPageArgs } from '../calendar/page-job';
import type { CalendarPageReport } from '../../../shared/types-calendar-page';

export interface CollectionsJobs {
  'collections:worklist': { args: { asOf: string }; result: WorklistRow[] };
  'collections:worklist-page': { args: WorklistPageArgs; result: WorklistPage };
  'collections:worklist-kept-rows': { args: { asOf: string }; result: KeptRowIn[] };
  'collections:dunning': { args: { asOf: string }; result: DunningListRow[] };
  'collections:dunning-page': { args: DunningPageArgs; result: DunningPage };
  'collections:promises': { args: { asOf: string; customerId?: number }; result: PromiseStatusColumns };
  'collections:calendar': { args: CalendarWindow; result: CalendarReport };
  'collections:kpis': { args: { asOf: string; from: string; to: string }; result: CollectionsKpisOut };
  'collections:calendar-page': { args: CalendarPageArgs; result: CalendarPageReport };
}
export type CollectionsJob = keyof CollectionsJobs;

type Runners = {
  [J in CollectionsJob]: (
    book: Book,
    args: CollectionsJobs[J]['args'],
  ) => CollectionsJobs[J]['result'] | Promise<CollectionsJobs[J]['result']>;
};

const RUNNERS: Runners = {
  'collections:worklist': (book, a) => keptWorklist(book, a.asOf),
  'collections:worklist-page': (book, a) => worklistPage(book, a),
  'collections:worklist-kept-rows': (book, a) => worklistRowsToKeep(book, a.asOf),
  'collections:dunning': (book, a) => dunningList(book, a.asOf),
  'collections:dunning-page': (book, a) => dunningPage(book, a),
  'collections:promises': (book, a) => promiseStatusColumns(book, { asOf: a.asOf, customerId: a.customerId }),
  'collections:calendar': (book, a) => calendarReport(book, { from: a.from, to: a.to, asOf: a.asOf }),
  'collections:kpis': (book, a) => collectionsKpis(book, a),
  'collections:calendar-page': (book, a) => calendarPageJob(book, a),
};

export function isCollectionsJob(job: string): job is CollectionsJob {
  return Object.hasOwn(RUNNERS, job);
}

/** Runs one collections job (the worker wraps it in one read snapshot: main/reports/jobs.ts). */
export async function runCollectionsJob<J extends CollectionsJob>(
  book: Book,
  job: J,
  args: CollectionsJobs[J]['args'],
): Promise<CollectionsJobs[J]['result']> {
  const run = RUNNERS[job] as (b: Book, a: CollectionsJobs[J]['args']) => Promise<CollectionsJobs[J]['result']>;
  return run(book, args);
}
