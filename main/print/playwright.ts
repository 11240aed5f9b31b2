// PdfRenderer for Node: playwright-core driving the system Chromium (/usr/bin/chromium, or
// CREDITDESK_CHROMIUM). One browser per renderer, reused across a batch; each document is
// written to a temporary .html file (so the bundled font's file:// URLs resolve), opened in
// its own page and the page is closed right after printing (memory stays flat).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { footerTemplate, type PdfOptions, type PdfRenderer } from './pdf';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// prints in one printBody page before it is reloaded (memory flat over a 1,000-letter run)
const BODY_PAGE_USES = 10;

export function chromiumPath(): string {
  return process.env.CREDITDESK_CHROMIUM || '/usr/bin/chromium';
}

export class PlaywrightPdfRenderer implements PdfRenderer {
  private launching: Promise<{ browser: Browser; context: BrowserContext }> | null = null;
  private readonly tmp: string;
  private n = 0;
  private closed = false;
  private readonly idle: { page: Page; uses: number }[] = [];
  /** printBody's page: its shell document (fonts, CSS) stays loaded, only the body changes */
  private bodyPage: { page: Page; shell: string; uses: number } | null = null;
  private bodyQueue: Promise<unknown> = Promise.resolve();

  /**
   * `documentsPerPage`: documents printed in one browser page before it is closed and replaced
   * (1 = a fresh page per document). A few per page saves the page set-up (font decoding) and
   * keeps memory flat; the bench measures both.
   */
  constructor(private readonly opts: { executablePath?: string; tmpDir?: string; documentsPerPage?: number } = {}) {
    this.tmp = fs.mkdtempSync(path.join(opts.tmpDir ?? os.tmpdir(), 'creditdesk-print-'));
  }

  private start() {
    if (this.closed) throw new Error('PDF renderer is closed');
    if (!this.launching) {
      this.launching = (async () => {
        const { chromium } = await import('playwright-core');
        const browser = await chromium.launch({
          executablePath: this.opts.executablePath ?? chromiumPath(),
          args: CHROMIUM_ARGS,
        });
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        return { browser, context };
      })();
      this.launching.catch(() => (this.launching = null));
    }
    return this.launching;
  }

  async htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Buffer> {
    const { context } = await this.start();
    const file = path.join(this.tmp, `doc-${process.pid}-${++this.n}.html`);
    fs.writeFileSync(file, html, 'utf8');
    const slot = this.idle.pop() ?? { page: await context.newPage(), uses: 0 };
    const page = slot.page;
    let healthy = false;
    try {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      // Every font subset the text uses must be in before printing: 'load' does not wait for
      // fonts that layout asks for late, and a busy machine then printed a page without its
      // text (font-display: block). The page's own scripts stay disabled; this runs over CDP.
      await page.evaluate(() => document.fonts.ready.then(() => document.fonts.size));
      const pdf = await page.pdf(this.pdfOptions(opts));
      healthy = true;
      return Buffer.from(pdf);
    } finally {
      slot.uses++;
      if (healthy && !this.closed && slot.uses < Math.max(1, this.opts.documentsPerPage ?? 1)) this.idle.push(slot);
      else await page.close().catch(() => undefined);
      fs.rmSync(file, { force: true });
    }
  }

  /**
   * Prints `body` inside `shell` (a whole document with an empty body: its head holds the fonts
   * and CSS). The shell is loaded once into a page kept for the run and each call only replaces
   * the body, so the bundled font's subsets are fetched and decoded once per run, not once per
   * print (on the 2-core bench machine that was 0.5–2 s of Chromium CPU per print). The page is
   * reloaded every `BODY_PAGE_USES` prints so that memory stays flat.
   */
  printBody(shell: string, body: string, opts: PdfOptions = {}): Promise<Buffer> {
    // one print at a time in the one page (a batch may have the next chunk waiting)
    const run = this.bodyQueue.then(() => this.printBodyNow(shell, body, opts));
    this.bodyQueue = run.catch(() => undefined);
    return run;
  }

  private async printBodyNow(shell: string, body: string, opts: PdfOptions): Promise<Buffer> {
    const { context } = await this.start();
    let slot = this.bodyPage;
    if (!slot || slot.shell !== shell || slot.uses >= BODY_PAGE_USES) {
      await slot?.page.close().catch(() => undefined);
      this.bodyPage = null;
      const file = path.join(this.tmp, `shell-${process.pid}-${++this.n}.html`);
      fs.writeFileSync(file, shell, 'utf8');
      const page = await context.newPage();
      try {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
      } catch (e) {
        await page.close().catch(() => undefined);
        throw e;
      } finally {
        fs.rmSync(file, { force: true });
      }
      slot = this.bodyPage = { page, shell, uses: 0 };
    }
    const page = slot.page;
    slot.uses++;
    try {
      // over CDP (the page's own scripts stay disabled): new body, layout now so that the font
      // subsets its text needs start loading, then wait until every one of them is in
      await page.evaluate(async (html) => {
        document.body.innerHTML = html;
        void document.body.offsetHeight;
        await document.fonts.ready;
        return document.fonts.size;
      }, body);
      return Buffer.from(await page.pdf(this.pdfOptions(opts)));
    } catch (e) {
      if (this.bodyPage === slot) this.bodyPage = null;
      await page.close().catch(() => undefined);
      throw e;
    }
  }

  private pdfOptions(opts: PdfOptions) {
    return {
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: opts.pageNumbers !== false || !!opts.footerLabel,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(opts),
      margin: { top: '12mm', bottom: '16mm', left: '12mm', right: '12mm' },
      tagged: false,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.bodyQueue;
    const body = this.bodyPage;
    this.bodyPage = null;
    await body?.page.close().catch(() => undefined);
    for (const s of this.idle.splice(0)) await s.page.close().catch(() => undefined);
    const l = this.launching;
    this.launching = null;
    if (l) {
      try {
        const { browser } = await l;
        await browser.close();
      } catch {
        /* already gone */
      }
    }
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}
