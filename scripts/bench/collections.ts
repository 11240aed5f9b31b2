// Collections benchmark (issue #13): on the receivables bench book plus one promise per customer
// and two collection records per customer (the 100k promises / 200k records at 100k
// customers): calendar month, today's worklist, dunning list as of today and a past date,
// promise statuses, and N dunning letters to PDF (default 1,000; --quick 100). Per call: wall
// time (…Ms), the process's CPU (…CpuMs), the longest main-thread block (…BlockMs, wall) and the
// most CPU time the main thread spent in one block (…BlockCpuMs, Linux); longestMainThreadBlockMs
// and …CpuMs are the worst over the calls a window makes, longestMainThreadBlockCall says which.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openCliBook } from '../../main/cli/book';
import { addDays } from '../../main/domain/dates';
import {
  calendarPageReport,
  collectionsKpisReport,
  dunningPageReport,
  dunningReport,
  promiseReport,
  todayWorklist,
  worklistPageReport,
  createCollectionRecord,
} from '../../main/services/collections';
import { fixedClock } from '../../main/services/context';
import { refreshKeptPromisesInTurns } from '../../main/services/collections/kept-promises';
import { rebuildKeptWorklist } from '../../main/services/collections/kept-worklist-rebuild';
import { benchLetters } from './letters';

/** items per day the month grid asks for (renderer/src/pages/collections/calendar-page-events.ts MAX_PER_DAY) */
const MAX_PER_DAY = 4;

// wall time, and the process's CPU time (all threads: the report worker's too) in cpu[key], and
// the longest main-thread block during each call in block[key] (wall) and blockCpu[key] (the most
// CPU time the main thread itself spent between two ticks of the monitor: on a loaded machine a
// block's wall time is mostly waiting for a core or the disk, its CPU time is the code's own)
const cpu: Record<string, number> = {};
const block: Record<string, number> = {};
const blockCpu: Record<string, number> = {};
const ms = async <T>(fn: () => Promise<T>, key?: string): Promise<[number, T]> => {
  const c = process.cpuUsage();
  const t = performance.now();
  let r!: T;
  const blocked = await longestBlockOf(async () => (r = await fn()));
  const used = process.cpuUsage(c);
  if (key) {
    cpu[key] = Math.round((used.user + used.system) / 1000);
    block[key] = blocked.wall;
    if (blocked.cpu !== null) blockCpu[key] = blocked.cpu;
  }
  return [Math.round(performance.now() - t), r];
};

/** The main thread's CPU time so far in ms (Linux: its schedstat), or null. */
function mainThreadCpuMs(): number | null {
  try {
    return Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/**
 * The longest stretch the main thread could not run a 5 ms timer while `fn` ran (the window's
 * lag), and the most CPU time the main thread spent in one such stretch.
 */
async function longestBlockOf(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number | null }> {
  let longest = 0;
  let longestCpu: number | null = null;
  let last = performance.now();
  let lastCpu = mainThreadCpuMs();
  const tick = () => {
    const now = performance.now();
    const nowCpu = mainThreadCpuMs();
    longest = Math.max(longest, now - last - 5);
    if (nowCpu !== null && lastCpu !== null) longestCpu = Math.max(longestCpu ?? 0, nowCpu - lastCpu);
    last = now;
    lastCpu = nowCpu;
  };
  const timer = setInterval(tick, 5);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  tick();
  return { wall: Math.round(longest), cpu: longestCpu === null ? null : Math.round(longestCpu) };
}

async function longestBlock(fn: () => Promise<unknown>): Promise<number> {
  return (await longestBlockOf(fn)).wall;
}

export async function runCollectionsBench(opts: {
  customers: number;
  invoices: number;
  dir: string;
  book?: string;
  letters?: number;
}): Promise<Record<string, number | string>> {
  let book = opts.book;
  if (!book) {
    const { runReceivablesBench } = await import('./receivables');
    book = String(
      (await runReceivablesBench({ customers: opts.customers, invoices: opts.invoices, dir: opts.dir })).bookPath,
    );
  }
  const ctx = await openCliBook(book);
  const out: Record<string, number | string> = {};
  try {
    const sqlite = ctx.book.sqlite;
    const today = (sqlite.prepare('SELECT MAX(date) AS d FROM ar_daily').get() as { d: string }).d;
    ctx.clock = fixedClock(`${today}T09:00:00.000Z`);
    // promises and records, one and two per customer, spread over the last 120 days
    const t = performance.now();
    const ids = (sqlite.prepare('SELECT id FROM customers ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    const insP = sqlite.prepare(
      "INSERT INTO promises (customer_id, made_on, promised_on, amount, promised_by, form, source, created_at) VALUES (?, ?, ?, ?, NULL, 'verbal', 'bench', ?)",
    );
    const insR = sqlite.prepare(
      "INSERT INTO collection_records (customer_id, date, channel, outcome, next_step, next_date, source, created_at) VALUES (?, ?, 'call', 'bench', ?, ?, 'bench', ?)",
    );
    sqlite.transaction(() => {
      ids.forEach((id, i) => {
        const made = addDays(today, -(i % 120));
        insP.run(id, made, addDays(made, 3 + (i % 20)), 10_000 + (i % 97) * 1_000, today);
        for (let k = 0; k < 2; k++) {
          const d = addDays(today, -((i * 7 + k * 13) % 120));
          insR.run(id, d, k ? 'visit' : 'call', addDays(d, 5 + (i % 30)), today);
        }
      });
    })();
    out.promises = ids.length;
    out.collectionRecords = ids.length * 2;
    out.seedMs = Math.round(performance.now() - t);
    // the promises' kept final amounts (migration 0022), as the app works them out when it opens
    // a book written outside it (here: every customer stale), a chunk of customers per turn
    [out.keptPromisesRefreshMs] = await ms(async () => refreshKeptPromisesInTurns(ctx.book), 'keptPromisesRefreshMs');
    // today's kept worklist (migration 0023), as the app rebuilds it on opening the book or at the
    // first write of a day: worked out on the report worker, written in chunks (its block: the
    // longest chunk)
    [out.keptWorklistRebuildMs] = await ms(() => rebuildKeptWorklist(ctx), 'keptWorklistRebuildMs');

    // what the calendar page asks for: the month grid (six weeks from the Monday on or before
    // the 1st, zh-CN) with each day's first items and counts and the open work carried to today
    const first = `${today.slice(0, 7)}-01`;
    const monthFrom = addDays(first, -((new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7));
    const monthTo = addDays(monthFrom, 41);
    const monthView = { from: monthFrom, to: monthTo, asOf: today, perDay: MAX_PER_DAY };
    const figures = async () => {
      await calendarPageReport(ctx, monthView); // warm
      const [cal, rep] = await ms(() => calendarPageReport(ctx, monthView), 'calendarMonthMs');
      out.calendarMonthMs = cal;
      out.calendarMonthItems = rep.days.reduce((s, d) => s + d.count + d.dueCount, 0) + rep.carried.count;
      out.calendarMonthItemsSent = rep.days.reduce((s, d) => s + d.items.length, 0) + rep.carried.items.length;
      // the worklist page asks for its first screenful, ranked (a slice of the kept worklist),
      // then the next pages as the user scrolls (renderer/src/pages/collections/useWorklistPages.ts)
      const [wl, wpage] = await ms(() => worklistPageReport(ctx, { asOf: today, offset: 0, limit: 100 }), 'worklistMs');
      out.worklistMs = wl;
      out.worklistRows = wpage.total;
      [out.worklistNextPageMs] = await ms(
        () => worklistPageReport(ctx, { asOf: today, offset: 100, limit: 100 }),
        'worklistNextPageMs',
      );
      // one click logs a contact: the write brings the kept worklist up to date in its own
      // transaction; then the page asks for its first screenful again
      const top = wpage.rows[0];
      [out.logContactMs] = await ms(
        () =>
          createCollectionRecord(ctx, {
            customerId: top.customerId,
            date: today,
            channel: 'call',
            outcome: 'bench',
            nextStep: 'call',
            nextDate: addDays(today, 3),
          } as Parameters<typeof createCollectionRecord>[1]),
        'logContactMs',
      );
      [out.worklistAfterWriteMs] = await ms(
        () => worklistPageReport(ctx, { asOf: today, offset: 0, limit: 100 }),
        'worklistAfterWriteMs',
      );
      // the whole list at once (no page asks for it; the collections:worklist channel)
      [out.worklistWholeListMs] = await ms(() => todayWorklist(ctx, { asOf: today }), 'worklistWholeListMs');
      // the dunning page asks for its first page and the counts per level (the whole list is worked
      // out on the report worker and kept there); scrolling asks for the next pages
      const first = (asOf: string) => dunningPageReport(ctx, { asOf, level: 'all', offset: 0, limit: 200 });
      const [dun, dpage] = await ms(() => first(today), 'dunningTodayMs');
      out.dunningTodayMs = dun;
      out.dunningRows = dpage.total;
      [out.dunningNextPageMs] = await ms(
        () => dunningPageReport(ctx, { asOf: today, level: 'all', offset: 200, limit: 200 }),
        'dunningNextPageMs',
      );
      [out.dunningPastMs] = await ms(() => first(addDays(today, -180)), 'dunningPastMs');
      // the whole list at once, as the CLI and the letters ask for it (no window waits for it)
      const [dunAll, drep] = await ms(() => dunningReport(ctx, { asOf: today }), 'dunningWholeListMs');
      out.dunningWholeListMs = dunAll;
      [out.promiseStatusesMs] = await ms(() => promiseReport(ctx, { asOf: today }), 'promiseStatusesMs');
      [out.promiseStatusesPastMs] = await ms(
        () => promiseReport(ctx, { asOf: addDays(today, -60) }),
        'promiseStatusesPastMs',
      );
      // dashboard KPIs over the last 90 days (CEI, best-possible DSO, kept rate, 13-week forecast)
      [out.collectionsKpisMs] = await ms(
        () => collectionsKpisReport(ctx, { asOf: today, from: addDays(today, -89), to: today }),
        'collectionsKpisMs',
      );
      return drep;
    };
    // the longest main-thread block while the window's own requests compute (on the report worker
    // for a big book), and as a yardstick the same monitor over an idle second (a loaded
    // machine's own lag). The whole dunning list and the whole-book promise statuses are asked for
    // by the CLI only (no page lists them all); their blocks are listed apart (…BlockMs).
    const drep = await figures();
    const cliOnly = new Set([
      'dunningWholeListMs',
      'promiseStatusesMs',
      'promiseStatusesPastMs',
      'worklistWholeListMs',
    ]);
    out.longestMainThreadBlockMs = Math.max(
      ...Object.entries(block)
        .filter(([k]) => !cliOnly.has(k))
        .map(([, v]) => v),
    );
    const counted = Object.entries(block).filter(([k]) => !cliOnly.has(k));
    const worst = counted.reduce((a, b) => (b[1] > a[1] ? b : a));
    out.longestMainThreadBlockCall = worst[0].replace(/Ms$/, '');
    const cpus = counted.filter(([k]) => k in blockCpu).map(([k]) => blockCpu[k]);
    if (cpus.length > 0) out.longestMainThreadBlockCpuMs = Math.max(...cpus);
    out.idleMainThreadBlockMs = await longestBlock(() => new Promise((r) => setTimeout(r, 1000)));
    for (const [k, v] of Object.entries(cpu)) out[k.replace(/Ms$/, 'CpuMs')] = v;
    for (const [k, v] of Object.entries(block)) out[k.replace(/Ms$/, 'BlockMs')] = v;
    for (const [k, v] of Object.entries(blockCpu)) out[k.replace(/Ms$/, 'BlockCpuMs')] = v;

    const want = opts.letters ?? 1000;
    if (want === 0) return out; // `--letters 0`: the report figures only
    // letters: the busiest level, wall and CPU (this process and Chromium), memory (./letters.ts)
    const dir = path.join(opts.dir, 'letters');
    Object.assign(out, await benchLetters(ctx, { asOf: today, rows: drep.rows, want, dir }));
    fs.rmSync(dir, { recursive: true, force: true });
  } finally {
    await ctx.book.close();
  }
  return out;
}

// `node bin/run-ts.mjs scripts/bench/collections.ts --book FILE [--letters N]`: the figures on a
// copy of an existing book (e.g. `creditdesk demo` output), so a change can be re-measured quickly.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { book: { type: 'string' }, letters: { type: 'string' } } });
  if (!values.book) throw new Error('--book FILE is required');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-collections-bench-'));
  try {
    const copy = path.join(dir, 'book.creditdesk');
    fs.copyFileSync(values.book, copy);
    const loadAvgStart = os.loadavg()[0].toFixed(2);
    const r = await runCollectionsBench({
      customers: 0,
      invoices: 0,
      dir,
      book: copy,
      letters: Number(values.letters ?? 1000),
    });
    console.log(JSON.stringify({ loadAvgStart, ...r, loadAvgEnd: os.loadavg()[0].toFixed(2) }, null, 2));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
