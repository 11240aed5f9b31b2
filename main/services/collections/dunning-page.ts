// One page of the dunning list for the window (the whole list stays on the report worker).
import type { DunningPageArgs } from '../../reports/collections/dunning-page';
import type { DunningPage } from '../../../shared/types-dunning-page';
import type { ServiceContext } from '../context';
import { runCollectionsReport } from './run-report';

export async function dunningPageReport(ctx: ServiceContext, q: DunningPageArgs): Promise<DunningPage> {
  return runCollectionsReport(ctx, 'collections:dunning-page', q);
}
