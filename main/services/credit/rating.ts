// 6C rating (信用评级): scored by an operator, approved by a credit manager (name + password),
// kept as history with the weights and thresholds used; customers.credit_rating follows.
import { serverError } from '../../../shared/messages/server-messages';
import { issuesToAppError } from '../../../shared/validation';
import { rate6C, type SixC } from '../../domain/credit';
import { validateScores } from '../../domain/credit-rules';
import { isValidDate } from '../../domain/dates';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { customerById } from '../../db/receivables/rows';
import { currentCreditRating, latestGrade } from '../../db/credit/lookups';
import { write } from '../book-queue';
import { verifyApproval, type Approval } from './roles';
import { loadCreditSettings } from './settings';

export interface RateInput {
  customerId: number;
  ratedOn: string;
  scores: Record<SixC, number>;
  note?: string | null;
  approval: Approval;
}

export async function rateCustomer(ctx: ServiceContext, input: RateInput) {
  const issues = validateScores(input.scores);
  if (!isValidDate(input.ratedOn)) issues.push({ field: 'ratedOn', key: 'invalid_date' });
  else if (input.ratedOn > ctx.clock.today()) issues.push({ field: 'ratedOn', key: 'out_of_range' });
  if (issues.length) throw issuesToAppError(issues);
  const settings = loadCreditSettings(ctx);
  const rating = rate6C(input.scores, settings.weights, settings.thresholds);
  const approver = await verifyApproval(ctx, input.approval, `rating:${input.customerId}`, input.customerId);
  return write(ctx, async (trx, sqlite) => {
    const c = customerById(sqlite, input.customerId);
    if (c.lifecycle === 'terminated')
      throw serverError('FORBIDDEN', 'customer_terminated', { code: c.code }, { field: 'customerId', bare: true });
    const beforeGrade = currentCreditRating(sqlite, c.id);
    const row = await trx
      .insertInto('credit_ratings')
      .values({
        customer_id: c.id,
        rated_on: input.ratedOn,
        scores: JSON.stringify(rating.scores),
        weights: JSON.stringify(rating.weights),
        thresholds: JSON.stringify(settings.thresholds),
        score_x100: rating.scoreX100,
        grade: rating.grade,
        note: input.note?.trim() || null,
        rated_by: ctx.session.operator?.name ?? null,
        approved_by: approver,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // the customer's grade is its latest rating by date
    const latest = { grade: latestGrade(sqlite, c.id)! };
    await trx.updateTable('customers').set({ credit_rating: latest.grade }).where('id', '=', c.id).execute();
    await writeAudit(ctx, trx, {
      entity: 'credit_rating',
      entityId: row.id,
      customerId: c.id,
      action: 'rate',
      before: { creditRating: beforeGrade },
      after: {
        creditRating: latest.grade,
        ratedOn: input.ratedOn,
        scores: rating.scores,
        weights: rating.weights,
        score: rating.score,
        grade: rating.grade,
        approvedBy: approver,
      },
      note: input.note ?? null,
    });
    return { id: row.id, grade: rating.grade, score: rating.score, creditRating: latest.grade };
  });
}
