// Statements benchmark: statement data for one customer with 10,000 documents (target ≤ 300 ms)
// and a batch of 1,000 one-page statements to PDF through Chromium (target ≤ 150 s, memory
// flat: peak RSS growth of this process and of the Chromium processes is reported).
//
//   node bin/run-ts.mjs scripts/bench/statements.ts [--statements N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openBook } from '../../main/db/connection';
import { systemClock, type ServiceContext } from '../../main/services/context';
import { initCompany } from '../../main/services/settings';
import { statementData, startBatchRun } from '../../main/services/statements';
import { PlaywrightPdfRenderer } from '../../main/print/playwright';

const r1 = (n: number) => Math.round(n * 10) / 10;

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** RSS (bytes) of the processes below `pid` (Linux /proc; 0 elsewhere). */
function childrenRss(pid = process.pid): number {
  if (process.platform !== 'linux') return 0;
  const kids = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(after[1]);
      const pages = Number(after[21]);
      const p = Number(e);
      rss.set(p, pages * 4096);
      const list = kids.get(ppid) ?? [];
      list.push(p);
      kids.set(ppid, list);
    } catch {
      /* process ended */
    }
  }
  let sum = 0;
  const stack = [...(kids.get(pid) ?? [])];
  while (stack.length) {
    const p = stack.pop()!;
    sum += rss.get(p) ?? 0;
    stack.push(...(kids.get(p) ?? []));
  }
  return sum;
}

export async function newBook(file: string): Promise<ServiceContext> {
  const book = await openBook(file, { create: true });
  const ctx: ServiceContext = {
    book,
    clock: systemClock,
    session: { operator: { id: 0, name: 'bench', hasPassword: false } },
  };
  await initCompany(ctx, '杭州华盛商贸有限公司');
  return ctx;
}

export function insertCustomers(ctx: ServiceContext, n: number, prefix: string): number[] {
  const now = new Date().toISOString();
  const ins = ctx.book.sqlite.prepare(
    `INSERT INTO customers (code, name, kind, nature, lifecycle, confidentiality, address, payment_terms_days, credit_limit, profile, search_text, name_pinyin, created_at, updated_at)
     VALUES (?, ?, 'company', 'ordinary_company', 'active', 'normal', '浙江省杭州市西湖区文三路 90 号', 30, 10000000, '{}', ?, ?, ?, ?)`,
  );
  const ids: number[] = [];
  ctx.book.sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const code = `${prefix}${String(i + 1).padStart(6, '0')}`;
      ids.push(
        Number(
          ins.run(code, `华盛贸易有限公司${i + 1}`, code.toLowerCase(), code.toLowerCase(), now, now).lastInsertRowid,
        ),
      );
    }
  })();
  return ids;
}

/** `invoices` invoices and `receipts` receipts (each paying the oldest open invoice) per customer. */
export function insertDocs(
  ctx: ServiceContext,
  customerIds: number[],
  invoices: number,
  receipts: number,
  start = '2024-01-01',
): void {
  const s = ctx.book.sqlite;
  const now = new Date().toISOString();
  const inv = s.prepare(
    `INSERT INTO invoices (customer_id, number, issue_date, due_date, amount, open_amount, settled_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rec = s.prepare(
    `INSERT INTO receipts (customer_id, number, date, amount, method, unapplied, applied_on, created_at) VALUES (?, ?, ?, ?, 'bank_transfer', 0, ?, ?)`,
  );
  const alloc = s.prepare(
    `INSERT INTO allocations (invoice_id, receipt_id, amount, date, kind, created_at) VALUES (?, ?, ?, ?, 'auto', ?)`,
  );
  let n = 0;
  s.transaction(() => {
    for (const cid of customerIds) {
      const ids: { id: number; amount: number; date: string }[] = [];
      const step = Math.max(1, Math.floor(700 / Math.max(1, invoices)));
      for (let i = 0; i < invoices; i++) {
        const date = addDays(start, Math.floor(i * (700 / invoices)) + (i % step));
        const amount = 10_000 + ((i * 7919 + cid) % 500_000);
        const paid = i < receipts;
        const id = Number(
          inv.run(
            cid,
            `INV-${cid}-${++n}`,
            date,
            addDays(date, 30),
            amount,
            paid ? 0 : amount,
            paid ? addDays(date, 20) : null,
            now,
          ).lastInsertRowid,
        );
        ids.push({ id, amount, date });
      }
      for (let j = 0; j < receipts && j < ids.length; j++) {
        const t = ids[j];
        const date = addDays(t.date, 20);
        const rid = Number(rec.run(cid, `R-${cid}-${j + 1}`, date, t.amount, date, now).lastInsertRowid);
        alloc.run(t.id, rid, t.amount, date, now);
      }
    }
  })();
}

export async function runStatementBench(opts: {
  dir: string;
  statements?: number;
  both?: boolean;
}): Promise<Record<string, number>> {
  const work = fs.mkdtempSync(path.join(opts.dir, 'statements-'));
  const out: Record<string, number> = {};
  try {
    // 1. one customer with 10,000 documents (7,000 invoices, 3,000 receipts)
    let ctx = await newBook(path.join(work, 'big.creditdesk'));
    const [big] = insertCustomers(ctx, 1, 'B');
    insertDocs(ctx, [big], 7_000, 3_000);
    out.bigCustomerDocuments = 10_000;
    const runs: number[] = [];
    let lines = 0;
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      const d = await statementData(ctx, { customerId: big, from: '2024-01-01', to: '2026-12-31' });
      runs.push(performance.now() - t);
      lines = d.lines.length;
    }
    runs.sort((a, b) => a - b);
    out.bigStatementLines = lines;
    out.statementData10kMs_first = r1(runs[runs.length - 1]);
    out.statementData10kMs_p50 = r1(runs[Math.floor(runs.length / 2)]);
    out.statementData10kMs_min = r1(runs[0]);
    await ctx.book.close();

    // 2. batch of N one-page statements to PDF as the app runs it (one browser, statements
    //    printed 25 per print and cut apart; optionally --both: also one print per statement)
    const n = opts.statements ?? 1_000;
    ctx = await newBook(path.join(work, 'batch.creditdesk'));
    const ids = insertCustomers(ctx, n, 'C');
    insertDocs(ctx, ids, 5, 2, '2026-01-05');
    for (const [label, chunkSize] of [
      ['', undefined],
      ['_printPerStatement', 1],
    ] as const) {
      if (label && !opts.both) continue;
      const pdfDir = path.join(work, `pdf${label}`);
      const rss0 = process.memoryUsage().rss;
      let peak = rss0;
      let chromePeak = 0;
      let chromeAt100 = 0;
      let rssAt100 = 0;
      let run: Awaited<ReturnType<typeof startBatchRun>> | null = null;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
        const c = childrenRss();
        chromePeak = Math.max(chromePeak, c);
        if (!chromeAt100 && run && run.job.processed >= Math.min(100, n)) {
          chromeAt100 = c;
          rssAt100 = process.memoryUsage().rss;
        }
      }, 250);
      const t = performance.now();
      run = await startBatchRun(
        ctx,
        { from: '2026-01-01', to: '2026-12-31', output: 'per_customer', dir: pdfDir },
        { renderer: () => new PlaywrightPdfRenderer({ documentsPerPage: 1 }), chunkSize },
      );
      const job = await run.done;
      clearInterval(sampler);
      const ms = performance.now() - t;
      out[`batchStatements${label}`] = n;
      out[`batchProduced${label}`] = job.produced;
      out[`batchFailed${label}`] = job.failed;
      out[`batchPdfMs${label}`] = Math.round(ms);
      out[`batchPdfMsPerStatement${label}`] = r1(ms / Math.max(1, n));
      out[`batchPeakRssGrowthMb${label}`] = r1((peak - rss0) / 1e6);
      // memory flat: growth after the first 100 statements is what a longer run would add
      out[`batchRssGrowthAfter100Mb${label}`] = r1((peak - rssAt100) / 1e6);
      out[`chromiumRssAfter100Mb${label}`] = r1(chromeAt100 / 1e6);
      out[`chromiumPeakRssMb${label}`] = r1(chromePeak / 1e6);
      out[`batchPdfMb${label}`] = r1(
        fs.readdirSync(pdfDir).reduce((s, f) => s + fs.statSync(path.join(pdfDir, f)).size, 0) / 1e6,
      );
    }
    out.loadAverage1m = r1(os.loadavg()[0]);
    out.cpus = os.cpus().length;
    await ctx.book.close();
    return out;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--statements');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-bench-'));
  try {
    console.log(
      JSON.stringify(
        await runStatementBench({
          dir,
          statements: i > 0 ? Number(process.argv[i + 1]) : undefined,
          both: process.argv.includes('--both'),
        }),
        null,
        2,
      ),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
