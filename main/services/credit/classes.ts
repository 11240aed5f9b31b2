// Credit class (信用报告类别 A/B/C) history and credit reports: regular reviews and emergency
// reports (紧急报告); an emergency report can put the customer on credit hold (lifecycle
// 'suspended', 停止供货). customers.credit_class follows the latest class by date.
import { serverError } from '../../../shared/messages/server-messages';
import { issuesToAppError, type FieldIssue } from '../../../shared/validation';
import { isCreditClass, type CreditClass } from '../../domain/credit-review';
import { isValidDate } from '../../domain/dates';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { customerById } from '../../db/receivables/rows';
import { currentCreditClass, latestClass } from '../../db/credit/lookups';
import { write } from '../book-queue';
import { assertRole } from './roles';

function dateIssues(ctx: ServiceContext, field: string, v: string): FieldIssue[] {
  if (!isValidDate(v)) return [{ field, key: 'invalid_date' }];
  if (v > ctx.clock.today()) return [{ field, key: 'out_of_range' }];
  return [];
}

export async function setCreditClass(
  ctx: ServiceContext,
  input: { customerId: number; creditClass: CreditClass; setOn: string; reason?: string | null },
) {
  assertRole(ctx, ['admin', 'credit_manager']);
  const issues = dateIssues(ctx, 'setOn', input.setOn);
  if (!isCreditClass(input.creditClass)) issues.push({ field: 'creditClass', key: 'invalid_option' });
  if (issues.length) throw issuesToAppError(issues);
  return write(ctx, async (trx, sqlite) => {
    const c = customerById(sqlite, input.customerId);
    if (c.lifecycle === 'terminated')
      throw serverError('FORBIDDEN', 'customer_terminated', { code: c.code }, { field: 'customerId', bare: true });
    const before = currentCreditClass(sqlite, c.id);
    await trx
      .insertInto('credit_classes')
      .values({
        customer_id: c.id,
        class: input.creditClass,
        set_on: input.setOn,
        reason: input.reason?.trim() || null,
        set_by: ctx.session.operator?.name ?? null,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    const latest = { class: latestClass(sqlite, c.id)! };
    await trx.updateTable('customers').set({ credit_class: latest.class }).where('id', '=', c.id).execute();
    await writeAudit(ctx, trx, {
      entity: 'credit_class',
      entityId: c.code,
      customerId: c.id,
      action: 'set',
      before: { creditClass: before },
      after: { creditClass: latest.class, setOn: input.setOn },
      note: input.reason ?? null,
    });
    return { creditClass: latest.class };
  });
}

export async function recordCreditReport(
  ctx: ServiceContext,
  input: {
    customerId: number;
    reviewedOn: string;
    kind: 'regular' | 'emergency';
    findings: string;
    putOnHold?: boolean;
  },
) {
  assertRole(ctx, ['admin', 'credit_manager', 'bookkeeper']);
  const issues = dateIssues(ctx, 'reviewedOn', input.reviewedOn);
  if (!input.findings?.trim()) issues.push({ field: 'findings', key: 'required' });
  if (input.putOnHold && input.kind !== 'emergency') issues.push({ field: 'putOnHold', key: 'invalid' });
  if (issues.length) throw issuesToAppError(issues);
  return write(ctx, async (trx, sqlite) => {
    const c = customerById(sqlite, input.customerId);
    if (c.lifecycle === 'terminated')
      throw serverError('FORBIDDEN', 'customer_terminated', { code: c.code }, { field: 'customerId', bare: true });
    const row = await trx
      .insertInto('credit_reviews')
      .values({
        customer_id: c.id,
        reviewed_on: input.reviewedOn,
        kind: input.kind,
        findings: input.findings.trim(),
        put_on_hold: input.putOnHold ? 1 : 0,
        reviewed_by: ctx.session.operator?.name ?? null,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(ctx, trx, {
      entity: 'credit_review',
      entityId: row.id,
      customerId: c.id,
      action: input.kind,
      after: {
        reviewedOn: input.reviewedOn,
        kind: input.kind,
        findings: input.findings.trim(),
        putOnHold: !!input.putOnHold,
      },
    });
    let onHold = c.lifecycle === 'suspended';
    if (input.putOnHold && c.lifecycle === 'active') {
      await trx
        .updateTable('customers')
        .set((eb) => ({
          lifecycle: 'suspended',
          updated_at: ctx.clock.now().toISOString(),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', c.id)
        .execute();
      await writeAudit(ctx, trx, {
        entity: 'customer',
        entityId: c.code,
        customerId: c.id,
        action: 'lifecycle',
        before: { lifecycle: c.lifecycle },
        after: { lifecycle: 'suspended' },
        note: `紧急报告 emergency report ${row.id}`,
      });
      onHold = true;
    }
    return { id: row.id, onHold };
  });
}
