// Messages from main reach the user in the user's language: handler errors carry a message key
// and values, and the renderer shows them translated (issue 16 item 7).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/src/api/client';
import { errorText } from '../../renderer/src/format/errors';
import { arErrorText } from '../../renderer/src/pages/receivables/common';
import i18n, { loadLang } from '../../renderer/src/i18n';

import { SERVER_MESSAGES } from '../../shared/messages/server-messages';
import { HUASHENG, openTestDesk, type TestDesk } from '../support/book';

// the main catalogues load on demand (one language at start in the app)
beforeAll(() => Promise.all([loadLang('zh-CN'), loadLang('en')]));

let t: TestDesk;
beforeAll(async () => {
  t = await openTestDesk();
});
afterAll(async () => {
  await t.close();
  await i18n.changeLanguage('zh-CN');
});

async function failure(channel: string, input: unknown): Promise<ApiError> {
  const r = await t.call(channel as never, input);
  expect(r.ok).toBe(false);
  return new ApiError((r as { ok: false; error: never }).error);
}

describe('server messages in the user language', () => {
  it('duplicate invoice number, due before issue, prospect: Chinese in zh-CN, English in en', async () => {
    const prospect = await t.ok('customers:create', {
      ...HUASHENG,
      code: 'P1',
      name: '潜在客户',
      contacts: [],
    } as never);
    const active = await t.ok('customers:create', { ...HUASHENG, code: 'A1', name: '正常客户', contacts: [] } as never);
    await t.ok('customers:approve-opening', { id: active.id, approvedBy: '张总' });
    await t.ok('invoices:create', { customerId: active.id, number: 'INV-9', issueDate: '2026-03-01', amount: 1000 });

    const dup = await failure('invoices:create', {
      customerId: active.id,
      number: 'INV-9',
      issueDate: '2026-03-02',
      amount: 1000,
    });
    const due = await failure('invoices:create', {
      customerId: active.id,
      number: 'INV-10',
      issueDate: '2026-03-05',
      dueDate: '2026-03-01',
      amount: 1000,
    });
    const pro = await failure('invoices:create', {
      customerId: prospect.id,
      number: 'INV-11',
      issueDate: '2026-03-05',
      amount: 1000,
    });

    await i18n.changeLanguage('zh-CN');
    const tt = i18n.t.bind(i18n);
    expect(arErrorText(tt, dup)).toBe('数据冲突：发票号 INV-9 已存在');
    expect(arErrorText(tt, due)).toContain('到期日不能早于开票日');
    expect(errorText(tt, pro)).toContain('客户 P1 还是潜在客户');
    for (const e of [dup, due, pro]) expect(arErrorText(tt, e)).not.toMatch(/[a-z]{4,}/);

    await i18n.changeLanguage('en');
    expect(arErrorText(i18n.t.bind(i18n), dup)).toContain('invoice number INV-9 already exists');
    expect(arErrorText(i18n.t.bind(i18n), due)).toContain('is before the issue date');
  });

  it('statement from after to names the problem', async () => {
    const e = await failure('statements:data', { customerCode: 'A1', from: '2026-05-01', to: '2026-04-01' });
    await i18n.changeLanguage('zh-CN');
    expect(errorText(i18n.t.bind(i18n), e)).toBe('输入有误：开始日期 晚于结束日期，请调整期间');
  });

  it('every message has Chinese text without English words (except named values)', () => {
    for (const [key, m] of Object.entries(SERVER_MESSAGES)) {
      const zh = m.zh
        .replace(/\{\w+\}/g, '')
        .replace(/YYYY|\.csv|\.xlsx|CSV|UTF-8|MB|CreditDesk|E:\\\\备份|\/media\/…/g, '');
      expect(zh, key).not.toMatch(/[A-Za-z]{3,}/);
      const en: string[] = m.en.match(/\{\w+\}/g) ?? [];
      // a Chinese text may take a value's Chinese form `{nameZh}` where the English has `{name}`
      // and `{code}` / `{count}` (the system's error code, how many differ) where the English has the system's own text `{detail}`
      for (const v of m.zh.match(/\{\w+\}/g) ?? [])
        expect(['{code}', '{count}'].includes(v) && en.includes('{detail}') ? [v] : en, key).toContain(
          v.replace(/Zh\}$/, '}'),
        );
    }
  });
});
