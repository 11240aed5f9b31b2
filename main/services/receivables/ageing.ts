// Ageing (账龄分析) of the whole book as of any date, on due or issue basis, with any bucket
// set; drill-down to the open invoices; tie-out against the ledger balance; CSV / .xlsx export.
// The computation is in main/reports/ageing.ts, the export file in main/reports/ageing-export.ts; whole-book reports run through reports.ts (the report
// worker for a big book), drill-down (one customer, a few rows) runs in-thread.
import { serverError } from '../../../shared/messages/server-messages';
import type Database from 'better-sqlite3';
import { bucketFor, defaultBuckets, type BucketSet } from '../../domain/ageing';
import { daysBetween } from '../../domain/dates';
import { openItemsAsOf } from '../../db/receivables/as-of';
import type { ExportFile } from '../../../shared/types';
import type {
  AgeingBucketDef,
  AgeingReportWire,
  DrilldownOut,
  OpenItemOut,
  TieOutOut,
} from '../../../shared/types-receivables';
import { sensitiveCustomers, showSensitive, type SensitiveChoice } from '../sensitive-customers';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { isCurrent } from '../../reports/ageing';
import { assertDateField } from './common';
import { customerById } from '../../db/receivables/rows';
import { read, serialize } from '../book-queue';
import { runAgeing, runAgeingWire, runReport } from './reports';
import { resolveBuckets } from './settings';

export interface AgeingQuery {
  asOf: string;
  basis?: 'due' | 'issue';
  buckets?: AgeingBucketDef[];
  preset?: string;
  /** Rebuild from allocations even when the kept open amounts would do (tests, checks). */
  rebuild?: boolean;
}

/** Whole-book ageing: on the report worker for a big book (the window stays responsive); by columns. */
export async function ageingReport(ctx: ServiceContext, q: AgeingQuery): Promise<AgeingReportWire> {
  assertDateField(q.asOf, 'asOf');
  const basis = q.basis ?? 'due';
  const set = await serialize(ctx, () => resolveBuckets(ctx, basis, q));
  return runAgeingWire(ctx, { asOf: q.asOf, basis, set, rebuild: q.rebuild });
}

/** The default-bucket report as columns (the CLI writes its fixed JSON from them, row by row). */
export async function ageingColumnsFixed(ctx: ServiceContext, asOf: string, basis: 'due' | 'issue') {
  return runReport(ctx, 'ageing', { asOf, basis, set: defaultBuckets(basis) });
}

/** The report in the fixed shape of `creditdesk ageing --format json` (DESIGN.md). */
export async function ageingReportFixed(ctx: ServiceContext, asOf: string, basis: 'due' | 'issue') {
  const r = await runAgeing(ctx, { asOf, basis, set: defaultBuckets(basis) });
  return {
    asOf: r.asOf,
    basis: r.basis,
    currency: r.currency,
    buckets: r.buckets,
    rows: r.rows.map((x) => ({
      customerCode: x.customerCode,
      customerName: x.customerName,
      buckets: x.buckets,
      unapplied: x.unapplied,
      total: x.total,
      creditLimit: x.creditLimit,
    })),
    totals: r.totals,
  };
}

export function openItemsOut(
  sqlite: Database.Database,
  customerId: number,
  asOf: string,
  basis: 'due' | 'issue',
  set: BucketSet,
): OpenItemOut[] {
  return openItemsAsOf(sqlite, customerId, asOf, isCurrent(sqlite, asOf))
    .filter((r) => r.open > 0)
    .map((r) => {
      const daysPastDue = daysBetween(r.dueDate, asOf);
      const daysSinceIssue = daysBetween(r.issueDate, asOf);
      return {
        invoiceId: r.id,
        number: r.number,
        issueDate: r.issueDate,
        dueDate: r.dueDate,
        amount: r.amount,
        open: r.open,
        daysPastDue,
        daysSinceIssue,
        bucket: bucketFor(basis === 'issue' ? daysSinceIssue : daysPastDue, set),
      };
    });
}

export async function ageingDrilldown(
  ctx: ServiceContext,
  q: AgeingQuery & { customerId: number; bucket?: string },
): Promise<DrilldownOut> {
  assertDateField(q.asOf, 'asOf');
  const basis = q.basis ?? 'due';
  return read(ctx, (sqlite) => {
    const set = resolveBuckets(ctx, basis, q);
    if (q.bucket !== undefined && !set.some((b) => b.key === q.bucket))
      throw serverError('VALIDATION', 'no_bucket', { bucket: q.bucket }, { field: 'bucket' });
    const c = customerById(sqlite, q.customerId);
    const items = openItemsOut(sqlite, c.id, q.asOf, basis, set).filter(
      (i) => q.bucket === undefined || i.bucket === q.bucket,
    );
    return {
      asOf: q.asOf,
      basis,
      customerId: c.id,
      customerCode: c.code,
      customerName: c.name,
      bucket: q.bucket ?? null,
      items,
      total: items.reduce((s, i) => s + i.open, 0),
    };
  });
}

export async function ageingTieOut(ctx: ServiceContext, q: { asOf: string }): Promise<TieOutOut> {
  assertDateField(q.asOf, 'asOf');
  return runReport(ctx, 'tie-out', { asOf: q.asOf });
}

export async function exportAgeing(
  ctx: ServiceContext,
  q: AgeingQuery & { format: 'csv' | 'xlsx'; locale?: 'zh-CN' | 'en' } & SensitiveChoice,
): Promise<ExportFile> {
  assertDateField(q.asOf, 'asOf');
  const basis = q.basis ?? 'due';
  const show = showSensitive(q);
  const maskCodes = show ? [] : (await sensitiveCustomers(ctx.book.db)).codes;
  const set = await serialize(ctx, () => resolveBuckets(ctx, basis, q));
  const file = await runReport(ctx, 'export', {
    asOf: q.asOf,
    basis,
    set,
    rebuild: q.rebuild,
    format: q.format,
    locale: q.locale,
    maskCodes,
  });
  await serialize(ctx, () =>
    writeAudit(ctx, ctx.book.db, {
      entity: 'export',
      entityId: 'ageing',
      action: show ? 'export-sensitive' : 'export',
      after: { format: q.format, asOf: q.asOf, basis, rows: file.rows, masked: file.masked },
    }),
  );
  return file;
}
