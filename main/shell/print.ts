// PdfRenderer for the desktop app: an offscreen, sandboxed BrowserWindow (JavaScript off, its
// own in-memory session) loads each statement from a temporary .html file (so the bundled
// font's file:// URLs resolve) and webContents.printToPDF prints it. One window is reused for
// a batch and destroyed on close().
import { BrowserWindow, session } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { footerTemplate, type PdfOptions, type PdfRenderer } from '../print/pdf';

const PRINT_PARTITION = 'creditdesk-print';

export class ElectronPdfRenderer implements PdfRenderer {
  private win: BrowserWindow | null = null;
  private readonly tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-print-'));
  private n = 0;
  private queue: Promise<unknown> = Promise.resolve();

  private window(): BrowserWindow {
    if (this.win && !this.win.isDestroyed()) return this.win;
    const ses = session.fromPartition(PRINT_PARTITION, { cache: false });
    // Only local files (the document and the bundled fonts) may load; nothing from the network.
    ses.webRequest.onBeforeRequest((details, cb) => cb({ cancel: !/^(file|data):/.test(details.url) }));
    ses.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
    this.win = new BrowserWindow({
      show: false,
      width: 794,
      height: 1123,
      webPreferences: {
        offscreen: true,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        session: ses,
      },
    });
    this.win.webContents.on('will-navigate', (e) => e.preventDefault());
    this.win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    return this.win;
  }

  htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Buffer> {
    // One document at a time in the one window.
    const run = this.queue.then(async () => {
      const file = path.join(this.tmp, `doc-${++this.n}.html`);
      fs.writeFileSync(file, html, 'utf8');
      try {
        const win = this.window();
        await win.loadFile(file);
        return await win.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: opts.pageNumbers !== false || !!opts.footerLabel,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(opts),
          margins: { marginType: 'custom', top: 12 / 25.4, bottom: 16 / 25.4, left: 12 / 25.4, right: 12 / 25.4 },
        });
      } finally {
        fs.rmSync(file, { force: true });
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.win && !this.win.isDestroyed()) this.win.destroy();
    this.win = null;
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}
