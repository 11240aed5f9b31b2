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

export function chromiumPath(): string {
  return process.env.CREDITDESK_CHROMIUM || '/usr/bin/chromium';
}

export class PlaywrightPdfRenderer implements PdfRenderer {
  private launching: Promise<{ browser: Browser; context: BrowserContext }> | null = null;
  private readonly tmp: string;
  private n = 0;
  private closed = false;
  private readonly idle: { page: Page; uses: number }[] = [];

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
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: opts.pageNumbers !== false || !!opts.footerLabel,
        headerTemplate: '<span></span>',
        footerTemplate: footerTemplate(opts),
        margin: { top: '12mm', bottom: '16mm', left: '12mm', right: '12mm' },
        tagged: false,
      });
      healthy = true;
      return Buffer.from(pdf);
    } finally {
      slot.uses++;
      if (healthy && !this.closed && slot.uses < Math.max(1, this.opts.documentsPerPage ?? 1)) this.idle.push(slot);
      else await page.close().catch(() => undefined);
      fs.rmSync(file, { force: true });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
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
