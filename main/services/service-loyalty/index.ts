// Service and loyalty (SPEC §7): after-sales follow-up tasks, satisfaction records and the
// loyalty type set by hand. Each write is one transaction with its audit row; bad input is
// refused per field with nothing written. SQL lives in main/db/service-loyalty.ts.
import { keptUntilWrite } from '../../db/kept-until-write';
import type { ParsedInputOf } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/result';
import { issuesToAppError } from '../../../shared/validation';
import type {
  CustomerLoyalty,
  CustomerService,
  LoyaltyDistribution,
  SatisfactionRecord,
  ServiceTask,
} from '../../../shared/types-service';
import { customerById } from '../../db/receivables/rows';
import {
  insertSatisfaction,
  insertTask,
  loyaltyOverride,
  satisfactionById,
  saveLoyaltyOverride,
  setTaskDone,
  taskById,
} from '../../db/service-loyalty';
import { checkDone, checkSatisfaction, checkTask, type ServiceIssue } from '../../domain/loyalty';
import { customerLoyalty, customerService, loyaltyDistribution } from '../../reports/loyalty';
import { writeAudit } from '../audit';
import { read, write } from '../book-queue';
import type { ServiceContext } from '../context';
import { assertWritable } from '../receivables/common';

export type TaskCreateInput = ParsedInputOf<'service:create-task'>;
export type TaskDoneInput = ParsedInputOf<'service:complete-task'>;
export type SatisfactionInput = ParsedInputOf<'service:add-satisfaction'>;
export type LoyaltyInput = ParsedInputOf<'service:set-loyalty'>;

function refuse(issues: ServiceIssue[]): void {
  if (issues.length) throw issuesToAppError(issues);
}

const blank = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

export async function createTask(ctx: ServiceContext, input: TaskCreateInput): Promise<ServiceTask> {
  const today = ctx.clock.today();
  return write(ctx, async (trx, sqlite) => {
    assertWritable(customerById(sqlite, input.customerId));
    refuse(checkTask(input, today));
    const id = insertTask(sqlite, {
      customerId: input.customerId,
      title: input.title.trim(),
      dueOn: input.dueOn,
      assignee: blank(input.assignee),
      note: blank(input.note),
      at: ctx.clock.now().toISOString(),
    });
    const after = taskById(sqlite, id, today)!;
    await writeAudit(ctx, trx, {
      entity: 'service_task',
      entityId: id,
      customerId: input.customerId,
      action: 'create',
      after,
    });
    return after;
  });
}

/** Marks a task done on a day (with its result), or open again (doneOn null). */
export async function completeTask(ctx: ServiceContext, input: TaskDoneInput): Promise<ServiceTask> {
  const today = ctx.clock.today();
  return write(ctx, async (trx, sqlite) => {
    const before = taskById(sqlite, input.id, today);
    if (!before) throw new AppError('NOT_FOUND', `service task ${input.id} not found`, { field: 'id' });
    if (before.version !== input.version) throw new AppError('CONFLICT', 'service_task_changed', { field: 'version' });
    assertWritable(customerById(sqlite, before.customerId));
    if (input.doneOn) refuse(checkDone(input.doneOn, today));
    setTaskDone(sqlite, {
      id: input.id,
      doneOn: input.doneOn,
      result: input.doneOn ? blank(input.result) : null,
      at: ctx.clock.now().toISOString(),
    });
    const after = taskById(sqlite, input.id, today)!;
    await writeAudit(ctx, trx, {
      entity: 'service_task',
      entityId: input.id,
      customerId: before.customerId,
      action: input.doneOn ? 'done' : 'reopen',
      before: { doneOn: before.doneOn, result: before.result },
      after: { doneOn: after.doneOn, result: after.result },
    });
    return after;
  });
}

export async function addSatisfaction(ctx: ServiceContext, input: SatisfactionInput): Promise<SatisfactionRecord> {
  const today = ctx.clock.today();
  return write(ctx, async (trx, sqlite) => {
    assertWritable(customerById(sqlite, input.customerId));
    refuse(checkSatisfaction(input, today));
    const id = insertSatisfaction(sqlite, {
      customerId: input.customerId,
      surveyedOn: input.surveyedOn,
      score: input.score,
      channel: input.channel,
      note: blank(input.note),
      at: ctx.clock.now().toISOString(),
    });
    const after = satisfactionById(sqlite, id)!;
    await writeAudit(ctx, trx, {
      entity: 'satisfaction',
      entityId: id,
      customerId: input.customerId,
      action: 'create',
      after,
    });
    return after;
  });
}

/** Sets the customer's loyalty type by hand, or (type null) goes back to the computed one. */
export async function setLoyalty(ctx: ServiceContext, input: LoyaltyInput): Promise<CustomerLoyalty> {
  const today = ctx.clock.today();
  return write(ctx, async (trx, sqlite) => {
    assertWritable(customerById(sqlite, input.customerId));
    const before = loyaltyOverride(sqlite, input.customerId);
    saveLoyaltyOverride(
      sqlite,
      input.customerId,
      input.type === null
        ? null
        : { type: input.type, setOn: today, note: blank(input.note), at: ctx.clock.now().toISOString() },
    );
    const after = loyaltyOverride(sqlite, input.customerId);
    await writeAudit(ctx, trx, {
      entity: 'loyalty',
      entityId: input.customerId,
      customerId: input.customerId,
      action: input.type === null ? 'clear' : 'set',
      before,
      after,
    });
    return customerLoyalty(sqlite, input.customerId, today);
  });
}

export async function getCustomerService(
  ctx: ServiceContext,
  input: { customerId: number; asOf?: string },
): Promise<CustomerService> {
  return read(ctx, (sqlite) => {
    customerById(sqlite, input.customerId);
    return customerService(sqlite, input.customerId, input.asOf ?? ctx.clock.today());
  });
}

export async function getLoyaltyDistribution(
  ctx: ServiceContext,
  input: { asOf?: string },
): Promise<LoyaltyDistribution> {
  const asOf = input.asOf ?? ctx.clock.today();
  // a whole-book read (about a second at 100,000 customers): kept until the book changes
  return read(ctx, (sqlite) =>
    keptUntilWrite(sqlite, `loyalty-distribution|${asOf}`, () => loyaltyDistribution(ctx.book, asOf)),
  );
}
