// The comprehensive evaluation sheet (客户综合评价表, SPEC §3): the draft's figures from the book,
// saving a sheet (a new row each time: the history), and printing a saved sheet on A4 through
// the print pipeline (HTML with the bundled font; PDF by the shared renderer). Printing a
// confidential customer needs confirmation and is audited, as every print is.
import { AppError } from '../../../shared/result';
import type { StatementHtmlOut, PrintLang } from '../../../shared/types-statements';
import type { EvaluationFigures, EvaluationInput, EvaluationRecord } from '../../../shared/types-evaluation';
import {
  customerGrades,
  evaluationById,
  evaluationsOf,
  insertEvaluation,
  type EvaluationDbRow,
} from '../../db/evaluation/queries';
import { customerExists } from '../../db/visits/store';
import { addDays, addMonths } from '../../domain/dates';
import { evaluationHtml, evaluationTitle } from '../../print/evaluation-html';
import { sanitizeFileName, type FontMode } from '../../print/html';
import type { PdfRenderer } from '../../print/pdf';
import { evaluationFigures } from '../../reports/evaluation';
import { writeAudit } from '../audit';
import { read, write } from '../book-queue';
import type { ServiceContext } from '../context';
import { loadArSettings } from '../receivables/settings';
import { getCompany } from '../settings';
import { assertPrintConfirmed, auditPrint } from '../statements/print';

/** Default period: the twelve months up to today. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: addDays(addMonths(today, -12), 1), to: today };
}

function figuresSync(ctx: ServiceContext, customerId: number, from: string, to: string): EvaluationFigures {
  if (from > to) throw new AppError('VALIDATION', 'evaluation.error.period', { field: 'to' });
  return evaluationFigures(ctx.book, { customerId, from, to, asOf: ctx.clock.today(), settings: loadArSettings(ctx) });
}

export async function evaluationDraft(
  ctx: ServiceContext,
  q: { customerId: number; from?: string; to?: string },
): Promise<EvaluationFigures> {
  const p = defaultPeriod(ctx.clock.today());
  return read(ctx, () => figuresSync(ctx, q.customerId, q.from ?? p.from, q.to ?? p.to));
}

function toRecord(r: EvaluationDbRow): EvaluationRecord {
  const rows = JSON.parse(r.rows) as { sellingCost: number | null; rows: EvaluationRecord['rows'] };
  return {
    id: r.id,
    customerId: r.customer_id,
    customerCode: r.code,
    customerName: r.name,
    from: r.period_from,
    to: r.period_to,
    evaluatedOn: r.evaluated_on,
    evaluator: r.evaluator,
    createdAt: r.created_at,
    summary: r.summary,
    sellingCost: rows.sellingCost,
    rows: rows.rows,
    figures: JSON.parse(r.figures) as EvaluationFigures,
  };
}

/** Saves a sheet with the book's figures as of today (a snapshot: later bookings do not change it). */
export async function saveEvaluation(ctx: ServiceContext, input: EvaluationInput): Promise<EvaluationRecord> {
  const id = await write(ctx, async (trx, sqlite) => {
    const c = customerExists(sqlite, input.customerId);
    if (!c) throw new AppError('NOT_FOUND', 'visits.error.customer', { field: 'customerId' });
    if (c.lifecycle === 'terminated')
      throw new AppError('FORBIDDEN', 'visits.error.terminated', { field: 'customerId' });
    const figures = figuresSync(ctx, input.customerId, input.from, input.to);
    const row = {
      customer_id: input.customerId,
      evaluated_on: ctx.clock.today(),
      period_from: input.from,
      period_to: input.to,
      figures: JSON.stringify(figures),
      rows: JSON.stringify({ sellingCost: input.sellingCost, rows: input.rows }),
      summary: input.summary,
      evaluator: ctx.session.operator?.name ?? null,
      created_at: ctx.clock.now().toISOString(),
    };
    const id = insertEvaluation(sqlite, row);
    await writeAudit(ctx, trx, {
      entity: 'evaluation',
      entityId: id,
      customerId: input.customerId,
      action: 'create',
      after: {
        from: input.from,
        to: input.to,
        sellingCost: input.sellingCost,
        rows: input.rows,
        summary: input.summary,
      },
    });
    return id;
  });
  return read(ctx, (sqlite) => toRecord(evaluationById(sqlite, id)!));
}

export async function evaluationHistory(ctx: ServiceContext, q: { customerId: number }): Promise<EvaluationRecord[]> {
  return read(ctx, (sqlite) => evaluationsOf(sqlite, q.customerId).map(toRecord));
}

export interface EvaluationPrintQuery {
  id: number;
  lang?: PrintLang;
  confirmed?: boolean;
  fonts?: FontMode;
}

export async function evaluationPrintHtml(ctx: ServiceContext, q: EvaluationPrintQuery): Promise<StatementHtmlOut> {
  const { e, confidentiality } = await read(ctx, (sqlite) => {
    const row = evaluationById(sqlite, q.id);
    if (!row) throw new AppError('NOT_FOUND', 'evaluation.error.notFound', { field: 'id' });
    return { e: toRecord(row), confidentiality: customerGrades(sqlite, row.customer_id)!.confidentiality };
  });
  assertPrintConfirmed({ code: e.customerCode, confidentiality }, q.confirmed);
  const lang = q.lang ?? 'zh-CN';
  const html = evaluationHtml(e, await getCompany(ctx), { lang, fonts: q.fonts });
  await auditPrint(ctx, {
    customerId: e.customerId,
    code: e.customerCode,
    confidentiality,
    what: 'evaluation',
    detail: { id: e.id },
  });
  const title = `${e.customerCode} ${e.customerName} ${evaluationTitle(lang)}`;
  return {
    html,
    title,
    fileName: `${sanitizeFileName(`${e.customerCode}-${evaluationTitle(lang)}-${e.evaluatedOn}`)}.html`,
  };
}

export async function evaluationPdf(
  ctx: ServiceContext,
  renderer: PdfRenderer,
  q: Omit<EvaluationPrintQuery, 'fonts'>,
): Promise<{ fileName: string; mime: 'application/pdf'; base64: string }> {
  const out = await evaluationPrintHtml(ctx, { ...q, fonts: 'bundled' });
  const pdf = await renderer.htmlToPdf(out.html, { title: out.title });
  return { fileName: out.fileName.replace(/\.html$/, '.pdf'), mime: 'application/pdf', base64: pdf.toString('base64') };
}
