// creditdesk init | demo
import fs from 'node:fs';
import { EXIT, parseCommandArgs, requireOption, UsageError, type CliCommand } from '../io';
import { openCliBook } from '../book';
import { updateCompany } from '../../services/settings';
import { ensureDefaultOperator } from '../../services/operators';
import { insertDemoCustomers, makeDemoCustomers } from '../../demo/customers';
import { DEMO_EXTENSIONS } from '../../demo/extensions';

export const initCommand: CliCommand = async (argv, io) => {
  const { values } = parseCommandArgs(argv, { db: { type: 'string' }, company: { type: 'string' } });
  const db = requireOption(values.db, 'db');
  const existed = fs.existsSync(db);
  const ctx = await openCliBook(db, { create: true });
  try {
    if (values.company) await updateCompany(ctx, { name: values.company });
    await ensureDefaultOperator(ctx);
    io.out(`${existed ? 'opened' : 'created'} book ${ctx.book.path}\n`);
    return EXIT.OK;
  } finally {
    await ctx.book.close();
  }
};

function positiveInt(v: string | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number, got "${v}"`);
  return Number(v);
}

export const demoCommand: CliCommand = async (argv, io) => {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    customers: { type: 'string' },
    invoices: { type: 'string' },
    seed: { type: 'string' },
  });
  const db = requireOption(values.db, 'db');
  const customers = positiveInt(values.customers, 'customers', 200);
  const invoices = positiveInt(values.invoices, 'invoices', customers * 10);
  const seed = positiveInt(values.seed, 'seed', 1);
  const ctx = await openCliBook(db, { create: true });
  try {
    const { n } = await ctx.book.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) {
      io.err(`creditdesk demo: ${ctx.book.path} already has customers; use a new file\n`);
      return EXIT.BAD_INPUT;
    }
    await updateCompany(ctx, {
      name: '华盛商贸有限公司（演示）',
      address: '浙江省杭州市西湖区文三路 90 号',
      phone: '0571-88886666',
      taxId: '91330100MA2C8X1234',
      bankAccount: '中国工商银行杭州文三路支行 1202 0210 0910 0123 456',
    });
    await ensureDefaultOperator(ctx);
    const t0 = Date.now();
    const list = makeDemoCustomers(customers, seed);
    await insertDemoCustomers(ctx, list);
    io.out(`demo: ${customers} customers in ${Date.now() - t0} ms\n`);
    for (const ext of DEMO_EXTENSIONS) {
      const msg = await ext({ ctx, customers: list.map((c) => c.code), invoices, seed });
      if (msg) io.out(`demo: ${msg}\n`);
    }
    return EXIT.OK;
  } finally {
    await ctx.book.close();
  }
};
