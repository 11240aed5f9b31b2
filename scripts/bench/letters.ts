// Dunning letters bench (issue #13 "1,000 dunning letters to PDF ≤ 60 s, memory flat"): prints N
// letters of the busiest ladder level and reports wall time, CPU time of this process and of
// Chromium (its processes sampled from /proc every second, or as reaped children, whichever is
// more), this process's RSS growth and the peak RSS of this process plus Chromium (summed RSS of
// the process tree, so shared pages count more than once: an upper bound).
// Used by collections.ts (`npm run bench`) and on its own:
//   node bin/run-ts.mjs scripts/bench/letters.ts --book FILE [--letters N] [--output per_customer|combined]
// (works on a copy of FILE; the book is never written).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { DunningListRow } from '../../shared/types-collections';
import type { ServiceContext } from '../../main/services/context';
import { printDunningLetters } from '../../main/services/collections/letters';

const TICK_MS = 10; // Linux clock ticks (USER_HZ 100) of /proc/<pid>/stat

/** CPU ms of reaped children (cutime + cstime) and this process's descendants' RSS, from /proc. */
function childrenCpuMs(): number {
  try {
    const f = fs.readFileSync('/proc/self/stat', 'utf8');
    const s = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(s[13]) + Number(s[14])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** This process's descendants (Chromium and its helpers), from /proc (Linux; empty elsewhere). */
function descendants(pid: number, out: number[] = []): number[] {
  try {
    for (const t of fs.readdirSync(`/proc/${pid}/task`))
      for (const c of fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean)) {
        out.push(Number(c));
        descendants(Number(c), out);
      }
  } catch {
    /* gone */
  }
  return out;
}

/** Chromium's process type (browser, renderer, gpu-process, utility, zygote) from its command line. */
function processType(pid: number): string {
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
  } catch {
    return '?';
  }
}

/** RSS of this process and its descendants, and each descendant's own CPU ms so far. */
function sampleTree(cpuByPid: Map<number, { type: string; ms: number }>): number {
  let rss = process.memoryUsage().rss;
  for (const pid of descendants(process.pid)) {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const s = f.slice(f.lastIndexOf(')') + 2).split(' ');
      const type = cpuByPid.get(pid)?.type ?? processType(pid);
      cpuByPid.set(pid, { type, ms: (Number(s[11]) + Number(s[12])) * TICK_MS });
      rss += Number(s[21]) * 4096;
    } catch {
      /* gone */
    }
  }
  return rss;
}

export interface LettersBenchOut {
  letters: number;
  lettersMs: number;
  /** CPU of the run: this process plus Chromium (judge speed by it on a loaded machine) */
  lettersCpuMs: number;
  lettersNodeCpuMs: number;
  lettersChromiumCpuMs: number;
  /** the sampled Chromium CPU ms by process type, as JSON */
  lettersChromiumCpuByProcess: string;
  lettersRssGrowthMb: number;
  lettersPeakTreeRssMb: number;
}

export async function benchLetters(
  ctx: ServiceContext,
  q: {
    asOf: string;
    rows: DunningListRow[];
    want: number;
    dir: string;
    output?: 'per_customer' | 'combined';
    lang?: 'zh-CN' | 'en';
  },
): Promise<LettersBenchOut> {
  // the level with the most customers that are not paused
  const byLevel = new Map<number, number>();
  for (const r of q.rows) if (r.level !== null && !r.paused) byLevel.set(r.level, (byLevel.get(r.level) ?? 0) + 1);
  const [level] = [...byLevel].sort((a, b) => b[1] - a[1])[0] ?? [1];
  const rows = q.rows.filter((r) => r.level === level && !r.paused).slice(0, q.want);
  const chromiumCpu = new Map<number, { type: string; ms: number }>();
  let peak = sampleTree(chromiumCpu);
  // the sampler's own CPU (reading /proc) is taken out of this process's figure
  let samplerCpu = 0;
  const sampler = setInterval(() => {
    const c = process.cpuUsage();
    peak = Math.max(peak, sampleTree(chromiumCpu));
    const d = process.cpuUsage(c);
    samplerCpu += (d.user + d.system) / 1000;
  }, 1000);
  const rss0 = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const child0 = childrenCpuMs();
  const t = performance.now();
  try {
    const run = await printDunningLetters(ctx, {
      asOf: q.asOf,
      level,
      dir: q.dir,
      output: q.output ?? 'per_customer',
      lang: q.lang,
      rows,
    });
    const cpu = process.cpuUsage(cpu0);
    const byType: Record<string, number> = {};
    for (const { type, ms } of chromiumCpu.values()) byType[type] = (byType[type] ?? 0) + ms;
    const sampled = Object.values(byType).reduce((a, b) => a + b, 0);
    const nodeCpu = Math.round((cpu.user + cpu.system) / 1000 - samplerCpu);
    const chromeCpu = Math.max(childrenCpuMs() - child0, sampled);
    return {
      letters: run.produced,
      lettersMs: Math.round(performance.now() - t),
      lettersCpuMs: nodeCpu + chromeCpu,
      lettersNodeCpuMs: nodeCpu,
      lettersChromiumCpuMs: chromeCpu,
      lettersChromiumCpuByProcess: JSON.stringify(byType),
      lettersRssGrowthMb: Math.round((process.memoryUsage().rss - rss0) / 1e6),
      lettersPeakTreeRssMb: Math.round(peak / 1e6),
    };
  } finally {
    clearInterval(sampler);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      book: { type: 'string' },
      letters: { type: 'string' },
      output: { type: 'string' },
      'as-of': { type: 'string' },
      keep: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  if (!values.book) throw new Error('--book FILE is required');
  const { openCliBook } = await import('../../main/cli/book');
  const { fixedClock } = await import('../../main/services/context');
  const { dunningReport } = await import('../../main/services/collections');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-letters-bench-'));
  const copy = path.join(dir, 'book.creditdesk');
  fs.copyFileSync(values.book, copy);
  const ctx = await openCliBook(copy);
  try {
    const asOf =
      values['as-of'] ?? (ctx.book.sqlite.prepare('SELECT MAX(date) AS d FROM ar_daily').get() as { d: string }).d;
    ctx.clock = fixedClock(`${asOf}T09:00:00.000Z`);
    const report = await dunningReport(ctx, { asOf });
    const loadAvgStart = os.loadavg()[0].toFixed(2);
    const r = await benchLetters(ctx, {
      asOf,
      rows: report.rows,
      want: Number(values.letters ?? 1000),
      dir: values.keep ?? path.join(dir, 'letters'),
      output: values.output === 'combined' ? 'combined' : 'per_customer',
      lang: values.lang === 'en' ? 'en' : 'zh-CN',
    });
    console.log(JSON.stringify({ asOf, loadAvgStart, ...r, loadAvgEnd: os.loadavg()[0].toFixed(2) }, null, 2));
  } finally {
    await ctx.book.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
