// PDF rendering behind one small interface, so the same templates print through Chromium for
// Node (playwright-core: tests, CLI, browser mode, batch runs) or Electron's printToPDF (the
// desktop shell injects main/shell/print.ts). One renderer is reused across a batch; each
// document gets its own page, closed after use, so memory stays flat.

export interface PdfOptions {
  /** Page number "n / N" in the footer (default true). ASCII only: the footer is drawn without the bundled font. */
  pageNumbers?: boolean;
  /** Short ASCII label left of the page number (e.g. the customer code). */
  footerLabel?: string;
  /** Document title (PDF metadata; the <title> of the HTML). */
  title?: string;
}

export interface PdfRenderer {
  htmlToPdf(html: string, opts?: PdfOptions): Promise<Buffer>;
  /**
   * Optional fast path for batches: prints `body` inside `shell` (the same document with an
   * empty body), keeping the shell loaded between calls so fonts are decoded once per run.
   * Renderers without it print htmlToPdf of the whole document (see printBodyIn).
   */
  printBody?(shell: string, body: string, opts?: PdfOptions): Promise<Buffer>;
  close(): Promise<void>;
}

/** A document built around a body, and the same document with an empty body (its shell). */
export type DocumentWrap = (body: string) => string;

/** Prints `body` wrapped by `wrap`, through the renderer's printBody when it has one. */
export function printBodyIn(
  renderer: PdfRenderer,
  wrap: DocumentWrap,
  body: string,
  opts?: PdfOptions,
): Promise<Buffer> {
  return renderer.printBody ? renderer.printBody(wrap(''), body, opts) : renderer.htmlToPdf(wrap(body), opts);
}

export type PdfRendererFactory = () => PdfRenderer;

const asciiOnly = (s: string) => s.replace(/[^\x20-\x7e]/g, '').replace(/[<>&"']/g, '');

/** Chromium's footerTemplate (pageNumber / totalPages are filled in by Chromium). */
export function footerTemplate(opts: PdfOptions = {}): string {
  const label = opts.footerLabel ? asciiOnly(opts.footerLabel).slice(0, 60) : '';
  const pages =
    opts.pageNumbers === false
      ? ''
      : '<span class="pageNumber"></span> <span style="margin:0 0.4em">/</span> <span class="totalPages"></span>';
  return (
    `<div style="width:100%;font-family:Arial,Helvetica,sans-serif;font-size:8pt;color:#555;padding:0 12mm;display:flex;justify-content:space-between;">` +
    `<span>${label}</span><span>${pages}</span><span style="visibility:hidden">${label}</span></div>`
  );
}

/** Pages in a PDF produced by Chromium (counts /Type /Page objects). */
export function countPdfPages(pdf: Buffer): number | null {
  const s = pdf.toString('latin1');
  const m = s.match(/\/Type\s*\/Page(?![s\w])/g);
  return m ? m.length : null;
}
