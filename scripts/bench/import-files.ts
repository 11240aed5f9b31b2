// The import files of the receivables bench, kept for repeated runs: a book with the demo
// customers (base.creditdesk), the same customers as customers.csv (for `creditdesk import
// customers` into an empty book), and the invoices.csv / receipts.csv the demo generator plans
// for them (terminated customers left out: an import cannot give them documents).
// `node bin/run-ts.mjs scripts/bench/import-files.ts DIR [--customers N] [--invoices M]`
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCliBook } from '../../main/cli/book';
import { insertDemoCustomers, makeDemoCustomers, type DemoCustomer } from '../../main/demo/customers';
import { demoCustomerRefs, planDemoReceivables } from '../../main/demo/receivables';
import { fenToDecimal } from '../../shared/money';

const { values, positionals } = parseArgs({
  options: { customers: { type: 'string' }, invoices: { type: 'string' } },
  allowPositionals: true,
});
const dir = path.resolve(positionals[0] ?? 'import-files');
const customers = Number(values.customers ?? 100_000);
const invoices = Number(values.invoices ?? customers * 10);
fs.mkdirSync(dir, { recursive: true });
const book = path.join(dir, 'base.creditdesk');
fs.rmSync(book, { force: true });
const ctx = await openCliBook(book, { create: true, company: '基准测试公司' });
const demo = makeDemoCustomers(customers, 1);
await insertDemoCustomers(ctx, demo);
fs.writeFileSync(path.join(dir, 'customers.csv'), customersCsv(demo));
const fi = fs.openSync(path.join(dir, 'invoices.csv'), 'w');
const fr = fs.openSync(path.join(dir, 'receipts.csv'), 'w');
fs.writeSync(fi, 'customer_code,number,issue_date,due_date,amount,description\n');
fs.writeSync(fr, 'customer_code,date,amount,reference,invoice_number,method\n');
let bi: string[] = [];
let br: string[] = [];
let receipts = 0;
planDemoReceivables(
  demoCustomerRefs(ctx).filter((c) => c.lifecycle !== 'terminated'),
  invoices,
  1,
  (plan) => {
    const code = plan.customer.code;
    for (const inv of plan.invoices)
      bi.push(`${code},${inv.number},${inv.issueDate},${inv.dueDate},${fenToDecimal(inv.amount)},${inv.description}\n`);
    for (const r of plan.receipts)
      br.push(
        `${code},${r.date},${fenToDecimal(r.amount)},${r.reference},${r.named === null ? '' : plan.invoices[r.named].number},${r.method}\n`,
      );
    receipts += plan.receipts.length;
    if (bi.length > 20_000) {
      fs.writeSync(fi, bi.join(''));
      bi = [];
    }
    if (br.length > 20_000) {
      fs.writeSync(fr, br.join(''));
      br = [];
    }
  },
);
fs.writeSync(fi, bi.join(''));
fs.writeSync(fr, br.join(''));
fs.closeSync(fi);
fs.closeSync(fr);
await ctx.book.close();
console.log(JSON.stringify({ dir, customers, invoices, receipts }));

/** The demo customers in the customer import's columns (DESIGN.md names, limits in yuan). */
function customersCsv(list: DemoCustomer[]): string {
  const cell = (v: unknown) => {
    const t = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const head =
    'code,name,kind,region,payment_terms_days,credit_limit,nature,lifecycle,prospect_grade,route_seq,confidentiality,address,phone,email';
  const lines = [head];
  for (const c of list) {
    const i = c.input;
    lines.push(
      [
        c.code,
        i.name,
        i.kind,
        i.regionCode,
        i.paymentTermsDays,
        fenToDecimal(i.creditLimit),
        i.nature,
        c.lifecycle,
        i.prospectGrade,
        i.routeSeq,
        i.confidentiality,
        i.address,
        i.phone,
        i.email,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
