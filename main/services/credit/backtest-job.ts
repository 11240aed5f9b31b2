// The grade back-test as a job (issue 12): started from the credit page, run on the book's
// report worker (off the window's thread; in-thread for a small book), its progress polled by
// the page and cancellable. One run per book at a time; the last run's answer stays readable.
import type { Book } from '../../db/connection';
import type { CreditBacktestJob, CreditBacktestOut } from '../../../shared/types-credit';
import type { BacktestProgress } from '../../reports/credit-backtest';
import type { ServiceContext } from '../context';
import { runReport } from '../receivables/reports';

interface Entry {
  job: CreditBacktestJob;
  /** one Int32 shared with the worker: 1 = cancel */
  cancel: Int32Array;
  /** settles when the run has ended (tests, shutdown) */
  finished: Promise<void>;
}

const jobs = new WeakMap<Book, Entry>();

const copy = (e: Entry | undefined): CreditBacktestJob | null => (e ? { ...e.job } : null);

/** The back-test once, waiting for its answer (no progress, no cancel). */
export async function runBacktest(ctx: ServiceContext, asOf: string): Promise<CreditBacktestOut> {
  return (await runReport(ctx, 'credit-backtest', { asOf }))!;
}

/** Starts a back-test as of `asOf` (or answers the one still running). */
export function startBacktest(ctx: ServiceContext, asOf: string): CreditBacktestJob {
  const running = jobs.get(ctx.book);
  if (running?.job.state === 'running') return copy(running)!;
  const job: CreditBacktestJob = {
    state: 'running',
    asOf,
    done: 0,
    total: 0,
    customers: 0,
    result: null,
    error: null,
  };
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const onProgress = (p: BacktestProgress) => {
    if (job.state === 'running') Object.assign(job, p);
  };
  const finished = runReport(
    ctx,
    'credit-backtest',
    { asOf },
    { onProgress, cancel: cancel.buffer as SharedArrayBuffer },
  )
    .then((result) => {
      if (job.state !== 'running') return; // cancelled meanwhile: a late answer is dropped
      job.result = result;
      job.state = result ? 'done' : 'cancelled';
    })
    .catch((e: unknown) => {
      if (job.state !== 'running') return;
      job.state = 'failed';
      job.error = (e as { key?: string; message?: string })?.key ?? (e as Error)?.message ?? String(e);
    });
  const entry: Entry = { job, cancel, finished };
  jobs.set(ctx.book, entry);
  return copy(entry)!;
}

/** The book's current or last back-test (null before the first). */
export function backtestProgress(ctx: ServiceContext): CreditBacktestJob | null {
  return copy(jobs.get(ctx.book));
}

/** Stops the running back-test: the page shows it stopped at once; the worker ends at its next slice. */
export function cancelBacktest(ctx: ServiceContext): CreditBacktestJob | null {
  const e = jobs.get(ctx.book);
  if (e && e.job.state === 'running') {
    Atomics.store(e.cancel, 0, 1);
    e.job.state = 'cancelled';
  }
  return copy(e);
}

/** Settles when the book's last back-test has ended (tests). */
export function backtestFinished(book: Book): Promise<void> {
  return jobs.get(book)?.finished ?? Promise.resolve();
}
