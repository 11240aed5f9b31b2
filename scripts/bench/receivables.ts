// Receivables figures at 100,000 customers / 1,000,000 invoices / ~700,000 receipts:
// CSV import with payment application (importInvoicesMs, importReceiptsMs; files staged and
// imported by token as the desktop app does, importPeakRssMb); then, in a fresh process that only
// opens the book, through the IPC handler `dispatch`: ageing as of today and a
// past date (ageingTodayMs, ageingPastMs: medians), drill-down (drilldownMs_p95), dashboard
// (dashboardMs), tie-out, the longest main-thread block during as-of-past-date ageing
// (longestMainThreadBlockMs, a 5 ms interval lag monitor) and that process's peak RSS (rssMb).
// Load averages are recorded (other work on the machine skews the timings).
// `node bin/run-ts.mjs scripts/bench/receivables.ts [--customers N] [--invoices M] [--no-demo]`
// `node bin/run-ts.mjs scripts/bench/receivables.ts --book FILE` (reports only, on an existing book;
// the report figures come from receivables-reports.ts in a process of its own)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { openCliBook } from '../../main/cli/book';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { demoCustomerRefs, planDemoReceivables, writeDemoReceivables } from '../../main/demo/receivables';
import { fenToDecimal } from '../../shared/money';
import { importInChildProcess, reportsInChildProcess } from './receivables-reports';

const round = (n: number) => Math.round(n * 10) / 10;
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const loadAvg = () =>
  os
    .loadavg()
    .map((x) => Math.round(x * 100) / 100)
    .join(' ');

export async function runReceivablesBench(opts: {
  customers: number;
  invoices: number;
  dir?: string;
  demo?: boolean;
  book?: string;
}): Promise<Record<string, number | string>> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-ar-bench-'));
  const out: Record<string, number | string> = {
    customers: opts.customers,
    invoices: opts.invoices,
    cpus: os.cpus().length,
    loadAvgStart: loadAvg(),
  };
  if (opts.book) {
    // reports only, on an existing book (e.g. `creditdesk demo` output)
    Object.assign(out, await reportsInChildProcess(path.resolve(opts.book), dir));
    return out;
  }
  const book = path.join(dir, 'receivables.creditdesk');

  // 1. a book with the demo customers
  let t = performance.now();
  const ctx = await openCliBook(book, { create: true, company: '基准测试公司' });
  const list = makeDemoCustomers(opts.customers, 1);
  await insertDemoCustomers(ctx, list);
  out.customersBuildMs = Math.round(performance.now() - t);

  // 2. the import files, planned by the demo generator
  t = performance.now();
  const invFile = path.join(dir, 'invoices.csv');
  const recFile = path.join(dir, 'receipts.csv');
  const fi = fs.openSync(invFile, 'w');
  const fr = fs.openSync(recFile, 'w');
  fs.writeSync(fi, 'customer_code,number,issue_date,due_date,amount,description\n');
  fs.writeSync(fr, 'customer_code,date,amount,reference,invoice_number,method\n');
  let receipts = 0;
  let bi: string[] = [];
  let br: string[] = [];
  // terminated customers are read-only: an import cannot give them documents
  planDemoReceivables(
    demoCustomerRefs(ctx).filter((c) => c.lifecycle !== 'terminated'),
    opts.invoices,
    1,
    (plan) => {
      const code = plan.customer.code;
      for (const inv of plan.invoices)
        bi.push(
          `${code},${inv.number},${inv.issueDate},${inv.dueDate},${fenToDecimal(inv.amount)},${inv.description}\n`,
        );
      for (const r of plan.receipts)
        br.push(
          `${code},${r.date},${fenToDecimal(r.amount)},${r.reference},${r.named === null ? '' : plan.invoices[r.named].number},${r.method}\n`,
        );
      receipts += plan.receipts.length;
      if (bi.length > 20_000) {
        fs.writeSync(fi, bi.join(''));
        bi = [];
      }
      if (br.length > 20_000) {
        fs.writeSync(fr, br.join(''));
        br = [];
      }
    },
  );
  fs.writeSync(fi, bi.join(''));
  fs.writeSync(fr, br.join(''));
  fs.closeSync(fi);
  fs.closeSync(fr);
  out.receipts = receipts;
  out.csvWriteMs = Math.round(performance.now() - t);
  out.invoicesCsvMb = round(fs.statSync(invFile).size / 1e6);
  out.receiptsCsvMb = round(fs.statSync(recFile).size / 1e6);

  // 3. import with payment application, through the IPC handlers as the desktop app runs it
  // (files staged and imported by token), in a process that loads what Electron main loads
  await ctx.book.close();
  Object.assign(out, await importInChildProcess(book, dir, invFile, recFile));
  out.bookMb = round(fs.statSync(book).size / 1e6);

  // 4. reports through the IPC handler (dispatch), as the app calls them, in a fresh process
  // (the app's main process opens the book and runs reports; it never imported 1.4 GB of CSV)
  Object.assign(out, await reportsInChildProcess(book, dir));
  out.peakRssMb = peakMb();
  out.bookPath = book;

  // 5. `creditdesk demo` equivalent at the same size (a second book)
  if (opts.demo !== false) {
    const demoBook = path.join(dir, 'demo.creditdesk');
    t = performance.now();
    const dctx = await openCliBook(demoBook, { create: true, company: '演示' });
    await insertDemoCustomers(dctx, list);
    out.demoCustomersMs = Math.round(performance.now() - t);
    t = performance.now();
    const cpu0 = process.cpuUsage();
    const counts = writeDemoReceivables(dctx, demoCustomerRefs(dctx), opts.invoices, 1);
    out.demoReceivablesMs = Math.round(performance.now() - t);
    const cpu = process.cpuUsage(cpu0);
    out.demoReceivablesCpuMs = Math.round((cpu.user + cpu.system) / 1000); // the figure to judge on a loaded machine
    out.demoReceipts = counts.receipts;
    await dctx.book.close();
    fs.rmSync(demoBook, { force: true });
    out.peakRssWithDemoMb = peakMb();
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' },
      invoices: { type: 'string' },
      'no-demo': { type: 'boolean' },
      book: { type: 'string' },
    },
  });
  {
    const customers = Number(values.customers ?? 100_000);
    const invoices = Number(values.invoices ?? customers * 10);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-ar-bench-'));
    try {
      console.log(
        JSON.stringify(
          await runReceivablesBench({ customers, invoices, dir, demo: !values['no-demo'], book: values.book }),
          null,
          2,
        ),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
