// A book with passwords: until an operator logs in, only the channels needed to log in work —
// reads, exports and backups answer NO_OPERATOR. Failed logins are audited and slowed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { OPEN_CHANNELS } from '../../main/ipc/operator-gate';
import { loginDelayMs } from '../../main/services/login-throttle';
import { HUASHENG, openTestDesk, tempDir, type TestDesk } from '../support/book';

let t: TestDesk;
let secretId: number;

beforeAll(async () => {
  t = await openTestDesk();
  await t.ok('customers:create', HUASHENG);
  secretId = (await t.ok('operators:create', { name: '会计王', password: '正确密码-1' })).id;
  await t.ok('books:open', { path: t.desk.ctx.book.path }); // a new session: who is working is asked again
});
afterAll(() => t.close());

describe('a book with passwords and nobody logged in', () => {
  it('reads, exports and backups are refused', async () => {
    expect((await t.ok('app:info', {})).needsLogin).toBe(true);
    for (const [channel, input] of [
      ['customers:list', {}],
      ['customers:export', { format: 'csv' }],
      ['audit:list', {}],
      ['audit:export', { format: 'csv' }],
      ['ageing:export', { asOf: '2026-11-30', format: 'csv' }],
      ['backup:create', { dir: tempDir('cd-gate-') }],
    ] as const) {
      expect(await t.call(channel, input), channel).toMatchObject({ ok: false, error: { code: 'NO_OPERATOR' } });
    }
  });

  it('no channel outside OPEN_CHANNELS answers with data', async () => {
    for (const channel of CHANNELS) {
      if (OPEN_CHANNELS.has(channel)) continue;
      const r = await t.call(channel, {});
      expect(r.ok, channel).toBe(false);
      expect(['NO_OPERATOR', 'VALIDATION'], channel).toContain(r.ok ? 'ok' : r.error.code);
    }
  });

  it('the open channels still work', async () => {
    expect((await t.call('operators:list', {})).ok).toBe(true);
    expect((await t.call('app:info', {})).ok).toBe(true);
  });
});

describe('failed logins', () => {
  it('are audited and slowed; the right password then works and resets the count', async () => {
    expect([0, 1, 2, 3, 4].map(loginDelayMs)).toEqual([0, 0, 500, 1000, 2000]);
    const sqlite = () => t.desk.ctx.book.sqlite;
    const failedRows = () =>
      (
        sqlite()
          .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'login-failed' AND entity_id = ?")
          .get(String(secretId)) as { n: number }
      ).n;
    const before = failedRows();
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      expect(await t.call('operators:login', { id: secretId, password: `猜${i}` })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', field: 'password' },
      });
      times.push(Date.now() - t0);
    }
    expect(failedRows()).toBe(before + 3);
    expect(times[2]).toBeGreaterThanOrEqual(480); // the third try waited after two failures
    expect(await t.call('operators:login', { id: secretId, password: '正确密码-1' })).toMatchObject({
      ok: true,
      data: { name: '会计王' },
    });
    expect((await t.ok('customers:list', {})).total).toBe(1);
    const t0 = Date.now();
    await t.call('operators:login', { id: secretId, password: 'wrong' });
    expect(Date.now() - t0).toBeLessThan(480); // count reset by the successful login
  });
});
