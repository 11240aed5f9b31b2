// Long receivables reports as jobs: what the report worker (report-worker.ts) runs on its own
// read-only connection, and what the main thread runs itself for a small book. The reads of a
// job happen in one transaction (one consistent snapshot of the book); file building (export)
// follows outside it.
import type Database from 'better-sqlite3';
import type { BucketSet } from '../domain/ageing';
import type { ExportFile } from '../../shared/types';
import type { DashboardOut, ReceivablesSettings, TieOutOut } from '../../shared/types-receivables';
import { columnBuffers, computeAgeingColumns, computeTieOut, rowAt, type AgeingColumns } from './ageing';
import { computeDashboard } from './dashboard';
import { isCollectionsJob, runCollectionsJob, type CollectionsJobs } from './collections/jobs';
import { promiseColumnBuffers, type PromiseStatusColumns } from './collections/promise-status-columns';
import { bookOfConnection, inReadSnapshot } from '../db/read-snapshot';
import { creditBacktest, type BacktestControl } from './credit-backtest';
import type { CreditBacktestOut } from '../../shared/types-credit';

export interface AgeingJobArgs {
  asOf: string;
  basis: 'due' | 'issue';
  set: BucketSet;
  rebuild?: boolean;
}

export interface ReportJobs extends CollectionsJobs {
  ageing: { args: AgeingJobArgs; result: AgeingColumns };
  'tie-out': { args: { asOf: string }; result: TieOutOut };
  dashboard: { args: { asOf: string; from: string; to: string; settings: ReceivablesSettings }; result: DashboardOut };
  export: {
    args: AgeingJobArgs & { format: 'csv' | 'xlsx'; locale?: 'zh-CN' | 'en'; maskCodes?: string[] };
    result: ExportFile;
  };
  /** null when cancelled (JobControl.isCancelled) */
  'credit-backtest': { args: { asOf: string }; result: CreditBacktestOut | null };
}

/** Progress and cancel for the jobs that report them (the back-test); others ignore it. */
export type JobControl = BacktestControl;
export type ReportJob = keyof ReportJobs;

export interface JobOutput<J extends ReportJob> {
  result: ReportJobs[J]['result'];
  /** buffers to transfer (not copy) to the main thread */
  transfer: ArrayBuffer[];
}

function snapshot<T>(sqlite: Database.Database, fn: () => T): T {
  return sqlite.inTransaction ? fn() : sqlite.transaction(fn)();
}

export async function runJob<J extends ReportJob>(
  sqlite: Database.Database,
  job: J,
  args: ReportJobs[J]['args'],
  ctl: JobControl = {},
): Promise<JobOutput<J>> {
  switch (job) {
    case 'ageing': {
      const a = args as AgeingJobArgs;
      const cols = snapshot(sqlite, () => computeAgeingColumns(sqlite, a.asOf, a.basis, a.set, { rebuild: a.rebuild }));
      return { result: cols, transfer: columnBuffers(cols) } as JobOutput<J>;
    }
    case 'tie-out': {
      const a = args as ReportJobs['tie-out']['args'];
      return { result: snapshot(sqlite, () => computeTieOut(sqlite, a.asOf)), transfer: [] } as JobOutput<J>;
    }
    case 'dashboard': {
      const a = args as ReportJobs['dashboard']['args'];
      return { result: snapshot(sqlite, () => computeDashboard(sqlite, a)), transfer: [] } as JobOutput<J>;
    }
    case 'export': {
      const a = args as ReportJobs['export']['args'];
      const cols = snapshot(sqlite, () => computeAgeingColumns(sqlite, a.asOf, a.basis, a.set, { rebuild: a.rebuild }));
      const { buildAgeingExport } = await import('./ageing-export');
      const rows = {
        rep: { basis: cols.basis, buckets: cols.buckets, totals: cols.totals },
        count: cols.code.length,
        row: (i: number) => rowAt(cols, i),
      };
      return { result: await buildAgeingExport(rows, a), transfer: [] } as JobOutput<J>;
    }
    case 'credit-backtest': {
      const a = args as ReportJobs['credit-backtest']['args'];
      return { result: snapshot(sqlite, () => creditBacktest(sqlite, a.asOf, ctl)), transfer: [] } as JobOutput<J>;
    }
    default:
      if (isCollectionsJob(job)) {
        const book = bookOfConnection(sqlite);
        const result = await inReadSnapshot(sqlite, () => runCollectionsJob(book, job, args as never));
        // promise statuses are typed columns: their buffers move, not copied
        const transfer = job === 'collections:promises' ? promiseColumnBuffers(result as PromiseStatusColumns) : [];
        return { result, transfer } as JobOutput<J>;
      }
      throw new Error(`unknown report job ${String(job)}`);
  }
}
