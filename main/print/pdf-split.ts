// Many documents printed as ONE PDF, then cut into one PDF per document (pdf-lib). Printing is
// Chromium's fixed cost per call (print set-up, font decoding and embedding): a batch of
// one-page statements printed 25 at a time takes about a tenth of the time of one print per
// statement. Each document's first element carries an id that a hidden link points at, so
// Chromium writes a named destination (/Dests) giving the page where each document starts.
// The footer ("label   n / N") is then drawn per document, since Chromium's own footer
// would number the pages of the whole print.
import type { PDFDocument } from 'pdf-lib';
import { loadPdfLib } from '../lib/lazy-modules';
import { printBodyIn, type DocumentWrap, type PdfRenderer } from './pdf';

export interface SplitDoc {
  /** The document's body (one `.doc` section; starts on a new page). */
  section: string;
  /** ASCII label printed left of the page number (e.g. the customer code). */
  footerLabel?: string;
  /** PDF title metadata. */
  title?: string;
}

const anchorId = (i: number) => `cd-doc-${i}`;

/** Body for the combined print: the sections, each behind an anchor, and the hidden links. */
export function anchoredBody(sections: string[]): string {
  const links = sections.map((_, i) => `<a href="#${anchorId(i)}"></a>`).join('');
  // each document in its own box that starts a page: the destination lands on its first page
  const docs = sections
    .map((s, i) => `<div id="${anchorId(i)}"${i ? ' style="break-before:page"' : ''}>\n${s}\n</div>`)
    .join('\n');
  return `<nav style="display:none">${links}</nav>\n${docs}`;
}

/** Page index where each document starts, from the PDF's named destinations; null when absent. */
export function documentStarts(
  lib: Awaited<ReturnType<typeof loadPdfLib>>,
  pdf: PDFDocument,
  count: number,
): number[] | null {
  const { PDFArray, PDFDict, PDFName, PDFRef } = lib;
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return null;
  const pageIndex = new Map<string, number>();
  pdf.getPages().forEach((p, i) => pageIndex.set(p.ref.toString(), i));
  const starts: number[] = [];
  for (let i = 0; i < count; i++) {
    const dest = dests.lookupMaybe(PDFName.of(anchorId(i)), PDFArray);
    const ref = dest?.get(0);
    const at = ref instanceof PDFRef ? pageIndex.get(ref.toString()) : undefined;
    if (at === undefined || (i > 0 && at <= starts[i - 1])) return null;
    starts.push(at);
  }
  return count && starts[0] === 0 ? starts : null;
}

const MM = 72 / 25.4;
const asciiOnly = (s: string) => s.replace(/[^\x20-\x7e]/g, '');

type PdfLib = Awaited<ReturnType<typeof loadPdfLib>>;
type PdfFont = Awaited<ReturnType<PDFDocument['embedFont']>>;
type PdfPage = ReturnType<PDFDocument['getPages']>[number];

/** The footer as Chromium draws it: 8 pt grey, label 12 mm from the left, "n / N" centred, 7 mm up. */
function drawFooter(lib: PdfLib, page: PdfPage, font: PdfFont, label: string, n: number, total: number): void {
  const { width } = page.getSize();
  const color = lib.rgb(0x55 / 255, 0x55 / 255, 0x55 / 255);
  const y = 7 * MM;
  if (label) page.drawText(label, { x: 12 * MM, y, size: 8, font, color });
  // "n / N" drawn in three pieces spaced like Chromium's footer (a text extractor reads the gaps as spaces)
  const parts = [String(n), '/', String(total)];
  const gap = 8 * 0.7;
  let x = (width - parts.reduce((w, p) => w + font.widthOfTextAtSize(p, 8), 0) - 2 * gap) / 2;
  for (const p of parts) {
    page.drawText(p, { x, y, size: 8, font, color });
    x += font.widthOfTextAtSize(p, 8) + gap;
  }
}

/**
 * One combined file in which every document numbers its own pages ("1 / 1" on a one-page
 * statement, not "2 / 150"). `combined` was printed from anchoredBody without page numbers.
 * Returns null when the start pages cannot be read.
 */
export async function numberPagesPerDocument(
  combined: Uint8Array,
  docs: Pick<SplitDoc, 'footerLabel'>[],
  title?: string,
): Promise<Buffer | null> {
  const lib = await loadPdfLib();
  const pdf = await lib.PDFDocument.load(combined, { updateMetadata: false });
  const starts = documentStarts(lib, pdf, docs.length);
  if (!starts) return null;
  const font = await pdf.embedFont(lib.StandardFonts.Helvetica);
  const pages = pdf.getPages();
  for (let i = 0; i < docs.length; i++) {
    const end = i + 1 < docs.length ? starts[i + 1] : pages.length;
    const label = asciiOnly(docs[i].footerLabel ?? '').slice(0, 60);
    for (let k = starts[i]; k < end; k++) drawFooter(lib, pages[k], font, label, k - starts[i] + 1, end - starts[i]);
  }
  if (title) pdf.setTitle(title);
  pdf.setProducer('CreditDesk');
  pdf.setCreator('CreditDesk');
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/**
 * Cuts `combined` into one PDF per document. Returns null when the start pages cannot be read
 * (the caller then prints the documents one by one).
 */
export async function splitCombinedPdf(combined: Uint8Array, docs: SplitDoc[]): Promise<Buffer[] | null> {
  const lib = await loadPdfLib();
  const { PDFDocument, StandardFonts } = lib;
  const src = await PDFDocument.load(combined, { updateMetadata: false });
  const starts = documentStarts(lib, src, docs.length);
  if (!starts) return null;
  const total = src.getPageCount();
  const out: Buffer[] = [];
  for (let i = 0; i < docs.length; i++) {
    const end = i + 1 < docs.length ? starts[i + 1] : total;
    const indices = Array.from({ length: end - starts[i] }, (_, k) => starts[i] + k);
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const pages = await doc.copyPages(src, indices);
    const label = asciiOnly(docs[i].footerLabel ?? '').slice(0, 60);
    pages.forEach((page, k) => {
      doc.addPage(page);
      drawFooter(lib, page, font, label, k + 1, pages.length);
    });
    if (docs[i].title) doc.setTitle(docs[i].title!);
    doc.setProducer('CreditDesk');
    doc.setCreator('CreditDesk');
    // plain object table: readers and countPdfPages see the pages without decompressing
    out.push(Buffer.from(await doc.save({ useObjectStreams: false })));
  }
  return out;
}

/**
 * Prints the documents in one call and splits the result; if the split is impossible (no named
 * destinations from this renderer), prints them one by one.
 */
export async function printSplit(
  renderer: PdfRenderer,
  docs: SplitDoc[],
  wrap: (body: string) => string,
): Promise<Buffer[]> {
  if (docs.length === 0) return [];
  if (docs.length > 1) {
    const combined = await renderer.htmlToPdf(wrap(anchoredBody(docs.map((d) => d.section))), { pageNumbers: false });
    const split = await splitCombinedPdf(combined, docs);
    if (split) return split;
  }
  const one: Buffer[] = [];
  for (const d of docs)
    one.push(await renderer.htmlToPdf(wrap(d.section), { footerLabel: d.footerLabel, title: d.title }));
  return one;
}

/**
 * The batch fast path in two steps, so a caller can print the next chunk while it splits and
 * writes this one: printAnchored prints the documents as one PDF through the renderer's
 * printBody (the page stays loaded between chunks) ...
 */
export function printAnchored(renderer: PdfRenderer, docs: SplitDoc[], wrap: DocumentWrap): Promise<Buffer> {
  return printBodyIn(renderer, wrap, anchoredBody(docs.map((d) => d.section)), { pageNumbers: false });
}

/** ... and splitPrinted cuts it apart (or, without named destinations, prints each document alone). */
export async function splitPrinted(
  renderer: PdfRenderer,
  printed: Uint8Array,
  docs: SplitDoc[],
  wrap: DocumentWrap,
): Promise<Buffer[]> {
  const split = await splitCombinedPdf(printed, docs);
  if (split) return split;
  const one: Buffer[] = [];
  for (const d of docs)
    one.push(await printBodyIn(renderer, wrap, d.section, { footerLabel: d.footerLabel, title: d.title }));
  return one;
}
