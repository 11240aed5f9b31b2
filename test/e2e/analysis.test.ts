// Value tiers as a user works with them: recompute on the 客户分析 page → filter the customer
// list by tier → batch statements for that tier. Screenshots of the analysis page and the card
// in zh-CN and en at 1440×900 and 1280×720 (test-output/screenshots/analysis-*).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { DEMO_EXTENSIONS } from '../../main/demo/extensions';
import { selectCandidates } from '../../main/services/statements';
import { analysisRanking } from '../../main/services/analysis';
import { readerContext } from '../../main/ipc/session';
import { formatMoney } from '../../shared/money';
import { startE2E, type E2E } from './support';

let e: E2E;

async function seed(desk: Desk) {
  const list = makeDemoCustomers(80, 11);
  await insertDemoCustomers(desk.ctx, list);
  for (const ext of DEMO_EXTENSIONS)
    await ext({
      ctx: desk.ctx,
      customers: list.map((c) => c.code),
      invoices: 2_000,
      seed: 11,
    });
}

beforeAll(async () => {
  e = await startE2E({ setup: seed });
});
afterAll(async () => {
  await e?.close();
});

const sqlite = () => e.desk.ctx.book.sqlite;

describe('customer analysis end to end', () => {
  it('recompute → list filtered by tier → batch statements by tier', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/analysis`);
    await page.locator('[data-testid="tier-never"]').waitFor();
    await page.locator('[data-testid="tier-recompute"]').click();
    await page.locator('[data-testid="tier-last-run"]').waitFor();
    // as of the desk's day 2026-11-23: August to October
    expect(await page.locator('[data-testid="tier-last-run"]').textContent()).toContain('2026-08-01 至 2026-10-31');
    const counts = sqlite()
      .prepare('SELECT value_tier AS t, count(*) AS n FROM customers WHERE value_tier IS NOT NULL GROUP BY value_tier')
      .all() as { t: string; n: number }[];
    const nA = counts.find((c) => c.t === 'A')!.n;
    expect(nA).toBeGreaterThan(0);
    await page.locator('[data-testid="pareto-chart"] .pareto-bar').first().waitFor();
    const countsTable = page.locator('[data-testid="tier-counts"] tbody tr').first();
    expect(await countsTable.locator('td').nth(1).textContent()).toBe(String(nA));

    // the list filtered by tier A through its filter
    await page.goto(`${e.server.origin}/#/customers`);
    await page.locator('[data-testid="customer-row"]').first().waitFor();
    await page.locator('[data-testid="filter-value-tier"]').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'A 级' }).click();
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.locator('[data-testid="customer-table"]').getAttribute('data-total'), { timeout: 20_000 })
      .toBe(String(nA));
    // sorted by tier: A first
    await page.locator('[data-testid="sort-valueTier"]').click();
    await e.shot('analysis-list-tier-a-zh');

    // the matrix cell of tier A × not rated opens the list filtered to both
    await page.goto(`${e.server.origin}/#/analysis`);
    const cell = page.locator('[data-testid="matrix-A-none"]');
    const cellText = (await cell.textContent()) ?? '';
    await cell.click();
    await expect
      .poll(() => page.locator('[data-testid="customer-table"]').getAttribute('data-total'), { timeout: 20_000 })
      .toBe(cellText.split(' / ')[0]);
    await page.locator('[data-testid="filter-credit-rating"]').waitFor();

    // batch statements for tier A: the note counts them, the run prints those with a balance
    await page.goto(`${e.server.origin}/#/statements/batch`);
    await page.locator('[data-testid="batch-tiers"]').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^A$/ }).click();
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.locator('[data-testid="tier-filter-note"]').textContent(), { timeout: 20_000 })
      .toContain(`所选价值等级共有 ${nA} 家客户`);
    await e.shot('analysis-batch-tier-a-zh');
    const dir = path.join(e.dir, 'batch-a');
    await page.locator('[data-testid="batch-dir"]').fill(dir);
    const to = await page.locator('.ant-picker input').nth(1).inputValue();
    const expected = selectCandidates(sqlite(), {
      to,
      filter: { valueTiers: ['A'] },
    });
    await page.locator('[data-testid="batch-start"]').click();
    await expect
      .poll(() => page.locator('[data-testid="batch-progress"]').textContent(), { timeout: 120_000 })
      .toMatch(/完成：生成/);
    const text = (await page.locator('[data-testid="batch-progress"]').textContent()) ?? '';
    const [, produced, skipped] = /生成 (\d+)，跳过 (\d+)/.exec(text)!.map(Number);
    const pdfs = fs.readdirSync(dir).filter((f) => f.endsWith('.pdf'));
    expect(expected.length).toBeGreaterThan(0);
    expect(produced + skipped).toBe(expected.length); // confidential customers are skipped without confirmation
    expect(pdfs.length).toBe(produced);
    const aCodes = new Set(
      (sqlite().prepare("SELECT code FROM customers WHERE value_tier = 'A'").all() as { code: string }[]).map(
        (r) => r.code,
      ),
    );
    for (const f of pdfs) expect([...aCodes].some((c) => f.includes(c))).toBe(true);
  }, 240_000);

  it('screenshots: analysis page and card, zh-CN and en, 1440×900 and 1280×720', async () => {
    const { page } = e;
    // an A customer with something open, so the card's ageing chart has bars
    const top = sqlite()
      .prepare(
        "SELECT c.id FROM customers c WHERE c.value_tier = 'A' ORDER BY (SELECT SUM(open_amount) FROM invoices i WHERE i.customer_id = c.id AND i.voided_at IS NULL) DESC LIMIT 1",
      )
      .get() as { id: number };
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') {
        await page.locator('[data-testid="lang-switch"]').first().getByText('EN').click();
        await page.getByText('Customers').first().waitFor();
      }
      for (const [w, h] of [
        [1440, 900],
        [1280, 720],
      ]) {
        await page.setViewportSize({ width: w, height: h });
        await page.goto(`${e.server.origin}/#/analysis`);
        await page.locator('[data-testid="pareto-chart"] .pareto-bar').first().waitFor();
        await page.waitForTimeout(500);
        await e.shot(`analysis-page-${lang}-${w}`);
        await page.locator('[data-testid="composition"]').scrollIntoViewIfNeeded();
        await page.waitForTimeout(300);
        // current figures: the window as of today, and when the tiers were computed
        expect(await page.locator('[data-testid="composition-window"]').textContent()).toContain('2026-08-01');
        await e.shot(`analysis-page-lower-${lang}-${w}`);
        await page.goto(`${e.server.origin}/#/customers/${top.id}`);
        await page.locator('[data-testid="value-tier"]').waitFor();
        await page.locator('[data-testid="customer-overview"] .recharts-surface').first().waitFor();
        expect(await page.locator('[data-testid="ov-tier"]').textContent()).toBe('A');
        await page.locator('[data-testid="customer-name"]').scrollIntoViewIfNeeded();
        expect(await page.locator('[data-testid="value-tier"]').textContent()).toBe('A');
        await page.waitForTimeout(300);
        await e.shot(`analysis-card-${lang}-${w}`);
      }
    }
  }, 240_000);

  it('paints the Pareto chart first: the tables and panels below it mount after the bars are on screen', async () => {
    const { page } = e;
    // the chart library's chunk(s): the Pareto chart is plain SVG, recharts loads after its bars
    const assets = path.join(process.cwd(), 'dist', 'renderer', 'assets');
    const rechartsChunks = fs
      .readdirSync(assets)
      .filter((f) => f.endsWith('.js') && fs.readFileSync(path.join(assets, f), 'utf8').includes('recharts-surface'));
    expect(rechartsChunks.length).toBeGreaterThan(0);
    await page.goto(`${e.server.origin}/#/customers`);
    await page.reload(); // a fresh document: nothing loaded by the pages before (the card draws with recharts)
    await page.locator('[data-testid="customer-row"]').first().waitFor();
    // when each block first appears in the document, from the in-app navigation on
    await page.evaluate(() => {
      const w = window as unknown as { __seen: Record<string, number>; __loadedAtBars: string[] };
      w.__seen = {};
      const blocks: Record<string, string> = {
        bars: '[data-testid="pareto-chart"] .pareto-bar',
        counts: '[data-testid="tier-counts"]',
        matrix: '[data-testid="tier-matrix"]',
        composition: '[data-testid="composition"] .ant-table',
      };
      new MutationObserver(() => {
        for (const [k, sel] of Object.entries(blocks))
          if (!(k in w.__seen) && document.querySelector(sel)) {
            w.__seen[k] = performance.now();
            if (k === 'bars') w.__loadedAtBars = performance.getEntriesByType('resource').map((r) => r.name);
          }
      }).observe(document.body, { childList: true, subtree: true });
      location.hash = '#/analysis';
    });
    await page.locator('[data-testid="composition"] .ant-table').waitFor();
    const seen = await page.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen);
    expect(seen.bars).toBeGreaterThan(0);
    expect(seen.counts).toBeGreaterThan(seen.bars);
    expect(seen.matrix).toBeGreaterThan(seen.bars);
    expect(seen.composition).toBeGreaterThan(seen.bars);
    const loadedAtBars = await page.evaluate(() => (window as unknown as { __loadedAtBars: string[] }).__loadedAtBars);
    expect(loadedAtBars.filter((url) => rechartsChunks.some((f) => url.endsWith(`/${f}`)))).toEqual([]);
    // …and arrives for the panels drawn with it
    await page.locator('[data-testid="composition"] .recharts-surface').first().waitFor();
    // the figures are the same as ever
    const nA = sqlite().prepare("SELECT count(*) FROM customers WHERE value_tier = 'A'").pluck().get() as number;
    expect(await page.locator('[data-testid="tier-counts"] tbody tr').first().locator('td').nth(1).textContent()).toBe(
      String(nA),
    );
  }, 120_000);

  it('hovering a bar shows its ranks, average and cumulative share in our light tooltip (recharts never sees the pointer)', async () => {
    const { page } = e;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${e.server.origin}/#/analysis`);
    const bars = page.locator('[data-testid="pareto-chart"] .pareto-bar');
    await bars.first().waitFor();
    // in Chinese (the screenshots before switched to English)
    await page.locator('[data-testid="lang-switch"]').first().getByText('中文').click();
    await page.getByText('累计占比').first().waitFor();
    const { pareto } = await analysisRanking(readerContext(e.desk));
    // bars of zero sales (the last ranks) draw no rectangle: the last drawn one is the last with sales
    const lastDrawn = pareto.points.map((p) => p.value > 0).lastIndexOf(true);
    for (const i of [0, 5, lastDrawn]) {
      const p = pareto.points[i];
      const box = (await bars.nth(i).boundingBox())!;
      // the middle of the bar's band, halfway up the plot (also where the bar is low)
      await page.mouse.move(box.x + box.width / 2, box.y + box.height - 2);
      const tip = page.locator('[data-testid="pareto-tooltip"]');
      await tip.waitFor();
      const text = await tip.textContent();
      const ranks = p.from === p.to ? `排名 ${p.from}` : `第 ${p.from}–${p.to} 名`;
      expect(text).toBe(
        `${p.code ? `${p.code} · ` : ''}${ranks} · ${p.tier}` +
          `月均销售额: ${formatMoney(p.value, { currency: 'CNY' })}` +
          `累计占比: ${p.cumPercent.toFixed(2)}%`,
      );
    }
    expect(await page.locator('[data-testid="pareto-chart"] .recharts-tooltip-wrapper').count()).toBe(0);
    await page.mouse.move(5, 5);
    await page.locator('[data-testid="pareto-tooltip"]').waitFor({ state: 'detached' });
  }, 120_000);
});
