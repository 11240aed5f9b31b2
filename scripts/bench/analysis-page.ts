// The 客户分析 page in browser mode on a big book (issue #11): time from navigation to the Pareto
// chart's bars on screen (target ≤ 1 s) and to the loyalty panel, and the chart's responsiveness —
// the longest main-thread task while the pointer sweeps across the chart (target: no frame over
// 100 ms). A fresh Chromium profile per run; medians. The book must have a stored tier run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './browser-first-paint';

export async function runAnalysisPageBench(book: string, runs = 3): Promise<Record<string, number>> {
  if (!fs.existsSync('/usr/bin/chromium')) return {};
  const { chromium } = await import('playwright-core');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-analysis-'));
  const server = await serve(book, home);
  const paint: number[] = [];
  const loyalty: number[] = [];
  const renderTask: number[] = [];
  const hoverTask: number[] = [];
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
        await page.goto(`${server.url}#/analysis`, { waitUntil: 'commit' });
        await page.locator('[data-testid="pareto-chart"] .recharts-bar-rectangle').first().waitFor({ timeout: 60_000 });
        paint.push(await page.evaluate(() => performance.now()));
        await page.locator('[data-testid="loyalty-table"] tbody tr').first().waitFor({ timeout: 60_000 });
        loyalty.push(await page.evaluate(() => performance.now()));
        const tasks = async () => page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks.splice(0));
        renderTask.push(Math.max(0, ...(await tasks())));
        const box = (await page.locator('[data-testid="pareto-chart"]').boundingBox())!;
        for (let x = 0; x <= 20; x++)
          await page.mouse.move(box.x + (box.width * x) / 20, box.y + box.height / 2, { steps: 2 });
        await page.waitForTimeout(300);
        hoverTask.push(Math.max(0, ...(await tasks())));
      } finally {
        await ctx.close();
      }
    }
  } finally {
    server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
  return {
    analysisPageParetoMs: median(paint),
    analysisPageLoyaltyMs: median(loyalty),
    analysisPageLongestTaskMs: median(renderTask),
    paretoHoverLongestTaskMs: median(hoverTask),
  };
}
