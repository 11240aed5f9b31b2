// Foundation figures at 100,000 customers: book open + migrate, customer search p95 through
// the IPC handler, browser-mode first screen.
import fs from 'node:fs';
import path from 'node:path';
import { Desk } from '../../main/app/desk';
import { openBook } from '../../main/db/connection';
import { createHandlers } from '../../main/ipc/handlers';
import { dispatch } from '../../main/ipc/register';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { openCliBook } from '../../main/cli/book';
import { startServer } from '../../main/serve/server';
import { ensureRendererBuilt } from '../../main/serve/renderer-build';

const QUERIES = ['hsmy', 'huasheng', 'C0999', '138', '有限公司', '李', 'zhang', 'xx', '物流', 'zzzzzz', 'c05', '0571'];

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
const round = (n: number) => Math.round(n * 10) / 10;

export async function makeCustomerBook(file: string, customers: number): Promise<number> {
  const t0 = performance.now();
  const ctx = await openCliBook(file, { create: true, company: '基准测试公司' });
  await insertDemoCustomers(ctx, makeDemoCustomers(customers, 1));
  await ctx.book.close();
  return performance.now() - t0;
}

export async function runCustomerBench(dir: string, customers: number): Promise<Record<string, number>> {
  const file = path.join(dir, 'customers.creditdesk');
  const buildMs = await makeCustomerBook(file, customers);

  // opening an existing book (schema check) and creating + migrating a new one
  const openTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const b = await openBook(file);
    openTimes.push(performance.now() - t);
    await b.close();
  }
  const migrateTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const f = path.join(dir, `empty-${i}.creditdesk`);
    const t = performance.now();
    const b = await openBook(f, { create: true });
    migrateTimes.push(performance.now() - t);
    await b.close();
  }

  const desk = new Desk({ mode: 'browser', userDataDir: path.join(dir, 'home') });
  await desk.open(file);
  const handlers = createHandlers(desk);
  const first = performance.now();
  await dispatch(handlers, 'customers:list', { filter: { query: 'warm' }, limit: 100 });
  const coldIndexMs = performance.now() - first;
  const times: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const q of QUERIES) {
      const t = performance.now();
      const r = await dispatch(handlers, 'customers:list', { filter: { query: q }, limit: 100 });
      times.push(performance.now() - t);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    }
  }
  const pageTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    await dispatch(handlers, 'customers:list', { sort: 'name', offset: i * 1900, limit: 200 });
    pageTimes.push(performance.now() - t);
  }

  // browser mode: from navigation to the first customer rows on screen
  let firstScreenMs = -1;
  if (fs.existsSync('/usr/bin/chromium')) {
    const rendererDir = await ensureRendererBuilt(() => {});
    const server = await startServer({ handlers, rendererDir });
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const t = performance.now();
      await page.goto(`${server.url}#/customers`);
      await page.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 20_000 });
      firstScreenMs = performance.now() - t;
    } finally {
      await browser.close();
      await server.close();
    }
  }
  await desk.close();
  return {
    customers,
    demoBuildMs: round(buildMs),
    bookOpenMs_p50: round(pct(openTimes, 50)),
    bookCreateAndMigrateMs_p50: round(pct(migrateTimes, 50)),
    searchIndexColdMs: round(coldIndexMs),
    customerSearchMs_p50: round(pct(times, 50)),
    customerSearchMs_p95: round(pct(times, 95)),
    customerPageMs_p95: round(pct(pageTimes, 95)),
    browserFirstScreenMs: round(firstScreenMs),
  };
}
