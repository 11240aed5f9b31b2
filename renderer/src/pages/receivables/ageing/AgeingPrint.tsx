// The printed ageing (账龄分析表): every row as a plain table (the screen table is virtual),
// headed by the company's name, with "第 1 页，共 4 页" at the foot of each page. The page
// numbers are CSS page-margin boxes (@page @bottom-center), so they come out the same from the
// Print button, Ctrl+P, the app menu and printToPDF, and count the pages the browser really made.
import { useTranslation } from 'react-i18next';
import type { AgeingReportOut } from '@shared/types-receivables';
import { formatDate } from '../../../format/date';
import { money } from '../../../format/money';
import { useAppInfo } from '../../../hooks/queries';
import { percentText, type MergedAgeingRow } from '../../../reports/ageing-series';
import { bucketLabel } from '../common';
import type { GridGroup } from './AgeingGrid';

/** A CSS string literal: "…" with quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

/** `content` of the page-number box: the translated "page N of M" around counter(page) / counter(pages). */
export function pageNumberContent(template: string): string {
  const parts = template.split(/(\{\{page\}\}|\{\{pages\}\})/);
  return parts
    .filter((p) => p !== '')
    .map((p) => (p === '{{page}}' ? 'counter(page)' : p === '{{pages}}' ? 'counter(pages)' : cssString(p)))
    .join(' ');
}

export function AgeingPrintTable({
  report,
  rows,
  groups,
  totals,
  lang,
}: {
  report: AgeingReportOut;
  rows: MergedAgeingRow[];
  groups: GridGroup[];
  totals: { unapplied: number; total: number; creditLimit: number };
  lang: 'zh-CN' | 'en';
}) {
  const { t } = useTranslation();
  const company = useAppInfo().data?.book.company ?? '';
  const m = (fen: number | undefined) => (fen ? money(fen) : '');
  const pageCss = `@media print { @page { @bottom-center { content: ${pageNumberContent(
    t('polish.pageOf', { page: '{{page}}', pages: '{{pages}}', interpolation: { escapeValue: false } }),
  )}; font-size: 8pt; color: #555; } @top-left { content: ${cssString(company)}; font-size: 8pt; color: #555; } } }`;
  return (
    <div className="ar-print-only" data-testid="ageing-print-table">
      <style>{pageCss}</style>
      <div style={{ textAlign: 'center', fontSize: '11pt' }} data-testid="ageing-print-company">
        {company}
      </div>
      <h2 style={{ margin: '0 0 4px', textAlign: 'center' }}>{t('ar.ageing.printTitle')}</h2>
      <div style={{ textAlign: 'center', marginBottom: 8, fontSize: '9pt' }}>
        {t('ar.ageing.printMeta', {
          date: formatDate(report.asOf, lang),
          basis: report.basis === 'due' ? t('ar.ageing.basisDue') : t('ar.ageing.basisIssue'),
        })}
      </div>
      <table className="ar-print-table">
        <thead>
          <tr>
            <th>{t('ar.ageing.code')}</th>
            <th>{t('ar.ageing.name')}</th>
            {groups.flatMap((g) =>
              g.buckets.map((b) => (
                <th key={`${g.basis}:${b.key}`} className="num">
                  {bucketLabel(t, b)}
                </th>
              )),
            )}
            <th className="num">{t('ar.ageing.unapplied')}</th>
            <th className="num">{t('ar.ageing.total')}</th>
            <th className="num">{t('ar.ageing.creditLimit')}</th>
            <th className="num">{t('ar.ageing.limitUsed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.customerId}>
              <td>{r.customerCode}</td>
              <td>{r.customerName}</td>
              {groups.flatMap((g) =>
                g.buckets.map((b) => (
                  <td key={`${g.basis}:${b.key}`} className="num">
                    {m(r[g.basis][b.key])}
                  </td>
                )),
              )}
              <td className="num">{m(r.unapplied)}</td>
              <td className="num">{m(r.total)}</td>
              <td className="num">{m(r.creditLimit)}</td>
              <td className="num">{percentText(r.limitUsedBp)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2}>{t('ar.ageing.totals', { n: rows.length, count: rows.length })}</td>
            {groups.flatMap((g) =>
              g.buckets.map((b) => (
                <td key={`${g.basis}:${b.key}`} className="num">
                  {m(g.totals[b.key])}
                </td>
              )),
            )}
            <td className="num">{m(totals.unapplied)}</td>
            <td className="num">{m(totals.total)}</td>
            <td className="num">{m(totals.creditLimit)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
