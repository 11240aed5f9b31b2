// Credit-limit worksheet and decisions (信用限度): the worksheet computes the five methods side
// by side (a read); a decision — approved by a credit manager — is the only way the limit
// changes. customers.credit_limit holds the limit in effect today.
import { serverError } from '../../../shared/messages/server-messages';
import { issuesToAppError } from '../../../shared/validation';
import { computeWorksheet, type WorksheetInputs, type WorksheetResult } from '../../domain/credit-worksheet';
import { isValidDate } from '../../domain/dates';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { customerById } from '../../db/receivables/rows';
import { limitInEffect } from '../../db/credit/lookups';
import { write } from '../book-queue';
import { insertDecision } from './decisions';
import { verifyApproval, type Approval } from './roles';
import { assertCreditLimitRoom } from '../limits/money-caps';

export function worksheet(inputs: WorksheetInputs): WorksheetResult {
  return computeWorksheet(inputs);
}

export const DECISION_METHODS = ['sales', 'working_capital', 'current_ratio', 'net_asset', 'judgement'] as const;

export interface DecideInput {
  customerId: number;
  amount: number;
  method: (typeof DECISION_METHODS)[number];
  effectiveDate: string;
  reason: string;
  worksheet?: WorksheetInputs;
  approval: Approval;
}

export async function decideLimit(ctx: ServiceContext, input: DecideInput) {
  const issues = [];
  if (!Number.isSafeInteger(input.amount)) issues.push({ field: 'amount', key: 'invalid_number' });
  else if (input.amount < 0) issues.push({ field: 'amount', key: 'must_not_be_negative' });
  if (!isValidDate(input.effectiveDate)) issues.push({ field: 'effectiveDate', key: 'invalid_date' });
  if (!input.reason?.trim()) issues.push({ field: 'reason', key: 'required' });
  const sheet = input.worksheet ? computeWorksheet(input.worksheet) : null;
  if (sheet) issues.push(...sheet.issues.map((i) => ({ ...i, field: `worksheet.${i.field}` })));
  if (issues.length) throw issuesToAppError(issues);
  const approver = await verifyApproval(ctx, input.approval, `limit:${input.customerId}`, input.customerId);
  return write(ctx, async (trx, sqlite) => {
    const c = customerById(sqlite, input.customerId);
    if (c.lifecycle === 'terminated')
      throw serverError('FORBIDDEN', 'customer_terminated', { code: c.code }, { field: 'customerId', bare: true });
    assertCreditLimitRoom(sqlite, c.id, input.amount, 'amount');
    const id = await insertDecision(ctx, trx, {
      customerId: c.id,
      amount: input.amount,
      effectiveDate: input.effectiveDate,
      method: input.method,
      inputs: sheet ? { worksheet: input.worksheet, limits: sheet.limits } : undefined,
      reason: input.reason.trim(),
      source: 'worksheet',
      approvedBy: approver,
    });
    // the limit in effect today: the latest decision effective on or before today
    const today = ctx.clock.today();
    const limitNow = limitInEffect(sqlite, c.id, today) ?? c.credit_limit;
    if (limitNow !== c.credit_limit) {
      await trx
        .updateTable('customers')
        .set((eb) => ({
          credit_limit: limitNow,
          updated_at: ctx.clock.now().toISOString(),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', c.id)
        .execute();
    }
    await writeAudit(ctx, trx, {
      entity: 'credit_limit',
      entityId: id,
      customerId: c.id,
      action: 'decide',
      before: { creditLimit: c.credit_limit },
      after: {
        creditLimit: limitNow,
        decided: input.amount,
        method: input.method,
        effectiveDate: input.effectiveDate,
        approvedBy: approver,
      },
      note: input.reason.trim(),
    });
    return { id, creditLimit: limitNow };
  });
}
