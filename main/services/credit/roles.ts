// Operator roles (SPEC §4 approvals): 管理员 admin, 信用主管 credit manager, 会计 bookkeeper,
// 只读 viewer. The role is read from the book on every check, so a change applies at once.
// Viewers cannot write through any channel (writerContext refuses them); only a credit manager
// with a password approves limits, ratings and over-limit overrides, by name + password.
import crypto from 'node:crypto';
import { OPERATOR_ROLES, type OperatorRole } from '../../../shared/types';
import { ROLE_LABELS } from '../../../shared/credit-labels';
import { serverError } from '../../../shared/messages/server-messages';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { activeOperatorByName, operatorRoleById } from '../../db/credit/lookups';

export interface Approval {
  name: string;
  password: string;
}

/** The working operator's role; the command line (id 0) works as admin. */
export function roleOf(ctx: ServiceContext): OperatorRole | null {
  const op = ctx.session.operator;
  if (!op) return null;
  if (op.id === 0) return 'admin';
  const role = operatorRoleById(ctx.book.sqlite, op.id);
  return role && (OPERATOR_ROLES as readonly string[]).includes(role) ? (role as OperatorRole) : 'viewer';
}

/** Writes are refused for viewers (called by writerContext for every write channel). */
export function assertMayWrite(ctx: ServiceContext): void {
  if (roleOf(ctx) === 'viewer') throw serverError('FORBIDDEN', 'role_viewer', {}, { field: 'operator', bare: true });
}

export function assertRole(ctx: ServiceContext, roles: readonly OperatorRole[]): void {
  const role = roleOf(ctx);
  if (!role || !roles.includes(role))
    throw serverError(
      'FORBIDDEN',
      'role_required',
      {
        roles: roles.map((r) => ROLE_LABELS[r].en.toLowerCase()).join(' or '),
        rolesZh: roles.map((r) => ROLE_LABELS[r].zh).join('或'),
      },
      { field: 'operator', bare: true },
    );
}

function passwordMatches(password: string, stored: string): boolean {
  const [, saltHex, hashHex] = stored.split('$');
  if (!saltHex || !hashHex) return false;
  const hash = crypto.scryptSync(password, Buffer.from(saltHex, 'hex'), 32);
  const want = Buffer.from(hashHex, 'hex');
  return hash.length === want.length && crypto.timingSafeEqual(hash, want);
}

/**
 * A credit manager's approval: the named operator must be an active credit manager with a
 * password, and the password must match. Returns the approver's name. A refused approval is
 * written to the audit log (outside the refused change's transaction, so it stays).
 */
export async function verifyApproval(
  ctx: ServiceContext,
  approval: Approval | null | undefined,
  what: string,
  customerId?: number,
): Promise<string> {
  if (!approval || !approval.name.trim())
    throw serverError('FORBIDDEN', 'approval_required', {}, { field: 'approval.name', bare: true });
  const row = activeOperatorByName(ctx.book.sqlite, approval.name.trim());
  let problem: {
    field: string;
    key: 'approver_not_manager' | 'approver_no_password' | 'approval_wrong_password';
  } | null = null;
  if (!row || row.role !== 'credit_manager') problem = { field: 'approval.name', key: 'approver_not_manager' };
  else if (!row.password_hash) problem = { field: 'approval.name', key: 'approver_no_password' };
  else if (!passwordMatches(approval.password, row.password_hash))
    problem = { field: 'approval.password', key: 'approval_wrong_password' };
  if (problem) {
    await writeAudit(ctx, ctx.book.db, {
      entity: 'approval',
      entityId: what,
      customerId: customerId ?? null,
      action: 'approval-refused',
      after: { approver: approval.name, reason: problem.key },
    });
    throw serverError('FORBIDDEN', problem.key, {}, { field: problem.field, bare: true });
  }
  return row!.name;
}

/** Sets an operator's role (administrators only); audited. The last administrator keeps the role. */
export async function setOperatorRole(
  ctx: ServiceContext,
  input: { id: number; role: OperatorRole },
): Promise<{ id: number; name: string; role: OperatorRole }> {
  assertRole(ctx, ['admin']);
  return ctx.book.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('operators')
      .select(['id', 'name', 'role'])
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!before) throw serverError('NOT_FOUND', 'operator_not_found', { id: input.id }, { field: 'id', bare: true });
    if (before.role === 'admin' && input.role !== 'admin') {
      const { n } = await trx
        .selectFrom('operators')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('active', '=', 1)
        .executeTakeFirstOrThrow();
      if (Number(n) <= 1) throw serverError('VALIDATION', 'last_admin', {}, { field: 'role', bare: true });
    }
    await trx.updateTable('operators').set({ role: input.role }).where('id', '=', input.id).execute();
    await writeAudit(ctx, trx, {
      entity: 'operator',
      entityId: input.id,
      action: 'role',
      before: { role: before.role },
      after: { role: input.role },
    });
    return { id: before.id, name: before.name, role: input.role };
  });
}

/** A credit manager who logged in with a password approves their own overrides. */
export function selfApprover(ctx: ServiceContext): string | null {
  const op = ctx.session.operator;
  return op && op.hasPassword && roleOf(ctx) === 'credit_manager' ? op.name : null;
}
