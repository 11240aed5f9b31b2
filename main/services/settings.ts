// Book settings (key/value): company header for statements, currency, etc.
import { serverError } from '../../shared/messages/server-messages';
import type { CompanySettings } from '../../shared/types';
import { writeAudit } from './audit';
import type { ServiceContext } from './context';

const COMPANY_KEYS: Record<keyof CompanySettings, string> = {
  name: 'company.name',
  address: 'company.address',
  taxId: 'company.tax_id',
  phone: 'company.phone',
  bankAccount: 'company.bank_account',
  currency: 'company.currency',
  logoDataUrl: 'company.logo',
};

export async function getSetting(ctx: ServiceContext, key: string): Promise<string | null> {
  const row = await ctx.book.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function getCompany(ctx: ServiceContext): Promise<CompanySettings> {
  const rows = await ctx.book.db.selectFrom('settings').selectAll().where('key', 'like', 'company.%').execute();
  const map = new Map(rows.map((r) => [r.key, r.value]));
  return {
    name: map.get(COMPANY_KEYS.name) ?? '',
    address: map.get(COMPANY_KEYS.address) ?? '',
    taxId: map.get(COMPANY_KEYS.taxId) ?? '',
    phone: map.get(COMPANY_KEYS.phone) ?? '',
    bankAccount: map.get(COMPANY_KEYS.bankAccount) ?? '',
    currency: map.get(COMPANY_KEYS.currency) ?? 'CNY',
    logoDataUrl: map.get(COMPANY_KEYS.logoDataUrl) || null,
  };
}

export async function updateCompany(ctx: ServiceContext, patch: Partial<CompanySettings>): Promise<CompanySettings> {
  const before = await getCompany(ctx);
  if (patch.name !== undefined && patch.name.trim() === '')
    throw serverError('VALIDATION', 'name_required', {}, { field: 'name' });
  await ctx.book.db.transaction().execute(async (trx) => {
    for (const [k, v] of Object.entries(patch) as [keyof CompanySettings, string | null][]) {
      if (v === undefined) continue;
      await trx
        .insertInto('settings')
        .values({ key: COMPANY_KEYS[k], value: v ?? '' })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: v ?? '' }))
        .execute();
    }
    const after = { ...before, ...patch };
    await writeAudit(ctx, trx, {
      entity: 'settings',
      entityId: 'company',
      action: 'update',
      before: { ...before, logoDataUrl: before.logoDataUrl ? '(image)' : null },
      after: { ...after, logoDataUrl: after.logoDataUrl ? '(image)' : null },
    });
  });
  return getCompany(ctx);
}

/** Written once when a book is created. */
export async function initCompany(ctx: ServiceContext, name: string): Promise<void> {
  await ctx.book.db
    .insertInto('settings')
    .values([
      { key: COMPANY_KEYS.name, value: name },
      { key: COMPANY_KEYS.currency, value: 'CNY' },
    ])
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
