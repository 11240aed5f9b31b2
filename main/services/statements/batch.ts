// Batch statements (批量对账单): every customer with a balance as of `to`, or a filtered set
// (regions, value tiers, overdue only, explicit codes), one PDF per customer into a folder
// (`<code>-<name>-对账单-<to>.pdf`) or one combined PDF. One PDF renderer (one browser) for
// the whole run, a page per document; progress is polled, the run can be cancelled, and the
// run log (produced / skipped / failed) is kept in statement_runs.
import { serverError } from '../../../shared/messages/server-messages';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type {
  BatchLogEntry,
  StatementBatchInput,
  StatementBatchJob,
  StatementData,
} from '../../../shared/types-statements';
import { combinedSectionsHtml, statementFileName, statementSection, statementTitle } from '../../print/statement-html';
import { anchoredBody, numberPagesPerDocument, printSplit } from '../../print/pdf-split';
import { sanitizeFileName } from '../../print/html';
import type { PdfRenderer } from '../../print/pdf';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { read, serialize } from '../book-queue';
import { getCompany } from '../settings';
import { assertPeriod, statementDataSync } from './data';
import { isSensitive, recordSent } from './print';
import { balancesAsOf, batchCustomers } from '../../db/statements/customers';

export { balancesAsOf };

export interface BatchCandidate {
  id: number;
  code: string;
  name: string;
  confidentiality: string;
  balance: number;
  /** null: the code was asked for but does not exist */
  missing?: boolean;
}

export function selectCandidates(
  sqlite: Database.Database,
  input: Pick<StatementBatchInput, 'to' | 'filter'>,
): BatchCandidate[] {
  const f = input.filter ?? {};
  const balances = balancesAsOf(sqlite, input.to);
  const all = batchCustomers(sqlite);
  const codes = f.codes?.length ? new Set(f.codes.map((c) => c.trim()).filter(Boolean)) : null;
  const out: BatchCandidate[] = [];
  const seen = new Set<string>();
  for (const c of all) {
    if (codes && !codes.has(c.code)) continue;
    seen.add(c.code);
    if (f.regions?.length && !f.regions.includes(c.region_code ?? '')) continue;
    if (f.valueTiers?.length && !f.valueTiers.includes(c.value_tier ?? '')) continue;
    const balance = balances.get(c.id) ?? 0;
    if (!codes && !f.includeZero && balance === 0) continue;
    if (!codes && c.lifecycle === 'terminated' && balance === 0) continue;
    out.push({ id: c.id, code: c.code, name: c.name, confidentiality: c.confidentiality, balance });
  }
  if (codes)
    for (const code of codes)
      if (!seen.has(code)) out.push({ id: 0, code, name: '', confidentiality: 'normal', balance: 0, missing: true });
  return out;
}

export interface BatchDeps {
  renderer: () => PdfRenderer;
  /** Prints in flight at the same time (pages in the one browser). Default 2. */
  concurrency?: number;
  /** Statements per print (cut into one PDF each afterwards). Default 25. */
  chunkSize?: number;
}

export class BatchRun {
  readonly job: StatementBatchJob;
  private cancelled = false;
  readonly done: Promise<StatementBatchJob>;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly input: StatementBatchInput,
    runId: number,
    private readonly candidates: BatchCandidate[],
    private readonly deps: BatchDeps,
  ) {
    this.deps = { ...deps, chunkSize: Math.max(1, deps.chunkSize ?? 25) };
    this.job = {
      runId,
      state: 'running',
      total: candidates.length,
      processed: 0,
      produced: 0,
      skipped: 0,
      failed: 0,
      percent: 0,
      current: null,
      dir: input.dir,
      output: input.output,
      combinedFile: null,
      startedAt: ctx.clock.now().toISOString(),
      finishedAt: null,
      message: null,
      log: [],
    };
    this.done = this.run();
  }

  cancel(): void {
    this.cancelled = true;
  }

  snapshot(): StatementBatchJob {
    return { ...this.job, log: [...this.job.log] };
  }

  private logEntry(e: BatchLogEntry): void {
    this.job.log.push(e);
    this.job[e.status === 'produced' ? 'produced' : e.status === 'skipped' ? 'skipped' : 'failed']++;
  }

  /** A statement written to `file`: recorded as sent (the customer's history) and logged. */
  private async produced(
    d: Pick<StatementData, 'customer' | 'from' | 'to' | 'style' | 'closing'>,
    file: string,
  ): Promise<void> {
    await recordSent(this.ctx, {
      runId: this.job.runId,
      customerId: d.customer.id,
      from: d.from,
      to: d.to,
      style: d.style,
      closing: d.closing,
      file,
    });
    this.logEntry({
      customerCode: d.customer.code,
      customerName: d.customer.name,
      status: 'produced',
      file,
      closing: d.closing,
      message: null,
    });
  }

  private step(): void {
    this.job.processed++;
    this.job.percent = this.job.total ? Math.floor((this.job.processed * 100) / this.job.total) : 100;
  }

  private async run(): Promise<StatementBatchJob> {
    const { ctx, input } = this;
    const lang = input.lang ?? 'zh-CN';
    const style = input.style ?? 'balance_forward';
    let renderer: PdfRenderer | null = null;
    try {
      fs.mkdirSync(input.dir, { recursive: true });
      const company = await getCompany(ctx);
      renderer = this.deps.renderer();
      const queue = [...this.candidates];
      const combined: Pick<StatementData, 'customer' | 'from' | 'to' | 'style' | 'closing'>[] = [];
      // combined file: each statement numbers its own pages (print/pdf-split.ts numberPagesPerDocument)
      const combinedHtml: string[] = [];

      const loadOne = async (c: BatchCandidate): Promise<StatementData | null> => {
        const base = { customerCode: c.code, customerName: c.name, file: null, closing: null };
        if (c.missing) {
          this.logEntry({
            ...base,
            status: 'failed',
            message: 'unknown customer code',
            messageKey: 'batch_unknown_customer',
          });
          return null;
        }
        if (isSensitive(c.confidentiality) && !input.confirmed) {
          this.logEntry({
            ...base,
            status: 'skipped',
            message: `${c.confidentiality}: printing needs confirmation`,
            messageKey: c.confidentiality === 'top_secret' ? 'batch_confirm_top_secret' : 'batch_confirm_confidential',
          });
          return null;
        }
        const d = await read(ctx, (sqlite) =>
          statementDataSync(sqlite, company, { customerId: c.id, from: input.from, to: input.to, style }),
        );
        if (input.filter?.overdueOnly) {
          const overdue = Object.entries(d.ageing.buckets).some(([k, v]) => k !== 'not_due' && v > 0);
          if (!overdue) {
            this.logEntry({
              ...base,
              status: 'skipped',
              closing: d.closing,
              message: 'nothing overdue',
              messageKey: 'batch_nothing_overdue',
            });
            return null;
          }
        }
        return d;
      };

      // Per customer: documents are printed CHUNK at a time in one print and cut apart
      // (print/pdf-split.ts); two chunks are in flight, so Chromium prints one while this
      // process loads and splits the other.
      const wrap = (body: string) =>
        combinedSectionsHtml([body], `${lang === 'zh-CN' ? '对账单' : 'Statements'} ${input.to}`, { lang });
      const writeOne = async (d: StatementData, pdf: Buffer) => {
        const file = path.join(input.dir, statementFileName(d));
        const tmp = `${file}.partial`;
        fs.writeFileSync(tmp, pdf);
        fs.renameSync(tmp, file);
        await this.produced(d, file);
      };
      const failed = (c: Pick<BatchCandidate, 'code' | 'name'>, e: unknown) =>
        this.logEntry({
          customerCode: c.code,
          customerName: c.name,
          status: 'failed',
          file: null,
          closing: null,
          message: (e as Error).message ?? String(e),
        });

      const worker = async () => {
        while (queue.length && !this.cancelled) {
          // gather the next chunk's statements (skipped and failed ones are logged on the way)
          const chunk: StatementData[] = [];
          while (queue.length && chunk.length < this.deps.chunkSize! && !this.cancelled) {
            const c = queue.shift()!;
            this.job.current = c.code;
            try {
              const d = await loadOne(c);
              if (d && input.output === 'combined') {
                combined.push({ customer: d.customer, from: d.from, to: d.to, style: d.style, closing: d.closing });
                combinedHtml.push(statementSection(d, lang));
              } else if (d) {
                chunk.push(d);
                continue; // counted once printed
              }
            } catch (e) {
              failed(c, e);
            }
            this.step();
          }
          if (!chunk.length) continue;
          let pdfs: Buffer[] | null = null;
          try {
            pdfs = await printSplit(
              renderer!,
              chunk.map((d) => ({
                section: statementSection(d, lang),
                footerLabel: d.customer.code,
                title: statementTitle(d, lang),
              })),
              wrap,
            );
          } catch (e) {
            for (const d of chunk) {
              failed(d.customer, e);
              this.step();
            }
            continue;
          }
          for (let i = 0; i < chunk.length; i++) {
            try {
              await writeOne(chunk[i], pdfs[i]);
            } catch (e) {
              failed(chunk[i].customer, e);
            }
            this.step();
          }
        }
      };
      const n = input.output === 'combined' ? 1 : Math.max(1, this.deps.concurrency ?? 2);
      await Promise.all(Array.from({ length: n }, () => worker()));

      if (input.output === 'combined' && combined.length && !this.cancelled) {
        this.job.current = null;
        const title = `${lang === 'zh-CN' ? '对账单' : 'Statements'} ${input.from}~${input.to}`;
        const printed = await renderer.htmlToPdf(combinedSectionsHtml([anchoredBody(combinedHtml)], title, { lang }), {
          pageNumbers: false,
        });
        const labels = combined.map((d) => ({ footerLabel: d.customer.code }));
        const pdf =
          (await numberPagesPerDocument(printed, labels, `statements ${input.to}`)) ??
          (await renderer.htmlToPdf(combinedSectionsHtml(combinedHtml, title, { lang }), {
            title: `statements ${input.to}`,
          }));
        const file = path.join(input.dir, `${sanitizeFileName(`对账单-${input.from}-${input.to}-合并`)}.pdf`);
        fs.writeFileSync(`${file}.partial`, pdf);
        fs.renameSync(`${file}.partial`, file);
        this.job.combinedFile = file;
        for (const d of combined) {
          await this.produced(d, file);
        }
      }
      this.job.state = this.cancelled ? 'cancelled' : 'done';
    } catch (e) {
      this.job.state = 'failed';
      this.job.message = (e as Error).message ?? String(e);
    } finally {
      this.job.current = null;
      this.job.finishedAt = this.ctx.clock.now().toISOString();
      if (this.job.state !== 'running' && this.job.processed === this.job.total) this.job.percent = 100;
      await renderer?.close().catch(() => undefined);
      await this.finish().catch(() => undefined);
    }
    return this.snapshot();
  }

  private async finish(): Promise<void> {
    const j = this.job;
    await serialize(this.ctx, () =>
      this.ctx.book.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('statement_runs')
          .set({
            state: j.state,
            produced: j.produced,
            skipped: j.skipped,
            failed: j.failed,
            log: JSON.stringify(j.log),
            finished_at: j.finishedAt,
          })
          .where('id', '=', j.runId)
          .execute();
        await writeAudit(this.ctx, trx, {
          entity: 'statement_run',
          entityId: j.runId,
          action: 'batch',
          after: {
            from: this.input.from,
            to: this.input.to,
            output: j.output,
            dir: j.dir,
            state: j.state,
            produced: j.produced,
            skipped: j.skipped,
            failed: j.failed,
            sensitiveIncluded: this.input.confirmed
              ? this.candidates.filter((c) => isSensitive(c.confidentiality)).map((c) => c.code)
              : [],
          },
          note: this.input.confirmed ? 'user confirmed printing confidential/top-secret customers' : null,
        });
      }),
    );
  }
}

export async function startBatchRun(
  ctx: ServiceContext,
  input: StatementBatchInput,
  deps: BatchDeps,
): Promise<BatchRun> {
  assertPeriod(input.from, input.to);
  if (!path.isAbsolute(input.dir)) throw serverError('VALIDATION', 'dir_not_absolute', {}, { field: 'dir' });
  try {
    fs.mkdirSync(input.dir, { recursive: true });
    fs.accessSync(input.dir, fs.constants.W_OK);
  } catch (e) {
    throw serverError(
      'VALIDATION',
      'dir_not_writable',
      { dir: input.dir, detail: (e as Error).message },
      { field: 'dir' },
    );
  }
  const candidates = await read(ctx, (sqlite) => selectCandidates(sqlite, input));
  const runId = await serialize(ctx, async () => {
    const r = await ctx.book.db
      .insertInto('statement_runs')
      .values({
        kind: 'batch',
        period_from: input.from,
        period_to: input.to,
        style: input.style ?? 'balance_forward',
        lang: input.lang ?? 'zh-CN',
        output: input.output,
        target_dir: input.dir,
        filter: JSON.stringify(input.filter ?? {}),
        state: 'running',
        log: null,
        operator_name: ctx.session.operator?.name ?? null,
        started_at: ctx.clock.now().toISOString(),
        finished_at: null,
      })
      .executeTakeFirstOrThrow();
    return Number(r.insertId);
  });
  return new BatchRun(ctx, input, runId, candidates, deps);
}
