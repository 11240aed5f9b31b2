// `npm run bench`: the speed figures the issues ask for, as JSON on stdout (and in
// test-output/bench.json). Options: --customers N (default 100000), --invoices M (default
// 1000000), --quick (10,000 customers / 100,000 invoices), --only customers|receivables|credit|backup|statements|tiers|firstStart|... (see SECTIONS).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCustomerBench } from './customers';

const { values } = parseArgs({
  options: {
    customers: { type: 'string' },
    invoices: { type: 'string' },
    quick: { type: 'boolean' },
    only: { type: 'string' },
  },
});
const customers = Number(values.customers ?? (values.quick ? 10_000 : 100_000));
const invoices = Number(values.invoices ?? (values.quick ? 100_000 : 1_000_000));
const only = values.only;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-bench-'));
const results: Record<string, unknown> = {
  machine: { cpus: os.cpus().length, node: process.version, date: new Date().toISOString() },
};
// the figures the issues ask for (a miss is listed in targetsMissed)
const targets: Record<string, Record<string, number>> = {
  customers: {
    customerSearchMs_p95: 30,
    bookOpenMs_p50: 200,
    bookCreateAndMigrateMs_p50: 200,
    browserFirstScreenMs: 2000,
  },
  receivables: {
    importTotalMs: 60_000,
    ageingTodayMs: 150,
    ageingPastMs: 1000,
    drilldownMs_p95: 20,
    dashboardMs: 500,
    longestMainThreadBlockMs: 99,
    rssMb: 400, // the reports process (main-process memory)
    importPeakRssMb: 400, // the import process (the app imports in its main process)
  },
  backup: { backupMs: 15_000, backupEncryptedMs: 15_000, verifyMs: 15_000, restoreMs: 20_000 },
  statements: { batchPdfMs: 150_000, statementData10kMs_p50: 300 },
  credit: { creditOverviewMs: 500, creditOverviewFirstVisitCpuMs: 500, creditCheckMs_p95: 20, creditBacktestMs: 3000 },
  tiers: {
    tierComputeMs_p50: 500,
    cliTiersProcessMs: 1500,
    cliTiersProcessCpuMs: 1500, // the figure to judge on a loaded machine
    customerOverviewMs_p50: 100,
    analysisPageParetoMs: 1000,
    paretoHoverLongestTaskMs: 100,
    paretoHoverLongestTaskCpuMs: 100, // the same task in thread CPU time: the figure to judge on a loaded machine
  },
  firstStart: {
    cliHelpMs: 150,
    cliAgeingRatio: 0.5,
    cliAgeingCpuRatio: 0.5, // the figure to judge on a loaded machine
    appOpenToAgeingTodayMs: 1000,
    appOpenToAgeingPastMs: 1000,
    browserColdFcpMs: 1000,
    browserColdInteractiveMs: 2000,
    cliImportInvoicesReceiptsMs: 60_000, // issue 16's figure: 1M invoices + their receipts, `creditdesk import`
    cliImportTotalMs: 60_000, // the same with the 100k customers first (ours, stricter than the issue's)
    // the imports' CPU is reported, not held to 60 s: their index sorts and CSV parsing run on a
    // second core, so on two cores it exceeds the wall time
  },
  collections: {
    calendarMonthMs: 200,
    worklistMs: 300,
    dunningTodayMs: 1000,
    dunningPastMs: 1000,
    promiseStatusesMs: 1000,
    promiseStatusesPastMs: 1000,
    longestMainThreadBlockMs: 100,
    lettersMs: 60_000,
    lettersCpuMs: 60_000, // this process + Chromium: the figure to judge on a loaded machine
  },
  complaints: { listMs_p95: 100 },
};
try {
  if (!only || only === 'customers') {
    results.customers = await runCustomerBench(dir, customers);
  }
  const optional: [string, string, string][] = [
    ['receivables', './receivables.ts', 'runReceivablesBench'],
    ['credit', './credit.ts', 'runCreditBench'],
    ['backup', './backup.ts', 'runBackupBench'],
    ['statements', './statements.ts', 'runStatementBench'],
    ['tiers', './tiers.ts', 'runTiersBench'],
    ['firstStart', './first-start.ts', 'runFirstStartBench'],
    ['collections', './collections.ts', 'runCollectionsBench'],
    ['complaints', './complaints.ts', 'runComplaintsBench'],
  ];
  let receivablesBook: string | undefined;
  for (const [name, file, fn] of optional) {
    if (only && only !== name) continue;
    if (!fs.existsSync(new URL(file, import.meta.url))) continue;
    const mod = (await import(file)) as Record<string, (...a: unknown[]) => Promise<Record<string, unknown>>>;
    if (typeof mod[fn] !== 'function') continue;
    const r =
      name === 'backup' || name === 'credit'
        ? await mod[fn](receivablesBook ?? path.join(dir, 'customers.creditdesk'))
        : await mod[fn]({
            customers,
            invoices,
            dir,
            book: name === 'collections' ? receivablesBook : undefined,
            letters: values.quick ? 100 : undefined,
          });
    if (typeof r.bookPath === 'string') receivablesBook = r.bookPath;
    results[name] = r;
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
const misses: string[] = [];
for (const [area, limits] of Object.entries(targets)) {
  const got = results[area] as Record<string, number> | undefined;
  if (!got) continue;
  for (const [k, max] of Object.entries(limits))
    if (!(got[k] >= 0 && got[k] <= max)) misses.push(`${area}.${k} = ${got[k]} (target ≤ ${max})`);
}
results.targetsMissed = misses;
const json = JSON.stringify(results, null, 2);
fs.mkdirSync('test-output', { recursive: true });
fs.writeFileSync('test-output/bench.json', json);
console.log(json);
