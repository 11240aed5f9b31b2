// Opening a book from the command line: writes are attributed to the operator name
// "creditdesk-cli" (id 0: not an operators row; the audit log stores its id as null).
import { openBook } from '../db/connection';
import { systemClock, type ServiceContext } from '../services/context';
import { initCompany } from '../services/settings';
import fs from 'node:fs';

export async function openCliBook(file: string, opts: { create?: boolean; company?: string } = {}): Promise<ServiceContext> {
  const existed = fs.existsSync(file);
  const book = await openBook(file, { create: opts.create });
  const ctx: ServiceContext = { book, clock: systemClock, session: { operator: { id: 0, name: 'creditdesk-cli', hasPassword: false } } };
  if (!existed || opts.company) await initCompany(ctx, opts.company ?? 'CreditDesk');
  return ctx;
}
