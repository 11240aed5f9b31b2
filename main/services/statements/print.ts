// Statement data, HTML and PDF for one customer; the five cards; the confidentiality gate.
// Printing a confidential (机密) or top-secret (绝密) customer needs `confirmed: true` and is
// written to the audit log (SPEC §1).
import { serverError } from '../../../shared/messages/server-messages';
import { complaintsForCard } from '../complaints/card';
import { SENSITIVE_LEVELS, type Confidentiality } from '../../../shared/customer-fields';
import type {
  CardKind,
  PrintLang,
  StatementData,
  StatementHtmlOut,
  StatementPdfOut,
  StatementQuery,
} from '../../../shared/types-statements';
import { cardsHtml, cardTitle } from '../../print/cards-html';
import type { FontMode } from '../../print/html';
import { sanitizeFileName } from '../../print/html';
import { countPdfPages, type PdfRenderer } from '../../print/pdf';
import { statementFileName, statementHtml, statementTitle } from '../../print/statement-html';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { getCustomer } from '../customers';
import { read, serialize } from '../book-queue';
import { getCompany } from '../settings';
import { findCustomer, statementDataSync } from './data';
import { customerBalance, regionByCode } from '../../db/statements/customers';

export function isSensitive(level: string): boolean {
  return SENSITIVE_LEVELS.includes(level as Confidentiality);
}

/** Throws CONFIRMATION_REQUIRED for a confidential / top-secret customer without confirmation. */
export function assertPrintConfirmed(
  c: { code: string; confidentiality: string },
  confirmed: boolean | undefined,
): void {
  if (isSensitive(c.confidentiality) && confirmed !== true) {
    throw serverError(
      'CONFIRMATION_REQUIRED',
      c.confidentiality === 'top_secret' ? 'print_confirm_top_secret' : 'print_confirm_confidential',
      { code: c.code },
      { field: 'confirmed', bare: true },
    );
  }
}

export async function auditPrint(
  ctx: ServiceContext,
  rec: { customerId: number; code: string; confidentiality: string; what: string; detail?: Record<string, unknown> },
): Promise<void> {
  if (!isSensitive(rec.confidentiality)) return;
  await serialize(ctx, () =>
    writeAudit(ctx, ctx.book.db, {
      entity: 'print',
      entityId: rec.code,
      customerId: rec.customerId,
      action: 'print-sensitive',
      after: { what: rec.what, confidentiality: rec.confidentiality, ...rec.detail },
      note: 'user confirmed printing a confidential/top-secret customer',
    }),
  );
}

export async function statementData(ctx: ServiceContext, q: StatementQuery): Promise<StatementData> {
  const company = await getCompany(ctx);
  return read(ctx, (sqlite) => statementDataSync(sqlite, company, q));
}

export interface PrintQuery extends StatementQuery {
  lang?: PrintLang;
  confirmed?: boolean;
  fonts?: FontMode;
}

export async function statementHtmlFor(
  ctx: ServiceContext,
  q: PrintQuery,
): Promise<StatementHtmlOut & { data: StatementData }> {
  const c = await read(ctx, (sqlite) => findCustomer(sqlite, q));
  assertPrintConfirmed(c, q.confirmed);
  const data = await statementData(ctx, { ...q, customerId: c.id, customerCode: undefined });
  const lang = q.lang ?? 'zh-CN';
  const html = statementHtml(data, { lang, fonts: q.fonts });
  await auditPrint(ctx, {
    customerId: c.id,
    code: c.code,
    confidentiality: c.confidentiality,
    what: 'statement',
    detail: { from: q.from, to: q.to, style: data.style },
  });
  return { html, title: statementTitle(data, lang), fileName: statementFileName(data, 'html'), data };
}

export async function recordSent(
  ctx: ServiceContext,
  s: {
    runId: number | null;
    customerId: number;
    from: string;
    to: string;
    style: string;
    closing: number;
    file: string | null;
  },
): Promise<number> {
  return serialize(ctx, async () => {
    const r = await ctx.book.db
      .insertInto('statements_sent')
      .values({
        run_id: s.runId,
        customer_id: s.customerId,
        period_from: s.from,
        period_to: s.to,
        style: s.style,
        closing: s.closing,
        file_path: s.file,
        sent_at: ctx.clock.now().toISOString(),
      })
      .executeTakeFirstOrThrow();
    return Number(r.insertId);
  });
}

export async function statementPdf(
  ctx: ServiceContext,
  renderer: PdfRenderer,
  q: PrintQuery & { markSent?: boolean },
): Promise<StatementPdfOut> {
  const out = await statementHtmlFor(ctx, { ...q, fonts: 'bundled' });
  const pdf = await renderer.htmlToPdf(out.html, { footerLabel: out.data.customer.code, title: out.title });
  const fileName = statementFileName(out.data);
  const sentId =
    q.markSent === false
      ? null
      : await recordSent(ctx, {
          runId: null,
          customerId: out.data.customer.id,
          from: out.data.from,
          to: out.data.to,
          style: out.data.style,
          closing: out.data.closing,
          file: fileName,
        });
  return { fileName, mime: 'application/pdf', base64: pdf.toString('base64'), pages: countPdfPages(pdf), sentId };
}

export interface CardsQuery {
  customerId: number;
  kinds?: CardKind[];
  lang?: PrintLang;
  confirmed?: boolean;
  fonts?: FontMode;
}

export async function cardsHtmlFor(ctx: ServiceContext, q: CardsQuery): Promise<StatementHtmlOut> {
  const customer = await getCustomer(ctx, { id: q.customerId });
  assertPrintConfirmed(customer, q.confirmed);
  const kinds = q.kinds?.length ? q.kinds : (['basic', 'management', 'address', 'grade', 'complaint'] as CardKind[]);
  const lang = q.lang ?? 'zh-CN';
  const company = await getCompany(ctx);
  const today = ctx.clock.today();
  const { balance, region } = await read(ctx, (sqlite) => ({
    balance: customerBalance(sqlite, customer.id),
    region: (customer.regionCode ? regionByCode(sqlite, customer.regionCode) : undefined) ?? null,
  }));
  const complaints = kinds.includes('complaint') ? await complaintsForCard(ctx, customer.id, lang) : undefined;
  const html = cardsHtml(
    kinds,
    { customer, company, region, balance, complaints, printedOn: today },
    { lang, fonts: q.fonts },
  );
  await auditPrint(ctx, {
    customerId: customer.id,
    code: customer.code,
    confidentiality: customer.confidentiality,
    what: 'cards',
    detail: { kinds },
  });
  const title = `${customer.code} ${customer.name} ${kinds.map((k) => cardTitle(k, lang)).join(' ')}`;
  return {
    html,
    title,
    fileName: `${sanitizeFileName(`${customer.code}-${customer.name}-${kinds.length === 1 ? cardTitle(kinds[0], lang) : lang === 'zh-CN' ? '资料卡' : 'cards'}`)}.html`,
  };
}
