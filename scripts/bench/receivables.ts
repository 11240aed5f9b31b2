// Receivables figures at 100,000 customers / 1,000,000 invoices / ~700,000 receipts:
// CSV import with payment application, ageing as of today and a past date through the IPC
// handler, drill-down, dashboard, tie-out, demo generation, peak memory.
// `node bin/run-ts.mjs scripts/bench/receivables.ts [--customers N] [--invoices M]`
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { Desk } from '../../main/app/desk';
import { openCliBook } from '../../main/cli/book';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { demoCustomerRefs, planDemoReceivables, writeDemoReceivables } from '../../main/demo/receivables';
import { createHandlers } from '../../main/ipc/handlers';
import { dispatch } from '../../main/ipc/register';
import { fixedClock } from '../../main/services/context';
import { importInvoices, importReceipts } from '../../main/services/receivables';
import { fenToDecimal } from '../../shared/money';

const round = (n: number) => Math.round(n * 10) / 10;
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export async function runReceivablesBench(opts: { customers: number; invoices: number; dir?: string; demo?: boolean }): Promise<Record<string, number | string>> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-ar-bench-'));
  const out: Record<string, number | string> = { customers: opts.customers, invoices: opts.invoices };
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
  planDemoReceivables(demoCustomerRefs(ctx).filter((c) => c.lifecycle !== 'terminated'), opts.invoices, 1, (plan) => {
    const code = plan.customer.code;
    for (const inv of plan.invoices) bi.push(`${code},${inv.number},${inv.issueDate},${inv.dueDate},${fenToDecimal(inv.amount)},${inv.description}\n`);
    for (const r of plan.receipts) br.push(`${code},${r.date},${fenToDecimal(r.amount)},${r.reference},${r.named === null ? '' : plan.invoices[r.named].number},${r.method}\n`);
    receipts += plan.receipts.length;
    if (bi.length > 20_000) {
      fs.writeSync(fi, bi.join(''));
      bi = [];
    }
    if (br.length > 20_000) {
      fs.writeSync(fr, br.join(''));
      br = [];
    }
  });
  fs.writeSync(fi, bi.join(''));
  fs.writeSync(fr, br.join(''));
  fs.closeSync(fi);
  fs.closeSync(fr);
  out.receipts = receipts;
  out.csvWriteMs = Math.round(performance.now() - t);
  out.invoicesCsvMb = round(fs.statSync(invFile).size / 1e6);
  out.receiptsCsvMb = round(fs.statSync(recFile).size / 1e6);

  // 3. import with payment application
  t = performance.now();
  await importInvoices(ctx, 'invoices.csv', fs.readFileSync(invFile));
  out.importInvoicesMs = Math.round(performance.now() - t);
  t = performance.now();
  const rs = await importReceipts(ctx, 'receipts.csv', fs.readFileSync(recFile));
  out.importReceiptsMs = Math.round(performance.now() - t);
  out.importTotalMs = (out.importInvoicesMs as number) + (out.importReceiptsMs as number);
  out.allocations = rs.allocations ?? 0;
  out.peakRssAfterImportMb = peakMb();
  await ctx.book.close();
  out.bookMb = round(fs.statSync(book).size / 1e6);

  // 4. reports through the IPC handler (dispatch), as the app calls them
  const desk = new Desk({ mode: 'browser', userDataDir: dir, clock: fixedClock('2026-11-23T09:00:00.000Z') });
  await desk.open(book);
  const handlers = createHandlers(desk);
  const call = async (channel: string, input: unknown) => {
    const s = performance.now();
    const r = await dispatch(handlers, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return { ms: performance.now() - s, data: r.data as Record<string, unknown> };
  };
  const times = async (n: number, channel: string, input: unknown) => {
    const ms: number[] = [];
    let data: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const r = await call(channel, input);
      ms.push(r.ms);
      data = r.data;
    }
    return { ms, data };
  };
  const today = await times(5, 'ageing:report', { asOf: '2026-11-23' });
  out.ageingTodayMs_p50 = round(pct(today.ms, 50));
  out.ageingTodayMs_max = round(Math.max(...today.ms));
  out.ageingRows = (today.data.rows as unknown[]).length;
  out.ageingTodayMethod = today.data.method as string;
  const past = await times(3, 'ageing:report', { asOf: '2026-09-30' });
  out.ageingPastMs_p50 = round(pct(past.ms, 50));
  const past2 = await times(2, 'ageing:report', { asOf: '2026-06-30' });
  out.ageingPast5MonthsMs_p50 = round(pct(past2.ms, 50));
  const issue = await times(3, 'ageing:report', { asOf: '2026-11-23', basis: 'issue' });
  out.ageingIssueBasisMs_p50 = round(pct(issue.ms, 50));

  const rows = today.data.rows as { customerId: number }[];
  const drill: number[] = [];
  for (let i = 0; i < 50; i++) {
    const c = rows[Math.floor((i * rows.length) / 50)];
    drill.push((await call('ageing:drilldown', { asOf: '2026-11-23', customerId: c.customerId })).ms);
  }
  out.drilldownMs_p95 = round(pct(drill, 95));
  const drillPast: number[] = [];
  for (let i = 0; i < 20; i++) drillPast.push((await call('ageing:drilldown', { asOf: '2026-06-30', customerId: rows[i * 7 % rows.length].customerId })).ms);
  out.drilldownPastMs_p95 = round(pct(drillPast, 95));

  const dash = await times(3, 'receivables:dashboard', {});
  out.dashboardMs_p50 = round(pct(dash.ms, 50));
  const tie = await times(2, 'ageing:tie-out', { asOf: '2026-11-23' });
  out.tieOutMs_p50 = round(pct(tie.ms, 50));
  out.tieOutDifference = tie.data.difference as number;
  const tiePast = await times(1, 'ageing:tie-out', { asOf: '2026-06-30' });
  out.tieOutPastDifference = tiePast.data.difference as number;
  out.totalReceivableFen = (dash.data.totalReceivable as number) ?? 0;
  const ledger: number[] = [];
  for (let i = 0; i < 20; i++) ledger.push((await call('ledger:customer', { customerId: rows[i * 13 % rows.length].customerId })).ms);
  out.customerLedgerMs_p95 = round(pct(ledger, 95));
  const credit: number[] = [];
  for (let i = 0; i < 20; i++) credit.push((await call('credit:check', { customerId: rows[i * 11 % rows.length].customerId, amount: 100000 })).ms);
  out.creditCheckMs_p95 = round(pct(credit, 95));
  const exp = await call('ageing:export', { asOf: '2026-11-23', format: 'csv' });
  out.exportCsvMs = round(exp.ms);
  await desk.close();
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
    const counts = writeDemoReceivables(dctx, demoCustomerRefs(dctx), opts.invoices, 1);
    out.demoReceivablesMs = Math.round(performance.now() - t);
    out.demoReceipts = counts.receipts;
    await dctx.book.close();
    fs.rmSync(demoBook, { force: true });
    out.peakRssWithDemoMb = peakMb();
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { customers: { type: 'string' }, invoices: { type: 'string' }, 'no-demo': { type: 'boolean' } } });
  const customers = Number(values.customers ?? 100_000);
  const invoices = Number(values.invoices ?? customers * 10);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-ar-bench-'));
  try {
    console.log(JSON.stringify(await runReceivablesBench({ customers, invoices, dir, demo: !values['no-demo'] }), null, 2));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
