// The statements service (one per open-book host; Desk builds it): which PDF renderer to use (the Electron shell injects its
// printToPDF renderer; browser mode, the CLI and tests use Chromium through playwright-core),
// a shared renderer for single PDFs (closed when idle), and the one batch run at a time.
import { serverError } from '../../../shared/messages/server-messages';
import type { StatementBatchInput, StatementBatchJob } from '../../../shared/types-statements';
import type { PdfRenderer, PdfRendererFactory } from '../../print/pdf';
import { PlaywrightPdfRenderer } from '../../print/playwright';
import type { ServiceContext } from '../context';
import { startBatchRun, type BatchRun } from './batch';

export interface StatementsServiceOptions {
  pdfRenderer?: PdfRendererFactory;
  /** PDFs rendered at once in a batch (default 3). */
  concurrency?: number;
  /** Close the shared single-PDF renderer after this long unused (default 60 s). */
  idleCloseMs?: number;
}

// A page is reused for 20 documents, then replaced: about half the time of a fresh page per
// document (scripts/bench/statements.ts) with memory still flat.
export const defaultPdfRenderer: PdfRendererFactory = () => new PlaywrightPdfRenderer({ documentsPerPage: 1 });

export class StatementsService {
  private opts: StatementsServiceOptions;
  private shared: PdfRenderer | null = null;
  private idle: NodeJS.Timeout | null = null;
  private busy = 0;
  private batch: BatchRun | null = null;

  constructor(opts: StatementsServiceOptions = {}) {
    this.opts = opts;
  }

  configure(opts: StatementsServiceOptions): this {
    this.opts = { ...this.opts, ...opts };
    return this;
  }

  get factory(): PdfRendererFactory {
    return this.opts.pdfRenderer ?? defaultPdfRenderer;
  }

  /** Runs `fn` with the shared renderer (launched on first use, closed after a quiet minute). */
  async withRenderer<T>(fn: (r: PdfRenderer) => Promise<T>): Promise<T> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (!this.shared) this.shared = this.factory();
    const r = this.shared;
    this.busy++;
    try {
      return await fn(r);
    } finally {
      this.busy--;
      if (this.busy === 0) {
        this.idle = setTimeout(() => void this.closeShared(), this.opts.idleCloseMs ?? 60_000);
        this.idle.unref?.();
      }
    }
  }

  private async closeShared(): Promise<void> {
    if (this.busy > 0) return;
    const r = this.shared;
    this.shared = null;
    await r?.close().catch(() => undefined);
  }

  async startBatch(ctx: ServiceContext, input: StatementBatchInput): Promise<StatementBatchJob> {
    if (this.batch?.job.state === 'running')
      throw serverError('CONFLICT', 'batch_running', {}, { field: 'dir', bare: true });
    this.batch = await startBatchRun(ctx, input, { renderer: this.factory, concurrency: this.opts.concurrency });
    return this.batch.snapshot();
  }

  progress(): StatementBatchJob | null {
    return this.batch?.snapshot() ?? null;
  }

  cancel(): StatementBatchJob | null {
    this.batch?.cancel();
    return this.progress();
  }

  /** Resolves when the current batch (if any) has finished. */
  async waitBatch(): Promise<StatementBatchJob | null> {
    return this.batch ? this.batch.done : null;
  }

  async close(): Promise<void> {
    this.batch?.cancel();
    await this.batch?.done.catch(() => undefined);
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    await this.closeShared();
  }
}
