// Editing and deleting a satisfaction record on the card (SPEC §7). Each is one transaction with
// its audit row (before and after); bad input is refused per field with nothing written. The
// average score and the loyalty type are computed from the records, so they follow at once.
import type { ParsedInputOf } from '../../../shared/ipc/contract';
import { serverError } from '../../../shared/messages/server-messages';
import { issuesToAppError } from '../../../shared/validation';
import type { SatisfactionRecord } from '../../../shared/types-service';
import { customerById } from '../../db/receivables/rows';
import {
  deleteSatisfaction as deleteRecord,
  satisfactionById,
  updateSatisfaction as updateRecord,
} from '../../db/service-loyalty';
import { checkSatisfaction } from '../../domain/loyalty';
import { writeAudit } from '../audit';
import { write } from '../book-queue';
import type { ServiceContext } from '../context';
import { assertWritable } from '../receivables/common';

export type SatisfactionUpdateInput = ParsedInputOf<'service:update-satisfaction'>;
export type SatisfactionDeleteInput = ParsedInputOf<'service:delete-satisfaction'>;

type Sqlite = Parameters<typeof satisfactionById>[0];

/** The record, or NOT_FOUND; its customer must still take writes (not terminated). */
function existing(sqlite: Sqlite, id: number): SatisfactionRecord {
  const before = satisfactionById(sqlite, id);
  if (!before) throw serverError('NOT_FOUND', 'satisfaction_not_found', { id }, { field: 'id', bare: true });
  assertWritable(customerById(sqlite, before.customerId));
  return before;
}

export async function updateSatisfaction(
  ctx: ServiceContext,
  input: SatisfactionUpdateInput,
): Promise<SatisfactionRecord> {
  const today = ctx.clock.today();
  return write(ctx, async (trx, sqlite) => {
    const before = existing(sqlite, input.id);
    const issues = checkSatisfaction(input, today);
    if (issues.length) throw issuesToAppError(issues);
    const note = input.note?.trim() ? input.note.trim() : null;
    updateRecord(sqlite, {
      id: input.id,
      surveyedOn: input.surveyedOn,
      score: input.score,
      channel: input.channel,
      note,
    });
    const after = satisfactionById(sqlite, input.id)!;
    await writeAudit(ctx, trx, {
      entity: 'satisfaction',
      entityId: input.id,
      customerId: before.customerId,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

export async function deleteSatisfaction(ctx: ServiceContext, input: SatisfactionDeleteInput): Promise<{ id: number }> {
  return write(ctx, async (trx, sqlite) => {
    const before = existing(sqlite, input.id);
    deleteRecord(sqlite, input.id);
    await writeAudit(ctx, trx, {
      entity: 'satisfaction',
      entityId: input.id,
      customerId: before.customerId,
      action: 'delete',
      before,
    });
    return { id: input.id };
  });
}
