// Customer writes: create, update, opening review, lifecycle. Each is one transaction with its
// audit row; terminated customers are read-only.
import { serverError } from '../../../shared/messages/server-messages';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { LIFECYCLE_MOVES, type Lifecycle } from '../../../shared/customer-fields';
import type { CustomerInputParsed } from '../../../shared/schemas/customer';
import type { Customer } from '../../../shared/types';
import { buildSearchText, pinyinKeys } from '../../domain/pinyin-search';
import { writeAudit } from '../audit';
import { insertDecision } from '../credit/decisions';
import type { ServiceContext } from '../context';
import { auditView, toCustomer } from './mapping';
import { assertCreditLimitRoom } from '../limits/money-caps';

export async function getCustomer(
  ctx: ServiceContext,
  key: { id?: number; code?: string },
  trx?: Transaction<DB>,
): Promise<Customer> {
  const db = trx ?? ctx.book.db;
  let q = db.selectFrom('customers').selectAll();
  q = key.id !== undefined ? q.where('id', '=', key.id) : q.where('code', '=', key.code ?? '');
  const row = await q.executeTakeFirst();
  if (!row)
    throw serverError(
      'NOT_FOUND',
      'customer_not_found',
      { code: key.code ?? key.id ?? '' },
      { field: key.id !== undefined ? 'id' : 'code', bare: true },
    );
  const contacts = await db
    .selectFrom('contacts')
    .selectAll()
    .where('customer_id', '=', row.id)
    .orderBy('sort')
    .execute();
  return toCustomer(row, contacts);
}

/** Column values (without id/lifecycle/timestamps) for a validated input. */
export function customerColumns(input: CustomerInputParsed) {
  const phones = [input.phone, ...input.contacts.flatMap((c) => [c.phone, c.mobile])];
  const profile = Object.fromEntries(
    Object.entries(input.profile).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  );
  const { full: namePinyin, initials: nameInitials } = pinyinKeys(input.name);
  return {
    code: input.code,
    name: input.name,
    kind: input.kind,
    nature: input.nature,
    prospect_grade: input.prospectGrade ?? null,
    region_code: input.regionCode ?? null,
    route_seq: input.routeSeq ?? null,
    confidentiality: input.confidentiality,
    address: input.address ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    payment_terms_days: input.paymentTermsDays,
    credit_limit: input.creditLimit,
    profile: JSON.stringify(profile),
    search_text: buildSearchText({ code: input.code, name: input.name, phones, namePinyin, nameInitials }),
    name_pinyin: namePinyin,
  };
}

async function writeContacts(trx: Transaction<DB>, customerId: number, input: CustomerInputParsed): Promise<void> {
  await trx.deleteFrom('contacts').where('customer_id', '=', customerId).execute();
  if (input.contacts.length === 0) return;
  await trx
    .insertInto('contacts')
    .values(
      input.contacts.map((c, i) => ({
        customer_id: customerId,
        name: c.name,
        title: c.title ?? null,
        phone: c.phone ?? null,
        mobile: c.mobile ?? null,
        email: c.email ?? null,
        wechat: c.wechat ?? null,
        birthday: c.birthday ?? null,
        notes: c.notes ?? null,
        buying_role: c.buyingRole ?? null,
        is_key_payer: c.isKeyPayer ? 1 : 0,
        sort: i,
      })),
    )
    .execute();
}

async function assertRegionKnown(trx: Transaction<DB>, code: string | null | undefined): Promise<void> {
  if (!code) return;
  const r = await trx.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst();
  if (!r) throw serverError('VALIDATION', 'unknown_region', { code }, { field: 'regionCode' });
}

export async function createCustomer(ctx: ServiceContext, input: CustomerInputParsed): Promise<Customer> {
  return ctx.book.db.transaction().execute(async (trx) => {
    const dup = await trx.selectFrom('customers').select('id').where('code', '=', input.code).executeTakeFirst();
    if (dup) throw serverError('CONFLICT', 'customer_code_exists', { code: input.code }, { field: 'code' });
    await assertRegionKnown(trx, input.regionCode);
    assertCreditLimitRoom(ctx.book.sqlite, null, input.creditLimit);
    const now = ctx.clock.now().toISOString();
    const row = await trx
      .insertInto('customers')
      .values({ ...customerColumns(input), lifecycle: 'prospect', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeContacts(trx, row.id, input);
    if (input.creditLimit !== 0) {
      // a limit typed at creation is the customer's initial credit-limit decision (SPEC §4)
      await insertDecision(ctx, trx, {
        customerId: row.id,
        amount: input.creditLimit,
        effectiveDate: ctx.clock.today(),
        method: 'initial',
        reason: 'initial limit when the customer was created',
        source: 'initial',
      });
    }
    const created = await getCustomer(ctx, { id: row.id }, trx);
    await writeAudit(ctx, trx, {
      entity: 'customer',
      entityId: created.code,
      customerId: row.id,
      action: 'create',
      after: auditView(created),
    });
    return created;
  });
}

/** Only fields that changed, for a readable history. */
function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k] ?? null;
      a[k] = after[k] ?? null;
    }
  }
  return { before: b, after: a };
}

export async function updateCustomer(
  ctx: ServiceContext,
  id: number,
  version: number,
  input: CustomerInputParsed,
): Promise<Customer> {
  return ctx.book.db.transaction().execute(async (trx) => {
    const before = await getCustomer(ctx, { id }, trx);
    if (before.readOnly) throw serverError('FORBIDDEN', 'customer_terminated', { code: before.code });
    if (before.version !== version) {
      throw serverError('CONFLICT', 'customer_changed', { code: before.code }, { field: 'version', bare: true });
    }
    if (input.code !== before.code) {
      const dup = await trx.selectFrom('customers').select('id').where('code', '=', input.code).executeTakeFirst();
      if (dup) throw serverError('CONFLICT', 'customer_code_exists', { code: input.code }, { field: 'code' });
    }
    await assertRegionKnown(trx, input.regionCode);
    await trx
      .updateTable('customers')
      // the credit limit changes only through a credit-limit decision (services/credit/limits.ts)
      .set((eb) => ({
        ...customerColumns(input),
        credit_limit: before.creditLimit,
        updated_at: ctx.clock.now().toISOString(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    await writeContacts(trx, id, input);
    const after = await getCustomer(ctx, { id }, trx);
    const d = diff(auditView(before), auditView(after));
    if (Object.keys(d.after).length > 0) {
      await writeAudit(ctx, trx, { entity: 'customer', entityId: after.code, customerId: id, action: 'update', ...d });
    }
    return after;
  });
}

export async function approveOpening(
  ctx: ServiceContext,
  input: { id: number; approvedBy: string; requestedBy?: string; note?: string },
): Promise<Customer> {
  return ctx.book.db.transaction().execute(async (trx) => {
    const before = await getCustomer(ctx, { id: input.id }, trx);
    if (before.lifecycle !== 'prospect') {
      throw serverError(
        'VALIDATION',
        'review_prospects_only',
        { code: before.code, lifecycle: before.lifecycle },
        { field: 'lifecycle', bare: true },
      );
    }
    const review = {
      requestedBy: input.requestedBy ?? ctx.session.operator?.name ?? null,
      approvedBy: input.approvedBy,
      approvedAt: ctx.clock.now().toISOString(),
      note: input.note ?? null,
    };
    await trx
      .updateTable('customers')
      .set((eb) => ({
        lifecycle: 'active',
        opening_review: JSON.stringify(review),
        updated_at: review.approvedAt,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', input.id)
      .execute();
    await writeAudit(ctx, trx, {
      entity: 'customer',
      entityId: before.code,
      customerId: input.id,
      action: 'lifecycle',
      before: { lifecycle: 'prospect' },
      after: { lifecycle: 'active', openingReview: review },
      note: input.note ?? null,
    });
    return getCustomer(ctx, { id: input.id }, trx);
  });
}

export async function setLifecycle(
  ctx: ServiceContext,
  input: { id: number; to: Lifecycle; reason: string },
): Promise<Customer> {
  return ctx.book.db.transaction().execute(async (trx) => {
    const before = await getCustomer(ctx, { id: input.id }, trx);
    if (before.lifecycle === 'prospect' && input.to === 'active') {
      throw serverError('VALIDATION', 'prospect_needs_review', {}, { field: 'lifecycle' });
    }
    if (!LIFECYCLE_MOVES[before.lifecycle].includes(input.to)) {
      throw serverError(
        'VALIDATION',
        'lifecycle_move',
        { code: before.code, from: before.lifecycle, to: input.to },
        { field: 'lifecycle' },
      );
    }
    await trx
      .updateTable('customers')
      .set((eb) => ({ lifecycle: input.to, updated_at: ctx.clock.now().toISOString(), version: eb('version', '+', 1) }))
      .where('id', '=', input.id)
      .execute();
    await writeAudit(ctx, trx, {
      entity: 'customer',
      entityId: before.code,
      customerId: input.id,
      action: 'lifecycle',
      before: { lifecycle: before.lifecycle },
      after: { lifecycle: input.to },
      note: input.reason,
    });
    return getCustomer(ctx, { id: input.id }, trx);
  });
}
