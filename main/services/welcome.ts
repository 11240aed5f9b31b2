// First start: the empty book the app created becomes the company's own book — its name and
// statement header, and its only operator (made with the book as 管理员) renamed to the person
// who works in it, with an optional password. Only on a book without customers or documents.
import { AppError } from '../../shared/result';
import type { Operator } from '../../shared/types';
import { writeAudit } from './audit';
import type { ServiceContext } from './context';
import { hashPassword, listOperators } from './operators';
import { updateCompany } from './settings';

export interface CompanyBookSetUp {
  name: string;
  address?: string;
  phone?: string;
  taxId?: string;
  bankAccount?: string;
  operatorName: string;
  password?: string;
}

/** True while the book has no customers and no invoices (a first start). */
export async function bookIsEmpty(ctx: ServiceContext): Promise<boolean> {
  const c = await ctx.book.db.selectFrom('customers').select('id').limit(1).executeTakeFirst();
  const i = await ctx.book.db.selectFrom('invoices').select('id').limit(1).executeTakeFirst();
  return !c && !i;
}

export async function setUpCompanyBook(ctx: ServiceContext, input: CompanyBookSetUp): Promise<Operator> {
  if (!(await bookIsEmpty(ctx))) throw new AppError('CONFLICT', 'welcome.not_empty');
  const ops = await listOperators(ctx);
  if (ops.length !== 1) throw new AppError('CONFLICT', 'welcome.operators_exist');
  const header = { address: input.address, phone: input.phone, taxId: input.taxId, bankAccount: input.bankAccount };
  await updateCompany(ctx, {
    name: input.name,
    ...Object.fromEntries(Object.entries(header).filter(([, v]) => v !== undefined)),
  });
  const before = ops[0];
  const password = input.password ? input.password : null;
  const taken = await ctx.book.db
    .selectFrom('operators')
    .select('id')
    .where('name', '=', input.operatorName)
    .where('id', '!=', before.id)
    .executeTakeFirst();
  if (taken)
    throw new AppError('CONFLICT', `operator "${input.operatorName}" already exists`, { field: 'operatorName' });
  await ctx.book.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('operators')
      .set({ name: input.operatorName, password_hash: password === null ? null : hashPassword(password) })
      .where('id', '=', before.id)
      .execute();
    await writeAudit(ctx, trx, {
      entity: 'operator',
      entityId: before.id,
      action: 'update',
      before: { name: before.name, hasPassword: before.hasPassword },
      after: { name: input.operatorName, hasPassword: password !== null },
    });
  });
  const op: Operator = { ...before, name: input.operatorName, hasPassword: password !== null };
  ctx.session.operator = op; // the person who set the book up is the one working now
  return op;
}
