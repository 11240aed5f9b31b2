// Where a long receivables report runs: on the book's report worker (main/workers) for a big
// book, so the window never waits on SQLite; in-thread on the book's own connection for a small
// one (or when no worker can start). Either way it runs after the writes queued before it, and
// reads one committed snapshot.
import type { AgeingReportOut, AgeingReportWire } from '../../../shared/types-receivables';
import { ReportWorkerUnavailable, runInWorker, wantsWorker, type WorkerJobOptions } from '../../workers/report-client';
import { runJob, type AgeingJobArgs, type ReportJob, type ReportJobs } from '../../reports/jobs';
import type { ServiceContext } from '../context';
import { columnsToReportSliced, columnsToWire } from '../../reports/ageing';
import { read, serialize } from '../book-queue';

export async function runReport<J extends ReportJob>(
  ctx: ServiceContext,
  job: J,
  args: ReportJobs[J]['args'],
  /** progress and cancel, for the jobs that report them (the credit back-test) */
  opts: WorkerJobOptions = {},
): Promise<ReportJobs[J]['result']> {
  if (await serialize(ctx, () => wantsWorker(ctx.book))) {
    try {
      return await runInWorker(ctx.book, job, args, opts);
    } catch (e) {
      if (!(e instanceof ReportWorkerUnavailable)) throw e;
      // no worker here: the same job in-thread
    }
  }
  const flag = opts.cancel ? new Int32Array(opts.cancel) : null;
  const ctl = { onProgress: opts.onProgress, isCancelled: () => flag !== null && Atomics.load(flag, 0) !== 0 };
  return read(ctx, async (sqlite) => (await runJob(sqlite, job, args, ctl)).result);
}

/** Whole-book ageing in the compact form `ageing:report` carries over IPC (no row objects here). */
export async function runAgeingWire(ctx: ServiceContext, args: AgeingJobArgs): Promise<AgeingReportWire> {
  const t0 = performance.now();
  const cols = await runReport(ctx, 'ageing', args);
  return columnsToWire(cols, performance.now() - t0);
}

/** Whole-book ageing as the report shape; rows are built in slices (never one long block). */
export async function runAgeing(ctx: ServiceContext, args: AgeingJobArgs): Promise<AgeingReportOut> {
  const t0 = performance.now();
  const cols = await runReport(ctx, 'ageing', args);
  return columnsToReportSliced(cols, t0);
}
