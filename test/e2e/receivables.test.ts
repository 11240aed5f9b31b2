// Receivables as a user sees them: the SPEC worked example in the ageing report (to the fen),
// drill-down, tie-out, the dashboard, entering a receipt, recovering a written-off debt, and
// editing the provision matrix's bucket edges.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { handlerCaller, settled, SHOTS, startE2E, type E2E } from './support';
import { seedWorkedExample } from '../support/worked-example';

let e: E2E;
let badDebtor = 0;

async function seedBook(desk: Desk) {
  const ok = handlerCaller(desk);
  await seedWorkedExample(ok, 'C1', { name: '华盛贸易有限公司', creditLimit: 500_000, contacts: [] });
  // a second customer, overdue today, so the dashboard has something to chart
  const d = await ok('customers:create', {
    code: 'C2',
    name: '东方红五金店',
    kind: 'company',
    nature: 'trade_partner',
    paymentTermsDays: 30,
    creditLimit: 1_000_000,
  });
  await ok('customers:approve-opening', { id: d.id, approvedBy: '张总' });
  await ok('invoices:create', { customerId: d.id, number: 'INV-9', issueDate: '2026-09-01', amount: 456_789 });
  // a third customer whose 1,000.00 was written off as a bad debt
  const b = await ok('customers:create', {
    code: 'C3',
    name: '远大建材商行',
    kind: 'company',
    nature: 'ordinary_company',
    paymentTermsDays: 30,
    creditLimit: 0,
  });
  await ok('customers:approve-opening', { id: b.id, approvedBy: '张总' });
  const bd = await ok('invoices:create', {
    customerId: b.id,
    number: 'BD-1',
    issueDate: '2025-06-01',
    amount: 100_000,
    overrideReason: '老客户',
  });
  await ok('write-offs:create', {
    invoiceId: bd.invoice.id,
    date: '2026-01-15',
    approvedBy: '张总',
    reason: '客户失联',
  });
  badDebtor = b.id;
}

beforeAll(async () => {
  e = await startE2E({ setup: seedBook });
});
afterAll(async () => {
  await e?.close();
});

async function setAsOf(date: string) {
  const input = e.page.locator('[data-testid="ageing-asof"] input, input[data-testid="ageing-asof"]').first();
  await input.click();
  await input.press('Control+a');
  await input.fill(date);
  await input.press('Enter');
  await e.page.keyboard.press('Escape');
  // screenshots show the report, not the closing calendar
  await e.page
    .locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')
    .waitFor({ state: 'hidden', timeout: 5000 })
    .catch(() => undefined);
}

const cell = (col: string) =>
  e.page.locator(`[data-testid="ageing-row"][data-code="C1"] [data-col="${col}"]`).innerText();

describe('receivables end to end', () => {
  it('shows the worked example ageing as of 2026-05-31 to the fen', async () => {
    await e.page.goto(`${e.server.origin}/#/receivables/ageing`);
    await e.page.locator('[data-testid="ageing-page"]').waitFor();
    await setAsOf('2026-05-31');
    await expect.poll(() => cell('due:1-30'), { timeout: 15_000 }).toContain('300.00');
    expect(await cell('due:61-90')).toContain('2,300.00');
    expect(await cell('total')).toContain('2,600.00');
    expect(await e.page.locator('[data-testid="ageing-total"] [data-col="total"]').innerText()).toContain('2,600.00');
    await e.shot('ageing-2026-05-31-zh');
  });

  it('ages as of 2026-06-30 to an unapplied credit of −400.00 and ties out', async () => {
    await setAsOf('2026-06-30');
    await expect.poll(() => cell('unapplied'), { timeout: 15_000 }).toMatch(/-\s*¥?400\.00/);
    expect(await cell('total')).toMatch(/-\s*¥?400\.00/);
    await expect.poll(() => e.page.locator('[data-testid="ageing-tieout-diff"]').innerText()).toMatch(/0\.00/);
    await e.shot('ageing-2026-06-30-zh');
  });

  it('prints every row of the ageing, also when printed with Ctrl+P instead of the button', async () => {
    await e.page.goto(`${e.server.origin}/#/receivables/ageing`);
    await setAsOf('2026-05-31');
    await expect.poll(() => cell('total'), { timeout: 15_000 }).toContain('2,600.00');
    // page.pdf() prints as the browser's own print does (beforeprint / afterprint), no button
    const file = path.join(SHOTS, 'ageing-print-2026-05-31.pdf');
    await e.page.pdf({ path: file, landscape: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    expect(text.replace(/\s+/g, '')).toContain('应收账款账龄分析表');
    expect(text).toMatch(/C1\s+华盛贸易有限公司/);
    expect(text).toMatch(/2,600\.00/);
    await expect.poll(() => e.page.locator('[data-testid="ageing-print-table"]').count()).toBe(0); // gone after printing
  });

  it('drills down from a bucket to the open invoices behind it', async () => {
    await setAsOf('2026-05-31');
    await expect.poll(() => cell('due:61-90'), { timeout: 15_000 }).toContain('2,300.00');
    await e.page.locator('[data-testid="ageing-row"][data-code="C1"] [data-col="due:61-90"]').click();
    const drawer = e.page.locator('[data-testid="ageing-drilldown"]');
    await drawer.getByText('INV-2').waitFor();
    expect(await drawer.innerText()).toContain('2,300.00');
    await e.page.waitForTimeout(400); // the drawer's slide-in
    await e.shot('ageing-drilldown-zh');
    await e.page.keyboard.press('Escape');
  });

  it('draws the dashboard with its charts', async () => {
    await e.page.goto(`${e.server.origin}/#/receivables`);
    await e.page.locator('.recharts-surface').first().waitFor({ timeout: 15_000 });
    await e.page.waitForTimeout(1500);
    await e.shot('receivables-dashboard-zh');
    expect(await e.page.locator('.recharts-surface').count()).toBeGreaterThan(1);
    await e.page.locator('[data-testid="lang-switch"]').getByText('EN').click();
    await e.page.getByText('Receivables').first().waitFor();
    await e.page.waitForTimeout(500);
    await e.shot('receivables-dashboard-en');
    await e.page.goto(`${e.server.origin}/#/receivables/ageing`);
    await setAsOf('2026-05-31');
    await expect.poll(() => cell('total'), { timeout: 15_000 }).toContain('2,600.00');
    await e.shot('ageing-2026-05-31-en');
  });

  it('enters a receipt by keyboard and shows how it was applied', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/receivables/entry`);
    await page.getByRole('tab', { name: /收款|Receipt/ }).click();
    await page.locator('[data-testid="ar-receipt-customer"]').click();
    await page.keyboard.type('C2');
    await page.locator('.ant-select-item-option').filter({ hasText: 'C2 东方红五金店' }).click();
    await page.locator('[data-testid="ar-receipt-amount"]').fill('1,000.00');
    await page.locator('[data-testid="ar-receipt-save"]').click();
    const result = page.locator('[data-testid="ar-receipt-result"]');
    await result.waitFor();
    expect(await page.locator('[data-testid="ar-receipt-allocations"]').innerText()).toMatch(/INV-9[\s\S]*1,000\.00/);
    const row = e.desk.ctx.book.sqlite.prepare("SELECT open_amount FROM invoices WHERE number = 'INV-9'").get();
    expect(row).toEqual({ open_amount: 356_789 });
    await e.shot('ar-entry-receipt');
    // a bad amount is refused on the field and nothing is saved
    await page.locator('[data-testid="ar-receipt-customer"]').click();
    await page.keyboard.type('C2');
    await page.locator('.ant-select-item-option').filter({ hasText: 'C2 东方红五金店' }).click();
    await page.locator('[data-testid="ar-receipt-amount"]').fill('12.345');
    await page.locator('[data-testid="ar-receipt-save"]').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    expect((e.desk.ctx.book.sqlite.prepare('SELECT count(*) AS n FROM receipts').get() as { n: number }).n).toBe(4);
  });

  it('shows a field error in the language switched to', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/receivables/entry`);
    await page.locator('[data-testid="lang-switch"]').first().getByText('中文').click();
    await page.getByRole('tab', { name: '赊销单/发票' }).click();
    await page.locator('[data-testid="ar-amount"]').fill('12.345');
    await page.locator('[data-testid="ar-amount"]').blur();
    const error = page.locator('.ant-form-item-explain-error').filter({ hasText: /金额|amount/i });
    await expect.poll(() => error.first().innerText()).toBe('金额格式不正确（最多两位小数，如 1,234.56）');
    await page.locator('[data-testid="lang-switch"]').first().getByText('EN').click();
    await expect.poll(() => error.first().innerText()).toBe('Not an amount (at most 2 decimals, e.g. 1,234.56)');
    await page.locator('[data-testid="lang-switch"]').first().getByText('中文').click();
    await expect.poll(() => error.first().innerText()).toBe('金额格式不正确（最多两位小数，如 1,234.56）');
    await page.locator('[data-testid="ar-amount"]').fill('');
  });

  it('imports an invoice file chosen on the page (streamed to main, imported by token); a bad file lists its rows', async () => {
    const { page } = e;
    const invoices = () =>
      (e.desk.ctx.book.sqlite.prepare('SELECT count(*) AS n FROM invoices').get() as { n: number }).n;
    const before = invoices();
    await page.goto(`${e.server.origin}/#/receivables/entry`);
    await page.locator('[data-testid="lang-switch"]').first().getByText('中文').click(); // an earlier test left English on
    await page.getByText('单据录入').first().waitFor();
    const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page
      .locator('[data-testid="ar-import-file"]')
      .setInputFiles(
        file('坏发票.csv', '客户编码,发票号,开票日期,金额\nC2,IMP-1,2026-10-01,100.00\nC9,IMP-2,2026-10-02,5\n'),
      );
    const errors = page.locator('[data-testid="ar-import-errors"]');
    await errors.waitFor();
    expect(await errors.innerText()).toMatch(/3[\s\S]*未知客户 C9/); // the row's problem in the page's language
    expect(await page.locator('.ant-modal-body').first().innerText()).toContain(
      '请在文件中修改以下 1 处错误后重新导入',
    );
    await page.waitForTimeout(400); // the modal's opening animation
    await e.shot('ar-import-errors');
    expect(invoices()).toBe(before); // nothing written
    await page.keyboard.press('Escape');
    await page
      .locator('[data-testid="ar-import-file"]')
      .setInputFiles(
        file('发票.csv', '客户编码,发票号,开票日期,金额\nC2,IMP-1,2026-10-01,100.00\nC2,IMP-2,2026-10-02,"1,234.56"\n'),
      );
    const done = page.locator('.ant-modal-confirm-success');
    await done.waitFor();
    expect(await done.innerText()).toMatch(/2[\s\S]*1,334\.56/);
    expect(invoices()).toBe(before + 2);
    expect(e.desk.ctx.book.sqlite.prepare("SELECT amount FROM invoices WHERE number = 'IMP-2'").get()).toEqual({
      amount: 123_456,
    });
    await page.waitForTimeout(400); // the dialog's opening animation, then close it for the next test
    await done.locator('.ant-modal-confirm-btns button').click();
    await done.waitFor({ state: 'hidden' });
  });
});

describe('bad-debt recovery and provision edges', () => {
  const sqlite = () => e.desk.ctx.book.sqlite;
  beforeAll(async () => {
    // the dashboard test above left the app in English
    await e.page.goto(`${e.server.origin}/#/receivables/entry`);
    await e.page.locator('[data-testid="lang-switch"]').first().getByText('中文').click();
    await e.page.getByText('单据录入').first().waitFor();
  });

  it('records a recovery from the customer ledger; a too-large amount is refused on the field', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/customers/${badDebtor}?tab=receivables`);
    await page.locator('[data-testid="customer-name"]').waitFor();
    await page.getByRole('tab', { name: /应收总览|Receivables/ }).click();
    await page.getByRole('tab', { name: /坏账核销/ }).click();
    const row = page.locator('[data-testid="ar-write-offs"] tr[data-invoice="BD-1"]');
    await row.locator('[data-testid="ar-recover"]').click();
    const receipts = () => (sqlite().prepare('SELECT count(*) AS n FROM receipts').get() as { n: number }).n;
    const before = receipts();
    const modal = page.locator('[data-testid="ar-recovery-modal"]');
    await settled(modal);
    // more than is written off: main refuses, the message sits under the amount (a refused save
    // changes nothing, so it is tried again if the dialog was still opening when it was clicked)
    const amountError = modal
      .locator('.ant-form-item-has-error')
      .filter({ has: page.locator('[data-testid="ar-rec-amount"]') });
    await vi.waitFor(
      async () => {
        await modal.locator('[data-testid="ar-rec-amount"]').fill('1,200.00');
        await modal.locator('[data-testid="ar-rec-save"]').click();
        await amountError.waitFor({ timeout: 3_000 });
      },
      { timeout: 30_000, interval: 200 },
    );
    await expect.poll(() => amountError.innerText()).toContain('尚未收回的核销金额最多为 ¥1,000.00');
    expect(receipts()).toBe(before);
    await page.waitForTimeout(400); // the error slides in
    await e.shot('ar-recovery-refused-zh');

    await modal.locator('[data-testid="ar-rec-amount"]').fill('300.00');
    await modal.locator('[data-testid="ar-rec-reference"]').fill('BK-778');
    await modal.locator('[data-testid="ar-rec-note"]').fill('法院执行款');
    await modal.locator('[data-testid="ar-rec-save"]').click();
    await modal.waitFor({ state: 'detached' });
    await expect.poll(() => row.locator('[data-col="recovered"]').innerText()).toContain('300.00');
    expect(await row.locator('[data-col="left"]').innerText()).toContain('700.00');
    expect(sqlite().prepare("SELECT amount, method, reference FROM receipts WHERE reference = 'BK-778'").get()).toEqual(
      { amount: 30_000, method: 'bank_transfer', reference: 'BK-778' },
    );
    expect(sqlite().prepare('SELECT recovered FROM write_offs').get()).toEqual({ recovered: 30_000 });
    await e.shot('ar-ledger-write-offs-zh');
    // the ledger line of the write-off says what came back
    await page.getByRole('tab', { name: /明细账/ }).click();
    await expect.poll(() => page.locator('[data-testid="ar-ledger-lines"]').innerText()).toContain('已收回 ¥300.00');
  });

  it('records the rest on the entry page', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/receivables/entry`);
    await page.getByRole('tab', { name: '坏账收回' }).click();
    await page.locator('[data-testid="ar-rec-customer"]').click();
    await page.keyboard.type('C3');
    await page.locator('.ant-select-item-option').filter({ hasText: 'C3 远大建材商行' }).click();
    await page.locator('[data-testid="ar-rec-writeoff"]').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'BD-1' }).click();
    await page.locator('[data-testid="ar-rec-amount"]').fill('700');
    await page.locator('[data-testid="ar-rec-save"]').click();
    const result = page.locator('[data-testid="ar-rec-result"]');
    await result.waitFor();
    expect(await result.innerText()).toContain('累计收回 ¥1,000.00，仍核销 ¥0.00');
    expect(sqlite().prepare('SELECT recovered FROM write_offs').get()).toEqual({ recovered: 100_000 });
    await e.shot('ar-entry-recovery-zh');
  });

  it('edits a provision bucket edge; a bad edge is refused under its row and nothing is saved', async () => {
    const { page } = e;
    const settings = () =>
      JSON.parse(
        (
          sqlite().prepare("SELECT value FROM settings WHERE key = 'receivables.settings'").get() as
            { value: string } | undefined
        )?.value ?? '{}',
      );
    await page.goto(`${e.server.origin}/#/settings`);
    const matrix = page.locator('[data-testid="ar-provision-matrix"]');
    await matrix.scrollIntoViewIfNeeded();
    const edge = (n: number) =>
      matrix.locator(`[data-testid="ar-edge-${n}"] input, input[data-testid="ar-edge-${n}"]`).first();
    await edge(1).fill('180');
    await edge(2).fill('100');
    await expect.poll(() => matrix.locator('[data-row="1"] [data-col="label"]').innerText()).toBe('≤180天');
    await page.locator('[data-testid="ar-settings-save"]').click();
    await expect
      .poll(() => matrix.locator('[data-testid="ar-matrix-error-2"]').innerText())
      .toBe('第 2 档的上限必须大于第 1 档的上限（180 天）');
    expect(settings().provisionBuckets).toBeUndefined(); // never saved: still the defaults
    await matrix.scrollIntoViewIfNeeded();
    await e.shot('ar-settings-provision-refused-zh');

    await edge(2).fill('730');
    await page.locator('[data-testid="ar-settings-save"]').click();
    await expect
      .poll(() => settings().provisionBuckets?.slice(0, 2))
      .toEqual([
        { key: 'le_180', from: null, to: 180 },
        { key: '181-730', from: 181, to: 730 },
      ]);
    expect(settings().provisionRatesBp).toMatchObject({ le_180: 500, '181-730': 1000, 'y2-3': 3000 });
    await expect.poll(() => matrix.locator('[data-testid^="ar-matrix-error"]').count()).toBe(0);
  });
});
