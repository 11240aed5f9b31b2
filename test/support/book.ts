// Test helpers: a migrated temporary book, a desk with a fixed clock, and the handler map.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Desk } from '../../main/app/desk';
import { fixedClock } from '../../main/services/context';
import { createHandlers, type HandlerMap } from '../../main/ipc/handlers';
import { dispatch } from '../../main/ipc/register';
import type { Channel, InputOf } from '../../shared/ipc/contract';
import { fromWire } from '../../shared/ipc/wire';
import type { Result } from '../../shared/result';
import type { CustomerInput } from '../../shared/schemas/customer';

export function tempDir(prefix = 'creditdesk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestDesk {
  dir: string;
  desk: Desk;
  handlers: HandlerMap;
  call<C extends Channel>(channel: C, input: InputOf<C> | unknown): Promise<Result<any>>;
  ok<C extends Channel>(channel: C, input: InputOf<C>): Promise<any>;
  close(): Promise<void>;
}

export async function openTestDesk(opts: { now?: string; mode?: 'browser' | 'electron' } = {}): Promise<TestDesk> {
  const dir = tempDir();
  const desk = new Desk({
    mode: opts.mode ?? 'browser',
    userDataDir: dir,
    clock: fixedClock(opts.now ?? '2026-11-23T09:00:00.000Z'),
  });
  await desk.open(path.join(dir, 'test.creditdesk'), { create: true, company: '测试商贸有限公司' });
  const handlers = createHandlers(desk);
  // answers as the renderer's client sees them (compact wire forms decoded, shared/ipc/wire.ts)
  const call = async (channel: string, input: unknown) => {
    const r = await dispatch(handlers, channel, input);
    return r.ok ? { ...r, data: fromWire(channel as Channel, r.data) } : r;
  };
  return {
    dir,
    desk,
    handlers,
    call: call as TestDesk['call'],
    ok: async (channel, input) => {
      const r = await call(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.data;
    },
    close: async () => {
      await desk.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const HUASHENG: CustomerInput = {
  code: 'C000123',
  name: '华盛贸易有限公司',
  kind: 'company',
  nature: 'ordinary_company',
  phone: '0571-8888 1234',
  email: 'caiwu@huasheng.cn',
  address: '浙江省杭州市西湖区文三路 90 号',
  paymentTermsDays: 30,
  creditLimit: 50_000_00,
  profile: { legal_rep: '王建国', industry: '批发零售', registered_capital: 500_000_00 },
  contacts: [{ name: '李娜', title: '财务经理', mobile: '13800138000', buyingRole: 'purchaser', isKeyPayer: true }],
};

/** Approved customers (客户<code>, no credit limit) with the given payment terms; their ids in order. */
export async function approvedCustomers(t: TestDesk, customers: [code: string, paymentTermsDays: number][]) {
  const ids: number[] = [];
  for (const [code, paymentTermsDays] of customers) {
    const c = await t.ok('customers:create', {
      ...HUASHENG,
      code,
      name: `客户${code}`,
      paymentTermsDays,
      creditLimit: 0,
      contacts: [],
    } as never);
    await t.ok('customers:approve-opening', { id: c.id, approvedBy: '张总' });
    ids.push(c.id);
  }
  return ids;
}
