import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HUASHENG, openTestDesk, type TestDesk } from '../support/book';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.close();
});

async function customerCount() {
  return (t.desk.ctx.book.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
}
async function auditCount() {
  return (t.desk.ctx.book.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

describe('customer archive through the IPC handlers', () => {
  it('creates a customer as a prospect with contacts and an audit row naming the operator', async () => {
    const c = await t.ok('customers:create', HUASHENG);
    expect(c).toMatchObject({
      code: 'C000123',
      name: '华盛贸易有限公司',
      lifecycle: 'prospect',
      creditLimit: 5_000_000,
      paymentTermsDays: 30,
      confidentiality: 'normal',
      readOnly: false,
      valueTier: null,
      creditRating: null,
    });
    expect(c.profile).toEqual({ legal_rep: '王建国', industry: '批发零售', registered_capital: 50_000_000 });
    expect(c.contacts).toHaveLength(1);
    expect(c.contacts[0]).toMatchObject({
      name: '李娜',
      buyingRole: 'purchaser',
      isKeyPayer: true,
      mobile: '13800138000',
    });
    const history = await t.ok('customers:history', { id: c.id });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      action: 'create',
      operatorName: '管理员',
      entityId: 'C000123',
      at: '2026-11-23T09:00:00.000Z',
    });
    expect((history[0].after as any).name).toBe('华盛贸易有限公司');
  });

  it('rejects bad payloads with the field named, and changes nothing', async () => {
    const before = { customers: await customerCount(), audit: await auditCount() };
    const bad = await t.call('customers:create', { ...HUASHENG, email: 'not-an-email' });
    expect(bad).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'VALIDATION',
        field: 'email',
        message: 'email: is not an e-mail address',
      }),
    });
    const money = await t.call('customers:create', { ...HUASHENG, creditLimit: 12.5 });
    expect(money.ok).toBe(false);
    if (!money.ok) expect(money.error.field).toBe('creditLimit');
    const extra = await t.call('customers:create', { ...HUASHENG, isAdmin: true });
    expect(extra.ok).toBe(false);
    const wrongType = await t.call('customers:list', { limit: 'all' });
    expect(wrongType.ok).toBe(false);
    const nothing = await t.call('customers:create', null);
    expect(nothing.ok).toBe(false);
    const twoPayers = await t.call('customers:create', {
      ...HUASHENG,
      contacts: [
        { name: '甲', isKeyPayer: true },
        { name: '乙', isKeyPayer: true },
      ],
    });
    expect(twoPayers.ok).toBe(false);
    if (!twoPayers.ok) expect(twoPayers.error.field).toBe('contacts');
    const unknownRegion = await t.call('customers:create', { ...HUASHENG, regionCode: 'NOPE' });
    expect(unknownRegion).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'regionCode' } });
    expect({ customers: await customerCount(), audit: await auditCount() }).toEqual(before);
  });

  it('refuses a duplicate code with a CONFLICT on the code field', async () => {
    await t.ok('customers:create', HUASHENG);
    const dup = await t.call('customers:create', { ...HUASHENG, name: '另一家' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'code' } });
    expect(await customerCount()).toBe(1);
  });

  it('updates with optimistic versioning and records only the changed fields', async () => {
    const c = await t.ok('customers:create', HUASHENG);
    const updated = await t.ok('customers:update', {
      id: c.id,
      version: c.version,
      data: { ...HUASHENG, phone: '0571-12345678', creditLimit: 8_000_000 },
    });
    expect(updated.version).toBe(c.version + 1);
    expect(updated.creditLimit).toBe(5_000_000); // the limit changes only through a credit-limit decision (issue 12)
    const stale = await t.call('customers:update', {
      id: c.id,
      version: c.version,
      data: { ...HUASHENG, name: '旧版本' },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'version' } });
    const history = await t.ok('customers:history', { id: c.id });
    expect(history[0].action).toBe('update');
    expect(history[0].before).toEqual({ phone: '0571-8888 1234' });
    expect(history[0].after).toEqual({ phone: '0571-12345678' });
  });

  it('walks the lifecycle: prospect → approved opening → active → suspended → terminated (read-only)', async () => {
    const c = await t.ok('customers:create', HUASHENG);
    const direct = await t.call('customers:set-lifecycle', { id: c.id, to: 'active', reason: '想直接开始' });
    expect(direct).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'lifecycle' } });
    const noApprover = await t.call('customers:approve-opening', { id: c.id, approvedBy: '' });
    expect(noApprover).toMatchObject({ ok: false, error: { field: 'approvedBy' } });
    const active = await t.ok('customers:approve-opening', {
      id: c.id,
      approvedBy: '张总',
      requestedBy: '业务员小刘',
      note: '交易开始调查书已审',
    });
    expect(active.lifecycle).toBe('active');
    expect(active.openingReview).toEqual({
      requestedBy: '业务员小刘',
      approvedBy: '张总',
      approvedAt: '2026-11-23T09:00:00.000Z',
      note: '交易开始调查书已审',
    });
    const held = await t.ok('customers:set-lifecycle', { id: c.id, to: 'suspended', reason: '上批货款未结清' });
    expect(held.lifecycle).toBe('suspended');
    const ended = await t.ok('customers:set-lifecycle', { id: c.id, to: 'terminated', reason: '停止合作' });
    expect(ended).toMatchObject({ lifecycle: 'terminated', readOnly: true });
    const edit = await t.call('customers:update', { id: c.id, version: ended.version, data: HUASHENG });
    expect(edit).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const back = await t.call('customers:set-lifecycle', { id: c.id, to: 'active', reason: 'x' });
    expect(back.ok).toBe(false);
    // out of the active list, still there with its history
    expect((await t.ok('customers:list', {})).total).toBe(0);
    expect((await t.ok('customers:list', { filter: { includeTerminated: true } })).total).toBe(1);
    const history = await t.ok('customers:history', { id: c.id });
    expect(history.map((h: any) => [h.action, (h.after as any)?.lifecycle ?? null])).toEqual([
      ['lifecycle', 'terminated'],
      ['lifecycle', 'suspended'],
      ['lifecycle', 'active'],
      ['create', 'prospect'],
    ]);
    expect(history[0].note).toBe('停止合作');
  });
});

describe('customer search', () => {
  beforeEach(async () => {
    await t.ok('regions:upsert', { code: 'HD', name: '华东区', area: null });
    await t.ok('customers:create', { ...HUASHENG, regionCode: 'HD', routeSeq: 20 });
    await t.ok('customers:create', {
      code: 'C000200',
      name: '重庆长安五金店',
      kind: 'company',
      nature: 'trade_partner',
      phone: '023-66554433',
      regionCode: 'HD',
      routeSeq: 10,
    });
    await t.ok('customers:create', {
      code: 'C000300',
      name: '张伟',
      kind: 'individual',
      nature: 'individual',
      confidentiality: 'confidential',
    });
  });
  const codes = async (input: any) => (await t.ok('customers:list', input)).rows.map((r: any) => r.code);

  it('finds by pinyin initials, full pinyin, Chinese name, code and phone', async () => {
    expect(await codes({ filter: { query: 'hsmy' } })).toEqual(['C000123']);
    expect(await codes({ filter: { query: 'huasheng' } })).toEqual(['C000123']);
    expect(await codes({ filter: { query: 'HuaSheng' } })).toEqual(['C000123']);
    expect(await codes({ filter: { query: '长安' } })).toEqual(['C000200']);
    expect(await codes({ filter: { query: 'chongqing' } })).toEqual(['C000200']);
    expect(await codes({ filter: { query: 'c0003' } })).toEqual(['C000300']);
    expect(await codes({ filter: { query: '66554433' } })).toEqual(['C000200']);
    expect(await codes({ filter: { query: '8888 1234' } })).toEqual(['C000123']);
    expect(await codes({ filter: { query: '13800138000' } })).toEqual(['C000123']); // contact's mobile
    expect(await codes({ filter: { query: 'zzz' } })).toEqual([]);
    expect(await codes({ filter: { query: '%' } })).toEqual([]);
  });

  it('filters by nature, region, confidentiality and sorts by name pinyin and route', async () => {
    expect(await codes({ filter: { nature: ['individual'] } })).toEqual(['C000300']);
    expect(await codes({ filter: { region: ['HD'] }, sort: 'region' })).toEqual(['C000200', 'C000123']);
    expect(await codes({ filter: { confidentiality: ['confidential', 'top_secret'] } })).toEqual(['C000300']);
    // chongqing < huasheng < zhangwei
    expect(await codes({ sort: 'name' })).toEqual(['C000200', 'C000123', 'C000300']);
    expect(await codes({ sort: 'name', order: 'desc' })).toEqual(['C000300', 'C000123', 'C000200']);
    const page = await t.ok('customers:list', { offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, rows: [{ code: 'C000200' }] });
  });

  it('sees changes made after the finder was loaded', async () => {
    expect(await codes({ filter: { query: 'xinming' } })).toEqual([]);
    await t.ok('customers:create', { code: 'C000400', name: '新明电器', kind: 'company', nature: 'ordinary_company' });
    expect(await codes({ filter: { query: 'xinming' } })).toEqual(['C000400']);
    expect(await codes({ filter: { query: 'xmdq' } })).toEqual(['C000400']);
  });
});

describe('operators', () => {
  it('asks who is working when there is more than one operator, and checks passwords', async () => {
    await t.ok('operators:create', { name: '会计小王', password: 'secret-1' });
    await t.desk.open(t.desk.ctx.book.path); // restart: two operators now
    const info = await t.ok('app:info', {});
    expect(info.needsLogin).toBe(true);
    expect(info.operators.map((o: any) => [o.name, o.hasPassword])).toEqual([
      ['管理员', false],
      ['会计小王', true],
    ]);
    const blocked = await t.call('customers:create', HUASHENG);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'NO_OPERATOR' } });
    const wang = info.operators[1];
    expect(await t.call('operators:login', { id: wang.id, password: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'password' },
    });
    await t.ok('operators:login', { id: wang.id, password: 'secret-1' });
    const c = await t.ok('customers:create', HUASHENG);
    const history = await t.ok('customers:history', { id: c.id });
    expect(history[0].operatorName).toBe('会计小王');
  });
});

describe('company settings', () => {
  it('keeps the company header and audits changes', async () => {
    expect(await t.ok('settings:company', {})).toMatchObject({ name: '测试商贸有限公司', currency: 'CNY' });
    await t.ok('settings:update-company', { address: '杭州市文三路 90 号', taxId: '91330100MA2C8X1234' });
    expect(await t.ok('settings:company', {})).toMatchObject({
      name: '测试商贸有限公司',
      address: '杭州市文三路 90 号',
      taxId: '91330100MA2C8X1234',
    });
    const bad = await t.call('settings:update-company', { logoDataUrl: 'javascript:alert(1)' });
    expect(bad).toMatchObject({ ok: false, error: { field: 'logoDataUrl' } });
    const audit = await t.ok('audit:list', { entity: 'settings' });
    expect(audit.total).toBe(1);
  });
});
