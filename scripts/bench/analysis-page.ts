// The 客户分析 page in browser mode on a big book (issue #11): time from navigation to the Pareto
// chart's bars on screen (target ≤ 1 s) and to the loyalty panel, and the chart's responsiveness —
// the longest main-thread task while the pointer sweeps across the chart (target: no frame over
// 100 ms). A fresh Chromium profile per run; medians. The book must have a stored tier run.
// Beside the wall times (unreliable on a loaded machine) the CPU: the server's per page load and
// the page's main-thread busy time up to the Pareto on screen (Chromium's TaskDuration), and the
// CPU time of the page's main thread (/proc) from the customer list to the Pareto and over the
// pointer sweep, and the longest main-thread task of the sweep in thread CPU time (a trace) —
// the figures that stay put on a loaded machine.
//
//   node bin/run-ts.mjs scripts/bench/analysis-page.ts --db F [--runs 3] [--app-root CHECKOUT]
//   (F is served: use a copy; CHECKOUT: another checkout with its own build, to compare)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { CDPSession } from 'playwright-core';
import { chromiumPids, processCpuMs, rendererCpu, serve } from './browser-first-paint';

/** The Pareto chart's bars on screen (plain SVG now; recharts' class for a checkout from before). */
export const PARETO_BARS =
  '[data-testid="pareto-chart"] .pareto-bar, [data-testid="pareto-chart"] .recharts-bar-rectangle';

export async function runAnalysisPageBench(book: string, runs = 3, appRoot?: string): Promise<Record<string, number>> {
  if (!fs.existsSync('/usr/bin/chromium')) return {};
  const { chromium } = await import('playwright-core');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-analysis-'));
  const server = await serve(book, home, appRoot);
  const paint: number[] = [];
  const loyalty: number[] = [];
  const renderTask: number[] = [];
  const hoverTask: number[] = [];
  const serverCpu: number[] = [];
  const pageTask: number[] = [];
  const chromiumCpu: number[] = [];
  const inApp: number[] = [];
  const inAppServerCpu: number[] = [];
  const inAppChromiumCpu: number[] = [];
  const inAppMainCpu: number[] = [];
  const hoverMainCpu: number[] = [];
  const hoverTaskCpu: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const profile = fs.mkdtempSync(path.join(home, 'profile-'));
      const ctx = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium',
        headless: true,
        viewport: { width: 1440, height: 900 },
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
      });
      try {
        const page = ctx.pages()[0] ?? (await ctx.newPage());
        await page.addInitScript(() => {
          const w = window as unknown as { __tasks: number[] };
          w.__tasks = [];
          new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__tasks.push(e.duration))).observe({
            type: 'longtask',
            buffered: true,
          });
        });
        const cdp = await ctx.newCDPSession(page);
        await cdp.send('Performance.enable');
        const browserCpu = () => chromiumPids(profile).reduce((sum, pid) => sum + processCpuMs(pid), 0);
        const browser0 = browserCpu();
        const cpu0 = server.cpuMs();
        await page.goto(`${server.url}#/analysis`, { waitUntil: 'commit' });
        await page.locator(PARETO_BARS).first().waitFor({ timeout: 60_000 });
        paint.push(await page.evaluate(() => performance.now()));
        serverCpu.push(server.cpuMs() - cpu0);
        chromiumCpu.push(browserCpu() - browser0);
        const metrics = new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
        pageTask.push((metrics.get('TaskDuration') ?? 0) * 1000);
        await page.locator('[data-testid="loyalty-table"] tbody tr').first().waitFor({ timeout: 60_000 });
        loyalty.push(await page.evaluate(() => performance.now()));
        const tasks = async () => page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks.splice(0));
        renderTask.push(Math.max(0, ...(await tasks())));
        const box = (await page.locator('[data-testid="pareto-chart"]').boundingBox())!;
        const h0 = rendererCpu(profile).main;
        const trace = await startTaskTrace(cdp);
        for (let x = 0; x <= 20; x++)
          await page.mouse.move(box.x + (box.width * x) / 20, box.y + box.height / 2, { steps: 2 });
        await page.waitForTimeout(300);
        hoverMainCpu.push(rendererCpu(profile).main - h0);
        hoverTaskCpu.push(await trace.longestMainTaskCpuMs());
        hoverTask.push(Math.max(0, ...(await tasks())));
        // the page alone: from the customer list (app booted, nothing of the analysis cached) to the Pareto
        await page.evaluate(() => (location.hash = '#/customers'));
        await page.reload({ waitUntil: 'commit' }); // nothing of the analysis page in memory
        await page.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 60_000 });
        await page.waitForTimeout(1000);
        const [s0, b0, m0] = [server.cpuMs(), browserCpu(), rendererCpu(profile).main];
        const t0 = await page.evaluate(() => {
          location.hash = '#/analysis';
          return performance.now();
        });
        await page.locator(PARETO_BARS).first().waitFor({ timeout: 60_000 });
        inApp.push((await page.evaluate(() => performance.now())) - t0);
        inAppServerCpu.push(server.cpuMs() - s0);
        inAppChromiumCpu.push(browserCpu() - b0);
        inAppMainCpu.push(rendererCpu(profile).main - m0);
      } finally {
        await ctx.close();
      }
    }
  } finally {
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
  console.error(
    'analysis page runs',
    JSON.stringify({
      paint,
      serverCpu,
      chromiumCpu,
      pageTask,
      renderTask,
      hoverTask,
      inApp,
      inAppServerCpu,
      inAppChromiumCpu,
      inAppMainCpu,
      hoverMainCpu,
      hoverTaskCpu,
    }),
  );
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
  return {
    analysisPageParetoMs: median(paint),
    analysisPageParetoServerCpuMs: median(serverCpu),
    analysisPageParetoBrowserTaskMs: median(pageTask),
    analysisPageParetoChromiumCpuMs: median(chromiumCpu),
    analysisPageInAppParetoMs: median(inApp),
    analysisPageInAppServerCpuMs: median(inAppServerCpu),
    analysisPageInAppChromiumCpuMs: median(inAppChromiumCpu),
    analysisPageInAppMainThreadCpuMs: median(inAppMainCpu),
    analysisPageLoyaltyMs: median(loyalty),
    analysisPageLongestTaskMs: median(renderTask),
    paretoHoverLongestTaskMs: median(hoverTask),
    /** the page's main thread over the sweep (21 pointer positions, 42 moves) */
    paretoHoverMainThreadCpuMs: median(hoverMainCpu),
    /** the longest main-thread task of the sweep in thread CPU time (wall durations stretch under load) */
    paretoHoverLongestTaskCpuMs: median(hoverTaskCpu),
  };
}

/**
 * A Chromium trace of the page's main-thread tasks: the longest one in thread CPU time, which a
 * loaded machine does not stretch (the longtask observer reports wall time, waits included).
 */
async function startTaskTrace(cdp: CDPSession): Promise<{ longestMainTaskCpuMs: () => Promise<number> }> {
  const events: { name: string; ph: string; pid: number; tid: number; tdur?: number; args?: { name?: string } }[] = [];
  const collect = (e: { value: object[] }) => void events.push(...(e.value as typeof events));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  return {
    async longestMainTaskCpuMs() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', collect);
      const main = new Set(
        events
          .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
          .map((e) => `${e.pid}:${e.tid}`),
      );
      const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
      return Math.round(Math.max(0, ...tasks.map((e) => (e.tdur ?? 0) / 1000)));
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, runs: { type: 'string' }, 'app-root': { type: 'string' } },
  });
  if (!values.db) throw new Error('--db F (a copy: serving migrates and writes the book)');
  console.log(
    JSON.stringify(await runAnalysisPageBench(values.db, Number(values.runs ?? 3), values['app-root']), null, 2),
  );
}
