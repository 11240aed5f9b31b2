// Receivables dashboard KPIs (SPEC §2): the service (validation, settings) — the figures are
// computed in dashboard-compute.ts, on the report worker for a big book.
import { serverError } from '../../../shared/messages/server-messages';
import { addDays } from '../../domain/dates';
import type { DashboardOut } from '../../../shared/types-receivables';
import type { ServiceContext } from '../context';
import { assertDateField } from './common';
import { serialize } from '../book-queue';
import { runReport } from './reports';
import { loadArSettings } from './settings';

export async function receivablesDashboard(
  ctx: ServiceContext,
  q: { asOf?: string; from?: string; to?: string },
): Promise<DashboardOut> {
  const asOf = q.asOf ?? ctx.clock.today();
  assertDateField(asOf, 'asOf');
  const to = q.to ?? asOf;
  const from = q.from ?? addDays(to, -89);
  assertDateField(from, 'from');
  assertDateField(to, 'to');
  if (from > to) throw serverError('VALIDATION', 'from_after_to', {}, { field: 'from' });
  const t0 = performance.now();
  const out = await runReport(ctx, 'dashboard', {
    asOf,
    from,
    to,
    settings: await serialize(ctx, () => loadArSettings(ctx)),
  });
  return { ...out, ms: Math.round(performance.now() - t0) };
}
