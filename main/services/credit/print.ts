// The printed credit investigation sheet (资信调查表): gathers one investigation, the customer and
// its credit position as of today, and hands them to main/print/investigation-sheet-html.ts. A
// confidential customer needs `confirmed` and the print is audited, as for statements and cards.
import { serverError } from '../../../shared/messages/server-messages';
import type { PrintLang, StatementHtmlOut } from '../../../shared/types-statements';
import { investigationById, otherInvestigations } from '../../db/credit/investigations';
import { cashDiscountTermsOf } from '../../db/credit/terms';
import { sanitizeFileName, type FontMode } from '../../print/html';
import { investigationSheetHtml, investigationSheetTitle } from '../../print/investigation-sheet-html';
import { creditProfile } from '../../reports/credit-profile';
import { read } from '../book-queue';
import type { ServiceContext } from '../context';
import { getCustomer } from '../customers';
import { getCompany } from '../settings';
import { assertPrintConfirmed, auditPrint } from '../statements/print';

export interface InvestigationSheetQuery {
  investigationId: number;
  lang?: PrintLang;
  confirmed?: boolean;
  fonts?: FontMode;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);

export async function investigationSheetFor(
  ctx: ServiceContext,
  q: InvestigationSheetQuery,
): Promise<StatementHtmlOut> {
  const inv = await read(ctx, (sqlite) => investigationById(sqlite, q.investigationId));
  if (!inv)
    throw serverError(
      'NOT_FOUND',
      'investigation_not_found',
      { id: q.investigationId },
      { field: 'investigationId', bare: true },
    );
  const customer = await getCustomer(ctx, { id: inv.customerId });
  assertPrintConfirmed(customer, q.confirmed);
  const lang = q.lang ?? 'zh-CN';
  const today = ctx.clock.today();
  const company = await getCompany(ctx);
  const { position, earlier, terms } = await read(ctx, (sqlite) => ({
    position: creditProfile(ctx.book, customer.id, today)!.position,
    earlier: otherInvestigations(sqlite, customer.id, inv.id),
    terms: cashDiscountTermsOf(sqlite, customer.id),
  }));
  const profile = customer.profile as Record<string, unknown>;
  const data = {
    company,
    customer: {
      code: customer.code,
      name: customer.name,
      address: customer.address,
      phone: customer.phone,
      legalRep: str(profile.legal_rep),
      foundedOn: str(profile.founded_on),
      registeredCapital: typeof profile.registered_capital === 'number' ? profile.registered_capital : null,
      industry: str(profile.industry),
      paymentTermsDays: customer.paymentTermsDays,
    },
    position: { ...position, cashDiscount: terms },
    investigation: inv,
    earlier: earlier.map((e) => ({
      date: e.date,
      channel: e.channel,
      findings: e.findings.length > 80 ? `${e.findings.slice(0, 80)}…` : e.findings,
      signs: e.warningSigns.length,
    })),
    printedOn: today,
  };
  const html = investigationSheetHtml(data, { lang, fonts: q.fonts });
  await auditPrint(ctx, {
    customerId: customer.id,
    code: customer.code,
    confidentiality: customer.confidentiality,
    what: 'investigation-sheet',
    detail: { investigationId: inv.id },
  });
  const title = investigationSheetTitle(data, lang);
  return { html, title, fileName: `${sanitizeFileName(title)}.html` };
}
