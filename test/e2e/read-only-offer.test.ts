// #15 item 9 in browser mode, as the user meets it: `creditdesk serve` on a book another CreditDesk
// is writing shows why it cannot write the book and offers "open read-only"; accepted, the book
// opens with a read-only tag beside the company name. zh-CN and en, 1440×900 and 1280×720.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Desk } from '../../main/app/desk';
import { openServedBook } from '../../main/serve/open-served-book';
import { startE2E, type E2E } from './support';

let e: E2E | undefined;
let writer: Desk | undefined;
afterEach(async () => {
  await e?.close();
  await writer?.close();
  e = writer = undefined;
});

async function startOnBookInUse(locale: 'zh-CN' | 'en'): Promise<{ e: E2E; file: string }> {
  let file = '';
  const x = await startE2E({
    locale,
    readyTestId: 'read-only-offer',
    setup: async (desk) => {
      file = path.join(path.dirname(desk.ctx.book.path), 'shared-book.creditdesk');
      writer = new Desk({ mode: 'electron', userDataDir: path.join(desk.userDataDir, 'app'), clock: desk.clock });
      await writer.open(file, { create: true, company: '杭州明远机电有限公司' });
      await desk.close(); // browser mode starts on the shared book instead
      const { notice } = await openServedBook(desk, { db: file, lang: locale });
      expect(notice).not.toBeNull();
    },
  });
  return { e: x, file };
}

async function shots(x: E2E, name: string) {
  await x.page.setViewportSize({ width: 1280, height: 720 });
  await x.shot(`${name}-1280`);
  await x.page.setViewportSize({ width: 1440, height: 900 });
  await x.shot(`${name}-1440`);
}

describe('browser mode on a book another CreditDesk is writing', () => {
  it('offers read-only opening and opens it (zh-CN)', async () => {
    const started = await startOnBookInUse('zh-CN');
    e = started.e;
    const { page, desk } = e;
    const offer = page.getByTestId('read-only-offer');
    expect(await page.getByText('无法以可写方式打开账套').isVisible()).toBe(true);
    expect(await offer.innerText()).toMatch(
      /^这个账套已在另一个 CreditDesk 窗口或进程中打开（CreditDesk 窗口，进程号 \d+/,
    );
    expect(await offer.innerText()).toContain('可以只读打开它');
    expect((await offer.innerText()).replace(/CreditDesk/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    await shots(e, 'read-only-offer-zh');

    // "try again" while the other CreditDesk still writes: the same reason, still no book
    await page.getByRole('button', { name: /^重\s?试$/ }).click();
    await page.locator('.ant-alert-error').waitFor();
    expect(() => desk.ctx).toThrow();

    await page.getByRole('button', { name: '只读打开' }).click();
    await page.getByTestId('company-name').waitFor();
    expect(await page.getByTestId('company-name').innerText()).toBe('杭州明远机电有限公司');
    expect(await page.getByTestId('book-readonly').innerText()).toBe('只读');
    expect(desk.isReadonly).toBe(true);
    expect(desk.ctx.book.path).toBe(started.file);
    await shots(e, 'read-only-open-zh');
  }, 120_000);

  it('says it in English too (en)', async () => {
    e = (await startOnBookInUse('en')).e;
    const { page } = e;
    // the saved language is in the app state, which the page cannot read without a book: it
    // starts in the browser's language and the switch is right there
    await page.getByTestId('lang-switch').getByText('EN').click();
    await page.getByText('This book cannot be opened for writing').waitFor();
    expect(await page.getByTestId('read-only-offer').innerText()).toMatch(
      /this book is open in another CreditDesk window\/process/,
    );
    await shots(e, 'read-only-offer-en');
    await page.getByRole('button', { name: 'Open read-only' }).click();
    expect(await page.getByTestId('book-readonly').innerText()).toBe('Read-only');
    await shots(e, 'read-only-open-en');
  }, 120_000);
});
