// Ageing (账龄分析) of the whole book as of any date, on due or issue basis, with any bucket
// set; drill-down to the open invoices; tie-out against the ledger balance; CSV / .xlsx export.
// "As of" a date on or after the latest document uses the kept open amounts (open-invoice index
// only); an earlier date is rebuilt from allocation rows dated on or before it.
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { bucketFor, defaultBuckets, type BucketSet } from '../../domain/ageing';
import { daysBetween } from '../../domain/dates';
import { fenToDecimal, mulDivRound } from '../../../shared/money';
import { AppError } from '../../../shared/result';
import {
  bucketSumsAsOf,
  bucketSumsCurrent,
  creditsAsOf,
  creditsCurrent,
  customerDirectory,
  latestDate,
  openItemsAsOf,
  stmt,
} from '../../db/receivables-store';
import type { ExportFile } from '../../../shared/types';
import type { AgeingBucketDef, AgeingReportOut, AgeingReportRow, DrilldownOut, OpenItemOut, TieOutOut } from '../../../shared/types-receivables';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { assertDateField, bucketRanges, customerById, read, serialize } from './common';
import { resolveBuckets } from './settings';

export interface AgeingQuery {
  asOf: string;
  basis?: 'due' | 'issue';
  buckets?: AgeingBucketDef[];
  preset?: string;
  /** Rebuild from allocations even when the kept open amounts would do (tests, checks). */
  rebuild?: boolean;
}

/** True when the kept open amounts are the position as of `asOf`. */
export function isCurrent(sqlite: Database.Database, asOf: string): boolean {
  const latest = latestDate(sqlite);
  return latest === null || asOf >= latest;
}

export function computeAgeing(sqlite: Database.Database, asOf: string, basis: 'due' | 'issue', set: BucketSet, opts: { rebuild?: boolean; customerId?: number } = {}): AgeingReportOut {
  const t0 = performance.now();
  const current = !opts.rebuild && isCurrent(sqlite, asOf);
  const ranges = bucketRanges(asOf, set);
  const sums = current ? bucketSumsCurrent(sqlite, basis, ranges, opts.customerId) : bucketSumsAsOf(sqlite, asOf, basis, ranges, opts.customerId);
  const credits = current ? creditsCurrent(sqlite, opts.customerId) : creditsAsOf(sqlite, asOf, opts.customerId);
  const keys = set.map((b) => b.key);
  const n = keys.length;
  // per customer, by rank in code order (so the rows come out sorted without a sort)
  const dir = customerDirectory(sqlite);
  const buckets = new Array<number[] | undefined>(dir.id.length);
  const unapplied = new Float64Array(dir.id.length);
  const seen = new Uint8Array(dir.id.length);
  for (const s of sums) {
    const k = dir.rank.get(s.cid);
    if (k === undefined) continue;
    buckets[k] = s.buckets;
    unapplied[k] += s.negative;
    seen[k] = 1;
  }
  for (const c of credits) {
    const k = dir.rank.get(c.cid);
    if (k === undefined) continue;
    unapplied[k] -= c.credit;
    seen[k] = 1;
  }
  const totals = { buckets: Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>, unapplied: 0, total: 0 };
  const tb = new Array<number>(n).fill(0);
  const rows: AgeingReportRow[] = [];
  for (let r = 0; r < seen.length; r++) {
    if (!seen[r]) continue;
    const b = buckets[r];
    const u = unapplied[r];
    let sum = 0;
    let nonZero = u !== 0;
    const out: Record<string, number> = {};
    for (let k = 0; k < n; k++) {
      const v = b ? b[k] : 0;
      out[keys[k]] = v;
      sum += v;
      tb[k] += v;
      if (v !== 0) nonZero = true;
    }
    if (!nonZero) continue;
    const total = sum + u;
    totals.unapplied += u;
    totals.total += total;
    const limit = dir.limit[r];
    rows.push({
      customerId: dir.id[r],
      customerCode: dir.code[r],
      customerName: dir.name[r],
      buckets: out,
      unapplied: u === 0 ? 0 : u,
      total,
      creditLimit: limit,
      limitUsedBp: limit > 0 ? mulDivRound(total, 10_000, limit) : null,
    });
  }
  keys.forEach((k, i) => (totals.buckets[k] = tb[i]));
  return {
    asOf,
    basis,
    currency: 'CNY',
    buckets: set.map((b) => ({ key: b.key, from: b.from, to: b.to })),
    rows,
    totals,
    method: current ? 'current' : 'as_of',
    ms: Math.round(performance.now() - t0),
  };
}

export async function ageingReport(ctx: ServiceContext, q: AgeingQuery): Promise<AgeingReportOut> {
  assertDateField(q.asOf, 'asOf');
  const basis = q.basis ?? 'due';
  return read(ctx, (sqlite) => computeAgeing(sqlite, q.asOf, basis, resolveBuckets(ctx, basis, q), { rebuild: q.rebuild }));
}

/** The report in the fixed shape of `creditdesk ageing --format json` (DESIGN.md). */
export async function ageingReportFixed(ctx: ServiceContext, asOf: string, basis: 'due' | 'issue') {
  const r = await read(ctx, (sqlite) => computeAgeing(sqlite, asOf, basis, defaultBuckets(basis)));
  return {
    asOf: r.asOf,
    basis: r.basis,
    currency: r.currency,
    buckets: r.buckets,
    rows: r.rows.map((x) => ({ customerCode: x.customerCode, customerName: x.customerName, buckets: x.buckets, unapplied: x.unapplied, total: x.total, creditLimit: x.creditLimit })),
    totals: r.totals,
  };
}

export function openItemsOut(sqlite: Database.Database, customerId: number, asOf: string, basis: 'due' | 'issue', set: BucketSet): OpenItemOut[] {
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

export async function ageingDrilldown(ctx: ServiceContext, q: AgeingQuery & { customerId: number; bucket?: string }): Promise<DrilldownOut> {
  assertDateField(q.asOf, 'asOf');
  const basis = q.basis ?? 'due';
  return read(ctx, (sqlite) => {
    const set = resolveBuckets(ctx, basis, q);
    if (q.bucket !== undefined && !set.some((b) => b.key === q.bucket)) throw new AppError('VALIDATION', `bucket: no bucket "${q.bucket}"`, { field: 'bucket' });
    const c = customerById(sqlite, q.customerId);
    const items = openItemsOut(sqlite, c.id, q.asOf, basis, set).filter((i) => q.bucket === undefined || i.bucket === q.bucket);
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

/** Ledger balance (Σ invoices − receipts − credit notes − write-offs) dated on or before D, from the per-day totals. */
export function ledgerBalance(sqlite: Database.Database, asOf: string): number {
  const r = stmt(sqlite, 'SELECT COALESCE(SUM(invoiced - received - credited - written_off), 0) AS b FROM ar_daily WHERE date <= ?').get(asOf) as { b: number };
  return r.b;
}

export async function ageingTieOut(ctx: ServiceContext, q: { asOf: string }): Promise<TieOutOut> {
  assertDateField(q.asOf, 'asOf');
  return read(ctx, (sqlite) => {
    const rep = computeAgeing(sqlite, q.asOf, 'due', defaultBuckets('due'));
    const aged = Object.values(rep.totals.buckets).reduce((s, v) => s + v, 0);
    const ledger = ledgerBalance(sqlite, q.asOf);
    const after = stmt(
      sqlite,
      `SELECT COALESCE(SUM(invoices_n),0) AS invoices, COALESCE(SUM(invoiced),0) AS invoiced, COALESCE(SUM(receipts_n),0) AS receipts,
              COALESCE(SUM(received),0) AS received, COALESCE(SUM(credits_n),0) AS credits, COALESCE(SUM(credited),0) AS credited,
              COALESCE(SUM(written_off),0) AS writtenOff FROM ar_daily WHERE date > ?`,
    ).get(q.asOf) as TieOutOut['documentsAfter'];
    const notes = stmt(
      sqlite,
      `SELECT count(*) AS count, COALESCE(SUM(amount),0) AS amount FROM notes_receivable
       WHERE issue_date <= @d AND (state = 'held' OR state_date > @d)`,
    ).get({ d: q.asOf }) as { count: number; amount: number };
    const difference = rep.totals.total - ledger;
    const explanation = [
      `aged open invoices ${fenToDecimal(aged)} + unapplied credits ${fenToDecimal(rep.totals.unapplied)} = ageing total ${fenToDecimal(rep.totals.total)}`,
      `receivables ledger balance on ${q.asOf}: ${fenToDecimal(ledger)} (difference ${fenToDecimal(difference)})`,
      `unapplied credits (预收/未核销) are not aged: they explain ${fenToDecimal(-rep.totals.unapplied)} between the aged invoices and the ledger balance`,
      `notes receivable held on ${q.asOf} (应收票据, a separate account, not aged): ${notes.count} for ${fenToDecimal(notes.amount)}`,
      `documents dated after ${q.asOf} are not part of this position: ${after.invoices} invoices ${fenToDecimal(after.invoiced)}, ${after.receipts} receipts ${fenToDecimal(after.received)}, credit notes ${fenToDecimal(after.credited)}, write-offs ${fenToDecimal(after.writtenOff)}`,
    ];
    return { asOf: q.asOf, agedInvoices: aged, unapplied: rep.totals.unapplied, ageingTotal: rep.totals.total, ledgerBalance: ledger, difference, notesReceivable: notes, documentsAfter: after, explanation };
  });
}

const ZH_BUCKETS: Record<string, string> = {
  not_due: '未到期',
  '1-30': '逾期1-30天',
  '31-60': '逾期31-60天',
  '61-90': '逾期61-90天',
  '91-180': '逾期91-180天',
  '181-365': '逾期181-365天',
  over_365: '逾期365天以上',
  'y0-1': '1年以内',
  'y1-2': '1-2年',
  'y2-3': '2-3年',
  'y3-4': '3-4年',
  'y4-5': '4-5年',
  over_5y: '5年以上',
};

export function ageingTable(rep: AgeingReportOut, locale: 'zh-CN' | 'en' = 'zh-CN'): { headers: string[]; data: string[][] } {
  const zh = locale === 'zh-CN';
  const keys = rep.buckets.map((b) => b.key);
  const headers = [
    zh ? '客户编码' : 'customer_code',
    zh ? '客户名称' : 'customer_name',
    ...keys.map((k) => (zh ? (ZH_BUCKETS[k] ?? k) : k)),
    zh ? '未核销' : 'unapplied',
    zh ? '合计' : 'total',
    zh ? '信用额度' : 'credit_limit',
    zh ? '额度使用率%' : 'limit_used_pct',
  ];
  const pct = (bp: number | null) => (bp === null ? '' : (bp / 100).toFixed(2));
  const data = rep.rows.map((r) => [
    r.customerCode,
    r.customerName,
    ...keys.map((k) => fenToDecimal(r.buckets[k])),
    fenToDecimal(r.unapplied),
    fenToDecimal(r.total),
    fenToDecimal(r.creditLimit),
    pct(r.limitUsedBp),
  ]);
  data.push([zh ? '合计' : 'TOTAL', '', ...keys.map((k) => fenToDecimal(rep.totals.buckets[k])), fenToDecimal(rep.totals.unapplied), fenToDecimal(rep.totals.total), '', '']);
  return { headers, data };
}

export async function exportAgeing(ctx: ServiceContext, q: AgeingQuery & { format: 'csv' | 'xlsx'; locale?: 'zh-CN' | 'en' }): Promise<ExportFile> {
  const rep = await ageingReport(ctx, q);
  const { headers, data } = ageingTable(rep, q.locale ?? 'zh-CN');
  await serialize(ctx, () =>
    writeAudit(ctx, ctx.book.db, { entity: 'export', entityId: 'ageing', action: 'export', after: { format: q.format, asOf: q.asOf, basis: rep.basis, rows: rep.rows.length } }),
  );
  const name = `ageing-${rep.basis}-${q.asOf.replaceAll('-', '')}`;
  if (q.format === 'csv') {
    const csv = '\uFEFF' + Papa.unparse({ fields: headers, data }, { newline: '\r\n' });
    return { fileName: `${name}.csv`, mime: 'text/csv', base64: Buffer.from(csv, 'utf8').toString('base64'), rows: rep.rows.length, masked: 0 };
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(q.locale === 'en' ? 'Ageing' : '账龄分析');
  ws.addRow(headers).font = { bold: true };
  for (const d of data) {
    // money cells as numbers (yuan) so Excel can sum them; codes and names stay text
    ws.addRow(d.map((v, i) => (i >= 2 && v !== '' ? Number(v) : v)));
  }
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
  for (let c = 3; c <= headers.length; c++) ws.getColumn(c).numFmt = '#,##0.00';
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    fileName: `${name}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buf.toString('base64'),
    rows: rep.rows.length,
    masked: 0,
  };
}
