// Where the 客户分析 page's main-thread time goes (issue #11): from the customer list (app booted)
// to the Pareto bars on screen, then until every panel is in, then a pointer sweep across the
// chart. For each phase: Chromium's metrics deltas (script, layout, style, task), the long tasks
// and the JS self time by bundle chunk and function (CDP sampling profiler).
//
//   node bin/run-ts.mjs scripts/bench/analysis-page-profile.ts --db F [--top 25]   (F is served: use a copy)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession } from 'playwright-core';
import { PARETO_BARS } from './analysis-page';
import { serve } from './browser-first-paint';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'Nodes', 'LayoutCount'];

async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  return new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
}

function selfTimes(p: Profile, top: number): { byFile: string[]; byFn: string[] } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const file = new Map<string, number>();
  const fn = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    const f = n.callFrame.url ? path.basename(n.callFrame.url) : `(${n.callFrame.functionName || 'native'})`;
    file.set(f, (file.get(f) ?? 0) + ms);
    const k = `${n.callFrame.functionName || '(anon)'} ${f}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber}`;
    fn.set(k, (fn.get(k) ?? 0) + ms);
  });
  const fmt = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => k !== '(idle)' && !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`);
  // who calls the busiest named functions (--callers NAME,NAME): their stacks, heaviest first
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stacks = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    if (!CALLERS.includes(n.callFrame.functionName)) return;
    const names: string[] = [];
    for (let k = parent.get(id); k !== undefined && names.length < 12; k = parent.get(k)) {
      const f = byId.get(k)!.callFrame;
      names.push(`${f.functionName || '(anon)'}@${path.basename(f.url)}:${f.lineNumber + 1}:${f.columnNumber}`);
    }
    const key = `${n.callFrame.functionName} ← ${names.join(' ← ')}`;
    stacks.set(key, (stacks.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  return { byFile: fmt(file), byFn: [...fmt(fn), ...fmt(stacks).slice(0, 5)] };
}

async function phase(
  cdp: CDPSession,
  name: string,
  top: number,
  run: () => Promise<void>,
  tasks: () => Promise<number[]>,
) {
  await cdp.send('Profiler.start');
  const m0 = await metrics(cdp);
  const t0 = Date.now();
  await run();
  const wall = Date.now() - t0;
  const m1 = await metrics(cdp);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const d = Object.fromEntries(
    METRICS.map((k) => [
      k,
      k === 'Nodes' || k === 'LayoutCount'
        ? (m1.get(k) ?? 0)
        : Math.round(((m1.get(k) ?? 0) - (m0.get(k) ?? 0)) * 1000),
    ]),
  );
  const s = selfTimes(profile, top);
  console.log(`\n=== ${name}: wall ${wall} ms`, JSON.stringify(d), 'long tasks', JSON.stringify(await tasks()));
  console.log('-- self time by file\n' + s.byFile.join('\n'));
  console.log('-- self time by function\n' + s.byFn.join('\n'));
}

const { values } = parseArgs({
  options: { db: { type: 'string' }, top: { type: 'string' }, lang: { type: 'string' }, callers: { type: 'string' } },
});
/** --callers NAME,NAME: print the heaviest stacks under these (minified) function names */
const CALLERS = (values.callers ?? '').split(',').filter(Boolean);
if (!values.db) throw new Error('--db F (a copy)');
const top = Number(values.top ?? 25);
const { chromium } = await import('playwright-core');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-analysis-prof-'));
const server = await serve(values.db, home);
try {
  const ctx = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(home, 'p-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: values.lang ?? 'zh-CN',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.addInitScript(() => {
    const w = window as unknown as { __tasks: number[] };
    w.__tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__tasks.push(Math.round(e.duration)))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  const tasks = () => page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks.splice(0));
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.goto(`${server.url}#/customers`);
  await page.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  await tasks();
  await phase(
    cdp,
    'list → Pareto bars',
    top,
    async () => {
      await page.evaluate(() => (location.hash = '#/analysis'));
      await page.locator(PARETO_BARS).first().waitFor({ timeout: 60_000 });
    },
    tasks,
  );
  await phase(
    cdp,
    'Pareto → all panels',
    top,
    async () => {
      await page.locator('[data-testid="loyalty-table"] tbody tr').first().waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="tier-matrix"] tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="composition"] tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(500);
    },
    tasks,
  );
  await phase(
    cdp,
    'hover sweep',
    top,
    async () => {
      const box = (await page.locator('[data-testid="pareto-chart"]').boundingBox())!;
      for (let x = 0; x <= 20; x++)
        await page.mouse.move(box.x + (box.width * x) / 20, box.y + box.height / 2, { steps: 2 });
      await page.waitForTimeout(300);
    },
    tasks,
  );
  await ctx.close();
} finally {
  await server.stop();
  fs.rmSync(home, { recursive: true, force: true });
}
