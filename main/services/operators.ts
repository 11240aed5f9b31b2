// Operators (操作员): the named people who work in a book. Passwords are optional and kept
// only as scrypt hashes.
import { serverError } from '../../shared/messages/server-messages';
import crypto from 'node:crypto';
import type { Operator } from '../../shared/types';
import { writeAudit } from './audit';
import { clearFailures, failuresOf, loginDelayMs, recordFailure, sleep } from './login-throttle';
import type { ServiceContext } from './context';

export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(password, salt, 32);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

function checkPassword(password: string, stored: string): boolean {
  const [, saltHex, hashHex] = stored.split('$');
  const hash = crypto.scryptSync(password, Buffer.from(saltHex, 'hex'), 32);
  return crypto.timingSafeEqual(hash, Buffer.from(hashHex, 'hex'));
}

export async function listOperators(ctx: ServiceContext): Promise<Operator[]> {
  const rows = await ctx.book.db.selectFrom('operators').selectAll().where('active', '=', 1).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    hasPassword: r.password_hash !== null,
    role: r.role as Operator['role'],
  }));
}

export async function createOperator(
  ctx: ServiceContext,
  input: { name: string; password?: string; role?: Operator['role'] },
): Promise<Operator> {
  const exists = await ctx.book.db
    .selectFrom('operators')
    .select('id')
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (exists) throw serverError('CONFLICT', 'operator_exists', { name: input.name }, { field: 'name', bare: true });
  const op = await ctx.book.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('operators')
      .values({
        name: input.name,
        password_hash: input.password ? hashPassword(input.password) : null,
        ...(input.role ? { role: input.role } : {}),
        created_at: ctx.clock.now().toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(ctx, trx, {
      entity: 'operator',
      entityId: row.id,
      action: 'create',
      after: { name: row.name, hasPassword: !!input.password, role: row.role },
    });
    return { id: row.id, name: row.name, hasPassword: row.password_hash !== null, role: row.role as Operator['role'] };
  });
  return op;
}

export async function login(ctx: ServiceContext, input: { id: number; password?: string }): Promise<Operator> {
  const row = await ctx.book.db
    .selectFrom('operators')
    .selectAll()
    .where('id', '=', input.id)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!row) throw serverError('NOT_FOUND', 'operator_not_found', { id: input.id }, { field: 'id', bare: true });
  if (row.password_hash) {
    const book = ctx.book.path;
    await sleep(loginDelayMs(failuresOf(book, row.id))); // slowed after repeated failures
    if (!checkPassword(input.password ?? '', row.password_hash)) {
      const n = recordFailure(book, row.id);
      await writeAudit(ctx, ctx.book.db, {
        entity: 'operator',
        entityId: row.id,
        action: 'login-failed',
        after: { name: row.name, failuresInARow: n },
      });
      throw serverError('FORBIDDEN', 'wrong_password', {}, { field: 'password', bare: true });
    }
    clearFailures(book, row.id);
  }
  const op: Operator = {
    id: row.id,
    name: row.name,
    hasPassword: row.password_hash !== null,
    role: row.role as Operator['role'],
  };
  ctx.session.operator = op;
  await writeAudit(ctx, ctx.book.db, { entity: 'operator', entityId: op.id, action: 'login' });
  return op;
}

/** With exactly one operator and no password, work starts without asking. */
export async function autoLogin(ctx: ServiceContext): Promise<boolean> {
  const ops = await listOperators(ctx);
  if (ops.length === 1 && !ops[0].hasPassword) {
    ctx.session.operator = ops[0];
    return true;
  }
  return false;
}

export async function ensureDefaultOperator(ctx: ServiceContext, name = '管理员'): Promise<void> {
  const any = await ctx.book.db.selectFrom('operators').select('id').executeTakeFirst();
  if (!any) await createOperator(ctx, { name });
}
