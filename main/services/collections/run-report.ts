// Where a collections report runs: on the book's report worker for a big book (the window's main
// thread only waits for the answer), in-thread on the book's connection for a small one or when
// no worker can start. Either way after the writes queued before it (the per-book queue).
import { runCollectionsJob, type CollectionsJob, type CollectionsJobs } from '../../reports/collections/jobs';
import { ReportWorkerUnavailable, runInWorker, wantsWorker } from '../../workers/report-client';
import { read, serialize } from '../book-queue';
import type { ServiceContext } from '../context';

export async function runCollectionsReport<J extends CollectionsJob>(
  ctx: ServiceContext,
  job: J,
  args: CollectionsJobs[J]['args'],
): Promise<CollectionsJobs[J]['result']> {
  if (await serialize(ctx, () => wantsWorker(ctx.book))) {
    try {
      return await runInWorker(ctx.book, job, args);
    } catch (e) {
      if (!(e instanceof ReportWorkerUnavailable)) throw e;
      // no worker here: the same job in-thread
    }
  }
  return read(ctx, () => runCollectionsJob(ctx.book, job, args));
}
