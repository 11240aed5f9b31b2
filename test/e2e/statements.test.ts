// Statements as a user prints them: pick the customer, the period, preview, save the PDF; the
// PDF is checked with pdftotext and rendered to PNG pages with pdftoppm (kept under test-output).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { handlerCaller, startE2E, type E2E } from './support';
import { seedWorkedExample } from '../support/worked-example';

let e: E2E;
const OUT = path.resolve('test-output/e2e-statements');

async function seed(desk: Desk) {
  const ok = handlerCaller(desk);
  await ok('settings:update-company', {
    address: '浙江省杭州市西湖区文三路 90 号',
    phone: '0571-88886666',
    taxId: '91330100MA2C8X1234',
    bankAccount: '工商银行文三路支行 1202 0210 0910 0123 456',
  });
  await seedWorkedExample(ok, 'C1', {
    name: '华盛贸易有限公司',
    address: '杭州市滨江区江南大道 1 号',
    contacts: [{ name: '李娜', title: '财务经理', mobile: '13800138000', isKeyPayer: true }],
  });
}

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  e = await startE2E({ setup: seed });
});
afterAll(async () => {
  await e?.close();
});

async function setDate(testid: string, date: string) {
  const input = e.page.locator(`[data-testid="${testid}"] input, input[data-testid="${testid}"]`).first();
  await input.click();
  await input.press('Control+a');
  await input.fill(date);
  await input.press('Enter');
  await e.page.keyboard.press('Escape');
}

describe('statement (对账单) end to end', () => {
  it('previews the worked-example statement and saves it as a one-page PDF', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/statements`);
    const picker = page.locator('[data-testid="statement-customer"]');
    await picker.click();
    await page.keyboard.type('hsmy');
    await page.locator('.ant-select-item-option').filter({ hasText: 'C1 华盛贸易有限公司' }).click();
    await setDate('statement-from', '2026-02-01');
    await setDate('statement-to', '2026-04-30');
    const frame = page.frameLocator('[data-testid="statement-preview"]');
    await frame.getByText('贰仟陆佰元整').first().waitFor({ timeout: 20_000 });
    // the preview draws with the same bundled font as the PDF, served by the app (not the PC's fonts)
    const previewFrame = page.frames().find((f) => f !== page.mainFrame())!;
    const fonts = await previewFrame.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts]
        .filter((f) => f.family.includes('Noto Sans SC') && f.status !== 'unloaded')
        .map((f) => f.status);
    });
    expect(fonts.length).toBeGreaterThan(0);
    expect(new Set(fonts)).toEqual(new Set(['loaded']));
    await e.shot('statement-preview-zh');

    const download = page.waitForEvent('download');
    await page.locator('[data-testid="statement-pdf"]').click();
    const file = path.join(OUT, 'statement-C1.pdf');
    await (await download).saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    expect(text).toContain('对');
    expect(text.replace(/\s+/g, '')).toContain('对账单');
    expect(text).toContain('贰仟陆佰元整');
    expect(text).toContain('2,600.00');
    expect(text).toContain('1 / 1');
    execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(OUT, 'statement-C1')]);
    const pngs = fs.readdirSync(OUT).filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(1);
    // the run is recorded as a statement sent, awaiting its signed slip
    const sent = e.desk.ctx.book.sqlite.prepare('SELECT count(*) AS n FROM statements_sent').get() as { n: number };
    expect(sent.n).toBeGreaterThan(0);
  });
});
