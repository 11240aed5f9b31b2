// The run sheet through the print pipeline: HTML for the in-app preview (the app's font) and an
// A4 PDF with the bundled font, printed by the renderer the caller passes: the app's printer
// (desk.statements: Electron's printToPDF in the desktop shell, Chromium via playwright in
// browser mode and tests), the same way statements pick theirs.
import type { PrintLang } from '../../../shared/types-statements';
import { htmlDocument, sanitizeFileName } from '../../print/html';
import type { PdfRenderer } from '../../print/pdf';
import { runSheetSection, runSheetTitle } from '../../print/run-sheet-html';
import type { ServiceContext } from '../context';
import { getCompany } from '../settings';
import { collectionRun } from './runs';

async function sheet(ctx: ServiceContext, id: number, lang: PrintLang, fonts: 'app' | 'bundled') {
  const [run, company] = await Promise.all([collectionRun(ctx, { id }), getCompany(ctx)]);
  const title = runSheetTitle(run, lang);
  return {
    title,
    fileName: `${sanitizeFileName(title)}.pdf`,
    html: htmlDocument(title, runSheetSection(run, company, lang), { lang, fonts }),
  };
}

export async function runSheetHtml(ctx: ServiceContext, q: { id: number; lang?: PrintLang }) {
  const s = await sheet(ctx, q.id, q.lang ?? 'zh-CN', 'app');
  return { html: s.html, fileName: s.fileName };
}

export async function runSheetPdf(ctx: ServiceContext, renderer: PdfRenderer, q: { id: number; lang?: PrintLang }) {
  const s = await sheet(ctx, q.id, q.lang ?? 'zh-CN', 'bundled');
  const pdf = await renderer.htmlToPdf(s.html, { title: s.title, footerLabel: `run ${q.id}` });
  return { fileName: s.fileName, mime: 'application/pdf' as const, base64: pdf.toString('base64') };
}
