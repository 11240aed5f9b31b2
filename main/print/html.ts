// Shared pieces of the print templates: escaping (every piece of user text goes through esc),
// money cells, the A4 print CSS and the document wrapper.
import { formatMoney } from '../../shared/money';
import type { CompanySettings } from '../../shared/types';
import type { PrintLang } from '../../shared/types-statements';
import { FONT_STACK, fontFaceCss } from './fonts';

export type FontMode = 'bundled' | 'app';

export interface DocOptions {
  lang: PrintLang;
  /** 'bundled' (file:// webfont, for PDF and saved HTML) or 'app' (the in-app preview iframe: the same font from the app's origin). */
  fonts?: FontMode;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escapes user text (names, addresses, numbers, notes). null/undefined → ''. */
export function esc(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/[&<>"']/g, (c) => ESC[c]);
}

/** "2,600.00" (no symbol), '' for zero when `blankZero`. */
export function amt(fen: number, blankZero = false): string {
  if (blankZero && fen === 0) return '';
  return formatMoney(fen, { symbol: false });
}

/** Only data:image URLs are allowed as a logo (no remote or file references). */
export function safeLogo(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=\s]+$/.test(url) ? url : null;
}

export const PRINT_CSS = `
@page { size: A4 portrait; margin: 12mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 9.5pt; line-height: 1.45; color: #111; }
.doc + .doc { break-before: page; }
.co { display: flex; align-items: center; gap: 4mm; border-bottom: 1.2pt solid #222; padding-bottom: 2.5mm; }
.co img { max-height: 16mm; max-width: 40mm; object-fit: contain; }
.co .name { font-size: 14pt; font-weight: 700; }
.co .sub { font-size: 8pt; color: #444; }
.co .sub span + span::before { content: ' · '; }
h1 { text-align: center; font-size: 17pt; font-weight: 700; letter-spacing: 0.3em; margin: 3mm 0 1mm; line-height: 1.25; }
h1 .h1-note { letter-spacing: 0; margin-left: -0.3em; }
h1 small { display: block; font-size: 9pt; letter-spacing: 0.05em; font-weight: 400; color: #555; }
h2 { font-size: 10.5pt; font-weight: 700; margin: 3mm 0 1.2mm; }
.meta { display: flex; gap: 6mm; margin: 2mm 0 3mm; }
.meta > div { flex: 1; }
.kv { border-collapse: collapse; width: 100%; }
.kv th { text-align: left; font-weight: 400; color: #555; white-space: nowrap; padding: 0.4mm 3mm 0.4mm 0; vertical-align: top; width: 1%; }
.kv td { padding: 0.4mm 0; vertical-align: top; word-break: break-all; }
table.grid { width: calc(100% - 1.2pt); margin-left: 0.6pt; border-collapse: collapse; }
table.grid thead { display: table-header-group; }
table.grid tfoot { display: table-row-group; }
table.grid tr { break-inside: avoid; }
table.grid th, table.grid td { border: 0.6pt solid #999; padding: 0.8mm 1.6mm; vertical-align: top; }
table.grid th { background: #eef1f5; font-weight: 700; text-align: center; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date, td.code { white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.opening td, tr.total td { background: #f7f7f7; font-weight: 700; }
tr.void td { color: #999; text-decoration: line-through; }
tr.void td.flag { text-decoration: none; }
.closing { margin: 3mm 0; border: 1pt solid #222; padding: 2mm 3mm; display: flex; flex-wrap: wrap; gap: 2mm 8mm; break-inside: avoid; }
.closing b { font-size: 11pt; font-variant-numeric: tabular-nums; }
.muted { color: #666; }
.note { font-size: 8pt; color: #555; margin-top: 1mm; }
.block { break-inside: avoid; }
.slip { break-inside: avoid; page-break-inside: avoid; margin-top: 5mm; }
.cut { display: flex; align-items: center; gap: 2mm; color: #555; font-size: 8pt; }
.cut::before, .cut::after { content: ''; flex: 1; border-top: 1pt dashed #666; }
.slip .box { border: 1pt solid #222; padding: 2.5mm 4mm; margin-top: 2mm; }
.slip h3 { text-align: center; font-size: 12pt; letter-spacing: 0.3em; margin: 0 0 1mm; }
.slip p { margin: 0.8mm 0; }
.slip .line { display: inline-block; min-width: 30mm; border-bottom: 0.8pt solid #222; }
.slip .wide { min-width: 100mm; }
.slip .sign { display: flex; justify-content: space-between; align-items: center; margin-top: 1mm; gap: 6mm; }
.slip .sign p { margin: 2.5mm 0; }
.slip .seal { width: 25mm; height: 25mm; flex: none; border: 0.8pt dashed #888; border-radius: 50%; display: flex; align-items: center; justify-content: center; color: #888; font-size: 8pt; text-align: center; }
.card { border: 1pt solid #222; padding: 3mm; }
.en h1, .en .slip h3 { letter-spacing: 0.02em; }
html[lang="en"] h1 { letter-spacing: 0.02em; } /* the wide spacing is for Chinese titles only */
.en h1 .h1-note { margin-left: 0; }
.empty { text-align: center; color: #777; padding: 4mm; }
@media screen { body { background: #e9ecef; } .doc { background: #fff; width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 12mm; box-shadow: 0 1px 6px rgba(0,0,0,.2); } }
`;

export function companyHeader(co: CompanySettings, lang: PrintLang): string {
  const logo = safeLogo(co.logoDataUrl);
  const zh = lang === 'zh-CN';
  const sub = [
    co.address ? `<span>${zh ? '地址' : 'Address'}: ${esc(co.address)}</span>` : '',
    co.phone ? `<span>${zh ? '电话' : 'Tel'}: ${esc(co.phone)}</span>` : '',
    co.taxId ? `<span>${zh ? '税号' : 'Tax ID'}: ${esc(co.taxId)}</span>` : '',
    co.bankAccount ? `<span>${zh ? '开户行及账号' : 'Bank account'}: ${esc(co.bankAccount)}</span>` : '',
  ].join('');
  return `<header class="co">${logo ? `<img src="${esc(logo)}" alt="">` : ''}<div><div class="name">${esc(co.name)}</div><div class="sub">${sub}</div></div></header>`;
}

export function htmlDocument(title: string, body: string, opts: DocOptions): string {
  const app = opts.fonts === 'app';
  const fonts = fontFaceCss(app ? 'app' : 'file');
  return `<!DOCTYPE html>
<html lang="${opts.lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src ${app ? "'self'" : 'file:'} data:">
<title>${esc(title)}</title>
<style>${fonts}
${PRINT_CSS}</style></head>
<body>
${body}
</body></html>`;
}

/** Safe file name: no path separators, reserved or control characters; trimmed; bounded. */
export function sanitizeFileName(name: string, max = 120): string {
  let s = name
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(s)) s = `_${s}`;
  if (s.length > max) s = s.slice(0, max);
  return s || '_';
}
