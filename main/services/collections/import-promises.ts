// Import of promises to pay (付款承诺): columns customer_code, made_on, promised_on, amount,
// promised_by, form (the last two optional; form written|verbal, default verbal). All rows or
// none: every bad row is listed with its row and field, and nothing is written. The row rules
// live here; reading the file is main/import/rows.ts.
import { AppError, type RowError } from '../../../shared/result';
import { MoneyParseError, parseMoney } from '../../../shared/money';
import { isValidDate } from '../../domain/dates';
import { readRows } from '../../import/rows';
import type { ImportSource } from '../../import/source';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { writeBulk } from '../book-queue';
import type { PromiseForm } from '../../../shared/types-collections';
import { customerCodes, insertImportedPromises } from '../../db/collections/promise-import';
import { assertPromiseRoom } from '../limits/money-caps';

export const PROMISE_COLUMNS = ['customer_code', 'made_on', 'promised_on', 'amount', 'promised_by', 'form'];
const REQUIRED = ['customer_code', 'made_on', 'promised_on', 'amount'];
export const PROMISE_HEADERS_ZH: Record<string, string> = {
  customer_code: '客户编码',
  made_on: '承诺日期',
  promised_on: '约定付款日',
  amount: '金额',
  promised_by: '承诺人',
  form: '形式',
};
const FORMS: Record<string, PromiseForm> = { written: 'written', verbal: 'verbal', 书面: 'written', 口头: 'verbal' };

export interface PromiseImportRow {
  row: number;
  customerId: number;
  madeOn: string;
  promisedOn: string;
  amount: number;
  promisedBy: string | null;
  form: PromiseForm;
}

type Get = (key: string) => string;
type Customers = Map<string, { id: number; lifecycle: string }>;

/** The rules for one row: a checked promise, or its problems added to `problems`. */
export function checkPromiseRow(
  row: number,
  get: Get,
  customers: Customers,
  problems: RowError[],
): PromiseImportRow | null {
  const before = problems.length;
  const add = (field: string, message: string) => problems.push({ row, field, message });
  const code = get('customer_code');
  const c = code ? customers.get(code) : undefined;
  if (!code) add('customer_code', 'is required');
  else if (!c) add('customer_code', `unknown customer ${code}`);
  else if (c.lifecycle === 'terminated') add('customer_code', `customer ${code} is terminated and read-only`);
  const date = (field: string): string | null => {
    const v = get(field);
    if (!v) add(field, 'is required');
    else if (!isValidDate(v)) add(field, `"${v}" is not a date YYYY-MM-DD`);
    else return v;
    return null;
  };
  const madeOn = date('made_on');
  const promisedOn = date('promised_on');
  if (madeOn && promisedOn && promisedOn < madeOn)
    add('promised_on', `promised date ${promisedOn} is before the date the promise was made (${madeOn})`);
  let amount: number | null = null;
  const rawAmount = get('amount');
  if (!rawAmount) add('amount', 'is required');
  else {
    try {
      amount = parseMoney(rawAmount);
      if (amount <= 0) add('amount', `amount must be positive, got "${rawAmount}"`);
    } catch (e) {
      add('amount', e instanceof MoneyParseError ? e.message : String(e));
    }
  }
  const promisedBy = get('promised_by');
  if (promisedBy.length > 100) add('promised_by', 'is longer than 100 characters');
  const rawForm = get('form');
  const form = rawForm === '' ? 'verbal' : (FORMS[rawForm.toLowerCase()] ?? FORMS[rawForm]);
  if (!form) add('form', `form must be written or verbal, got "${rawForm}"`);
  if (problems.length > before) return null;
  return {
    row,
    customerId: c!.id,
    madeOn: madeOn!,
    promisedOn: promisedOn!,
    amount: amount!,
    promisedBy: promisedBy || null,
    form,
  };
}

export async function importPromises(
  ctx: ServiceContext,
  fileName: string,
  source: ImportSource,
): Promise<{ imported: number; created: number; updated: number; amount: number }> {
  const customers: Customers = customerCodes(ctx.book.sqlite);
  const problems: RowError[] = [];
  const rows: PromiseImportRow[] = [];
  await readRows(
    fileName,
    source,
    { columns: PROMISE_COLUMNS, chinese: PROMISE_HEADERS_ZH, required: REQUIRED },
    (row, get) => {
      const checked = checkPromiseRow(row, get, customers, problems);
      if (checked) rows.push(checked);
    },
  );
  if (problems.length) {
    const listed = problems.slice(0, 1000);
    throw new AppError('VALIDATION', `${fileName}: ${problems.length} problem(s); nothing was imported`, {
      rows: listed,
      field: listed[0].field,
    });
  }
  const now = ctx.clock.now().toISOString();
  const codeOf = new Map([...customers].map(([code, c]) => [c.id, code]));
  return writeBulk(ctx, {}, async (trx, sqlite) => {
    assertPromiseRoom(
      sqlite,
      rows.map((p) => ({
        customerId: p.customerId,
        customerCode: codeOf.get(p.customerId)!,
        amount: p.amount,
        row: p.row,
      })),
    );
    insertImportedPromises(sqlite, rows, `import:${fileName}`, now);
    const amount = rows.reduce((sum, p) => sum + p.amount, 0);
    await writeAudit(ctx, trx, {
      entity: 'promise',
      entityId: fileName,
      action: 'import',
      after: { file: fileName, rows: rows.length, amount },
    });
    return { imported: rows.length, created: rows.length, updated: 0, amount };
  });
}
