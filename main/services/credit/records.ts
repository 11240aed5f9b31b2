// Credit investigations (资信调查), countermeasures (对策) and cash-discount terms: each write
// one transaction with its audit row (operator, before, after).
import { serverError } from '../../../shared/messages/server-messages';
import { issuesToAppError, type FieldIssue } from '../../../shared/validation';
import {
  COUNTERMEASURE_ACTIONS,
  COUNTERMEASURE_STATUSES,
  INVESTIGATION_CHANNELS,
  WARNING_SIGN_KEYS,
} from '../../../shared/credit-labels';
import { isValidDate } from '../../domain/dates';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { customerById } from '../../db/receivables/rows';
import { write } from '../book-queue';
import { assertRole } from './roles';

const WRITERS = ['admin', 'credit_manager', 'bookkeeper'] as const;

function liveCustomer(sqlite: Parameters<typeof customerById>[0], id: number) {
  const c = customerById(sqlite, id);
  if (c.lifecycle === 'terminated')
    throw serverError('FORBIDDEN', 'customer_terminated', { code: c.code }, { field: 'customerId', bare: true });
  return c;
}

export interface InvestigationInput {
  customerId: number;
  date: string;
  channel: string;
  source?: string | null;
  findings: string;
  attachments?: string[];
  warningSigns?: string[];
}

export async function recordInvestigation(ctx: ServiceContext, input: InvestigationInput) {
  assertRole(ctx, WRITERS);
  const issues: FieldIssue[] = [];
  if (!isValidDate(input.date)) issues.push({ field: 'date', key: 'invalid_date' });
  else if (input.date > ctx.clock.today()) issues.push({ field: 'date', key: 'out_of_range' });
  if (!(input.channel in INVESTIGATION_CHANNELS)) issues.push({ field: 'channel', key: 'invalid_option' });
  if (!input.findings?.trim()) issues.push({ field: 'findings', key: 'required' });
  (input.warningSigns ?? []).forEach((k, i) => {
    if (!WARNING_SIGN_KEYS.includes(k)) issues.push({ field: `warningSigns.${i}`, key: 'invalid_option' });
  });
  if (issues.length) throw issuesToAppError(issues);
  return write(ctx, async (trx, sqlite) => {
    const c = liveCustomer(sqlite, input.customerId);
    const values = {
      customer_id: c.id,
      date: input.date,
      channel: input.channel,
      source: input.source?.trim() || null,
      findings: input.findings.trim(),
      attachments: JSON.stringify((input.attachments ?? []).map((a) => a.trim()).filter(Boolean)),
      warning_signs: JSON.stringify([...new Set(input.warningSigns ?? [])]),
      recorded_by: ctx.session.operator?.name ?? null,
      created_at: ctx.clock.now().toISOString(),
    };
    const row = await trx.insertInto('credit_investigations').values(values).returning('id').executeTakeFirstOrThrow();
    await writeAudit(ctx, trx, {
      entity: 'credit_investigation',
      entityId: row.id,
      customerId: c.id,
      action: 'create',
      after: values,
    });
    return { id: row.id };
  });
}

export interface CountermeasureInput {
  customerId: number;
  action: string;
  detail?: string | null;
  status: string;
  dueDate?: string | null;
}

function countermeasureIssues(input: { action?: string; status?: string; dueDate?: string | null }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.action !== undefined && !(input.action in COUNTERMEASURE_ACTIONS))
    issues.push({ field: 'action', key: 'invalid_option' });
  if (input.status !== undefined && !(input.status in COUNTERMEASURE_STATUSES))
    issues.push({ field: 'status', key: 'invalid_option' });
  if (input.dueDate && !isValidDate(input.dueDate)) issues.push({ field: 'dueDate', key: 'invalid_date' });
  return issues;
}

export async function addCountermeasure(ctx: ServiceContext, input: CountermeasureInput) {
  assertRole(ctx, ['admin', 'credit_manager']);
  const issues = countermeasureIssues(input);
  if (issues.length) throw issuesToAppError(issues);
  return write(ctx, async (trx, sqlite) => {
    const c = liveCustomer(sqlite, input.customerId);
    const now = ctx.clock.now().toISOString();
    const values = {
      customer_id: c.id,
      action: input.action,
      detail: input.detail?.trim() || null,
      status: input.status,
      due_date: input.dueDate || null,
      created_by: ctx.session.operator?.name ?? null,
      created_at: now,
      updated_at: now,
    };
    const row = await trx.insertInto('credit_countermeasures').values(values).returning('id').executeTakeFirstOrThrow();
    await writeAudit(ctx, trx, {
      entity: 'credit_countermeasure',
      entityId: row.id,
      customerId: c.id,
      action: 'create',
      after: values,
    });
    return { id: row.id };
  });
}

export async function updateCountermeasure(
  ctx: ServiceContext,
  input: { id: number; status: string; dueDate?: string | null; detail?: string | null },
) {
  assertRole(ctx, ['admin', 'credit_manager']);
  const issues = countermeasureIssues(input);
  if (issues.length) throw issuesToAppError(issues);
  return write(ctx, async (trx) => {
    const before = await trx
      .selectFrom('credit_countermeasures')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!before)
      throw serverError('NOT_FOUND', 'countermeasure_not_found', { id: input.id }, { field: 'id', bare: true });
    const patch = {
      status: input.status,
      ...(input.dueDate !== undefined ? { due_date: input.dueDate || null } : {}),
      ...(input.detail !== undefined ? { detail: input.detail?.trim() || null } : {}),
      updated_at: ctx.clock.now().toISOString(),
    };
    await trx.updateTable('credit_countermeasures').set(patch).where('id', '=', input.id).execute();
    await writeAudit(ctx, trx, {
      entity: 'credit_countermeasure',
      entityId: input.id,
      customerId: before.customer_id,
      action: 'update',
      before: { status: before.status, due_date: before.due_date, detail: before.detail },
      after: patch,
    });
    return { id: input.id };
  });
}

export interface TermsInput {
  customerId: number;
  /** null removes the customer's cash-discount terms */
  terms: { discountBp: number; discountDays: number; netDays: number } | null;
}

export async function setDiscountTerms(ctx: ServiceContext, input: TermsInput) {
  assertRole(ctx, ['admin', 'credit_manager']);
  const t = input.terms;
  if (t) {
    const issues: FieldIssue[] = [];
    if (!Number.isInteger(t.discountBp) || t.discountBp < 0 || t.discountBp > 10_000)
      issues.push({ field: 'terms.discountBp', key: 'out_of_range' });
    if (!Number.isInteger(t.discountDays) || t.discountDays < 0)
      issues.push({ field: 'terms.discountDays', key: 'must_not_be_negative' });
    if (!Number.isInteger(t.netDays) || t.netDays < 0)
      issues.push({ field: 'terms.netDays', key: 'must_not_be_negative' });
    else if (Number.isInteger(t.discountDays) && t.netDays < t.discountDays)
      issues.push({ field: 'terms.netDays', key: 'out_of_range' });
    if (issues.length) throw issuesToAppError(issues);
  }
  return write(ctx, async (trx, sqlite) => {
    const c = liveCustomer(sqlite, input.customerId);
    const before = await trx.selectFrom('credit_terms').selectAll().where('customer_id', '=', c.id).executeTakeFirst();
    await trx.deleteFrom('credit_terms').where('customer_id', '=', c.id).execute();
    if (t)
      await trx
        .insertInto('credit_terms')
        .values({
          customer_id: c.id,
          discount_bp: t.discountBp,
          discount_days: t.discountDays,
          net_days: t.netDays,
          updated_at: ctx.clock.now().toISOString(),
        })
        .execute();
    await writeAudit(ctx, trx, {
      entity: 'credit_terms',
      entityId: c.code,
      customerId: c.id,
      action: 'set',
      before: before
        ? { discountBp: before.discount_bp, discountDays: before.discount_days, netDays: before.net_days }
        : null,
      after: t,
    });
    return { terms: t };
  });
}
