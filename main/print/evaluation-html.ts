// The printed comprehensive evaluation sheet (客户综合评价表, SPEC §3): company header, the
// customer and period, one row per item with the book's figures and the user's comment,
// problem and improvement, the overall summary and signature lines. A4 portrait, bundled font.
import { EVALUATION_LABELS, evaluationFigureText } from '../../shared/labels/visits';
import type { CompanySettings } from '../../shared/types';
import { EVALUATION_ROWS, type EvaluationRecord } from '../../shared/types-evaluation';
import type { PrintLang } from '../../shared/types-statements';
import { companyHeader, esc, htmlDocument, type FontMode } from './html';

const CSS = `<style>
table.eval td { height: 15mm; word-break: break-word; }
table.eval td.item { font-weight: 700; white-space: nowrap; }
table.eval td.fig { font-size: 8.5pt; color: #222; }
.sum { border: 0.6pt solid #999; padding: 2mm 3mm; min-height: 20mm; margin-top: 2mm; white-space: pre-wrap; }
.signs { display: flex; justify-content: space-between; margin-top: 8mm; }
.signs span { display: inline-block; min-width: 35mm; border-bottom: 0.8pt solid #222; }
</style>`;

export function evaluationTitle(lang: PrintLang): string {
  return lang === 'zh-CN' ? '客户综合评价表' : 'Customer evaluation sheet';
}

export function evaluationHtml(
  e: EvaluationRecord,
  company: CompanySettings,
  opts: { lang?: PrintLang; fonts?: FontMode } = {},
): string {
  const lang = opts.lang ?? 'zh-CN';
  const zh = lang === 'zh-CN';
  const f = e.figures;
  const byKey = new Map(e.rows.map((r) => [r.key, r]));
  const rows = EVALUATION_ROWS.map((k) => {
    const r = byKey.get(k);
    return `<tr><td class="item">${esc(EVALUATION_LABELS[lang][k])}</td><td class="fig">${esc(evaluationFigureText(k, f, e.sellingCost, lang))}</td><td>${esc(r?.comment)}</td><td>${esc(r?.problem)}</td><td>${esc(r?.improvement)}</td></tr>`;
  }).join('');
  const grade = f.valueTier
    ? `${zh ? '价值等级' : 'Value tier'} ${esc(f.valueTier)}`
    : f.prospectGrade
      ? `${zh ? '准客户等级' : 'Prospect grade'} ${esc(f.prospectGrade)}`
      : '';
  const body = `<div class="doc${zh ? '' : ' en'}">${companyHeader(company, lang)}${CSS}
<h1>${esc(evaluationTitle(lang))}</h1>
<table class="kv meta-kv"><tbody>
<tr><th>${zh ? '客户' : 'Customer'}</th><td>${esc(e.customerCode)} ${esc(e.customerName)}${grade ? `　${grade}` : ''}</td>
<th>${zh ? '评价期间' : 'Period'}</th><td class="date">${esc(e.from)} – ${esc(e.to)}</td></tr>
<tr><th>${zh ? '评价日期' : 'Evaluated on'}</th><td class="date">${esc(e.evaluatedOn)}</td>
<th>${zh ? '评价人' : 'Evaluator'}</th><td>${esc(e.evaluator)}</td></tr>
</tbody></table>
<table class="grid eval"><colgroup><col style="width:13%"><col style="width:27%"><col style="width:20%"><col style="width:20%"><col style="width:20%"></colgroup>
<thead><tr><th>${zh ? '项目' : 'Item'}</th><th>${zh ? '账面数据' : 'From the books'}</th><th>${zh ? '评价' : 'Comment'}</th><th>${zh ? '存在问题' : 'Problem'}</th><th>${zh ? '改进措施' : 'Improvement'}</th></tr></thead>
<tbody>${rows}</tbody></table>
<h2>${zh ? '综合评价' : 'Overall'}</h2><div class="sum">${esc(e.summary)}</div>
<div class="signs"><div>${zh ? '评价人：' : 'Evaluated by: '}<span>${esc(e.evaluator)}</span></div><div>${zh ? '审核：' : 'Reviewed by: '}<span></span></div><div>${zh ? '日期：' : 'Date: '}<span></span></div></div>
</div>`;
  return htmlDocument(`${e.customerCode} ${e.customerName} ${evaluationTitle(lang)}`, body, {
    lang,
    fonts: opts.fonts,
  });
}
