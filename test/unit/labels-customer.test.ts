// Customer value labels have one source (shared/labels/customer-values.ts): the screens'
// i18n resources and the printed cards must show the same words, in both languages.
import { describe, expect, it } from 'vitest';
import { cardsHtml } from '../../main/print/cards-html';
import { CUSTOMER_VALUE_LABELS, type CustomerValueField } from '../../shared/labels/customer-values';
import type { CompanySettings, Customer } from '../../shared/types';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-CN';

const FIELDS: CustomerValueField[] = [
  'kind',
  'nature',
  'lifecycle',
  'confidentiality',
  'buyingRole',
  'org_form',
  'gender',
];
const SCREENS = { 'zh-CN': zhCN, en } as const;

const customer = {
  id: 1,
  code: 'C000001',
  name: '张三家庭',
  kind: 'individual',
  nature: 'individual',
  lifecycle: 'active',
  confidentiality: 'secret',
  address: '杭州',
  phone: '0571',
  email: null,
  profile: { org_form: 'llc', gender: 'female' },
  contacts: [
    {
      name: '李四',
      title: '采购',
      phone: null,
      mobile: '138',
      email: null,
      wechat: null,
      isKeyPayer: true,
      buyingRole: 'decision_maker',
    },
  ],
} as unknown as Customer;

describe('customer value labels', () => {
  it('the screens show the shared labels (zh-CN and en)', () => {
    for (const lang of ['zh-CN', 'en'] as const)
      for (const f of FIELDS)
        expect(SCREENS[lang].enums[f], `${lang} enums.${f}`).toEqual(CUSTOMER_VALUE_LABELS[lang][f]);
  });

  it('the printed basic card shows the same words as the screen, per field', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const html = cardsHtml(
        ['basic'],
        { customer, company: {} as CompanySettings, region: null, balance: null, printedOn: '2026-11-23' },
        { lang },
      );
      const card = SCREENS[lang].enums;
      // kind and nature are both 'individual' but read differently: 个人或家庭 / 顾客个人
      for (const text of [
        card.kind.individual,
        card.nature.individual,
        card.lifecycle.active,
        card.confidentiality.secret,
        card.buyingRole.decision_maker,
      ])
        expect(html, `${lang}: ${text}`).toContain(`>${text}<`);
    }
  });
});
