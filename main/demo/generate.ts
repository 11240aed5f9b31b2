// The demo generator as one entry (customers, then each area's demo data), loaded on demand by
// main/app/demo-book.ts. Bundled on its own (dist/electron/demo-generator.mjs,
// dist/cli/demo-generator.mjs) so faker's name tables never load with the app.
import type { ServiceContext } from '../services/context';
import { updateCompany } from '../services/settings';
import { insertDemoCustomers, makeDemoCustomers } from './customers';
import { DEMO_EXTENSIONS } from './extensions';

export async function fillDemoBook(
  ctx: ServiceContext,
  opts: { customers: number; invoices: number; seed: number },
): Promise<void> {
  await updateCompany(ctx, {
    name: '华盛商贸有限公司（演示）',
    address: '浙江省杭州市西湖区文三路 90 号',
    phone: '0571-88886666',
    taxId: '91330100MA2C8X1234',
    bankAccount: '中国工商银行杭州文三路支行 1202 0210 0910 0123 456',
  });
  const list = makeDemoCustomers(opts.customers, opts.seed);
  await insertDemoCustomers(ctx, list);
  for (const ext of DEMO_EXTENSIONS)
    await ext({ ctx, customers: list.map((c) => c.code), invoices: opts.invoices, seed: opts.seed });
}
