// End-to-end support: a temporary book served in browser mode (the real handlers and the built
// renderer) and Debian's Chromium driven by playwright-core.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { Desk } from '../../main/app/desk';
import { createHandlers } from '../../main/ipc/handlers';
import { dispatch } from '../../main/ipc/register';
import type { Channel } from '../../shared/ipc/contract';
import { fromWire } from '../../shared/ipc/wire';
import { startServer, type RunningServer } from '../../main/serve/server';
import { ensureRendererBuilt } from '../../main/serve/renderer-build';
import { fixedClock } from '../../main/services/context';
import { tempDir } from '../support/book';

export const SHOTS = path.resolve('test-output/screenshots');

export interface E2E {
  desk: Desk;
  server: RunningServer;
  browser: Browser;
  page: Page;
  dir: string;
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startE2E(
  opts: { setup?: (desk: Desk) => Promise<void>; locale?: 'zh-CN' | 'en'; readyTestId?: string } = {},
): Promise<E2E> {
  const dir = tempDir('creditdesk-e2e-');
  const desk = new Desk({ mode: 'browser', userDataDir: dir, clock: fixedClock('2026-11-23T09:00:00.000Z') });
  await desk.open(path.join(dir, 'e2e.creditdesk'), { create: true, company: '华盛商贸有限公司' });
  if (opts.locale) desk.writeState({ locale: opts.locale });
  await opts.setup?.(desk);
  const rendererDir = await ensureRendererBuilt(() => {});
  const server = await startServer({ handlers: createHandlers(desk), rendererDir });
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
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: opts.locale ?? 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => {
    errors.push(String(e.stack ?? e));
  });
  await page.goto(server.url);
  // the app keeps the run's token (sessionStorage) once it has started: wait for that
  await page.locator(`[data-testid="${opts.readyTestId ?? 'company-name'}"]`).waitFor({ timeout: 30_000 });
  fs.mkdirSync(SHOTS, { recursive: true });
  return {
    desk,
    server,
    browser,
    page,
    dir,
    shot: async (name) => {
      const file = path.join(SHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    close: async () => {
      await browser.close();
      await server.close();
      await desk.close();
      fs.rmSync(dir, { recursive: true, force: true });
      if (errors.length) throw new Error(`page errors: ${errors.join('\n')}`);
    },
  };
}

/** Calls a channel through the real handlers (seeding a book before the browser opens). */
export function handlerCaller(desk: Desk) {
  const h = createHandlers(desk);

  return async (channel: string, input: unknown): Promise<any> => {
    const r = await dispatch(h, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return fromWire(channel as Channel, r.data);
  };
}

/**
 * Waits until the dialog (or element) holding `l` has finished its open animation, so that a
 * click lands on a settled control (antd moves the focus into a dialog once it has opened).
 */
export async function settled(l: Locator): Promise<void> {
  await l.waitFor();
  await l.evaluate((el) => {
    const root = el.closest('.ant-modal-wrap') ?? el.closest('.ant-drawer') ?? el;
    return Promise.all(root.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined)));
  });
}

/**
 * Looks at a screen the way every screen is looked at: in zh-CN, then in English (the page's
 * language switched once, from zh-CN), each at 1440×900 and 1280×720.
 */
export async function eachLanguageAndSize(
  page: Page,
  look: (lang: 'zh' | 'en', width: number) => Promise<void>,
): Promise<void> {
  for (const lang of ['zh', 'en'] as const) {
    if (lang === 'en') {
      await page.locator('[data-testid="lang-switch"]').first().getByText('EN').click();
      await page.getByText('Customers').first().waitFor();
    }
    for (const [width, height] of [
      [1440, 900],
      [1280, 720],
    ]) {
      await page.setViewportSize({ width, height });
      await look(lang, width);
    }
  }
}
