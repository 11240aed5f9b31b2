// Labels of the customer's enumerated values (kind, nature, trade status, confidentiality, a
// contact's buying role, the profile's select fields) in both languages: the one source for the
// screens (renderer i18n `enums.<field>`) and the printed customer cards (main/print/cards-html.ts).
import type { LabelLocale } from './buckets';

export type CustomerValueField =
  'kind' | 'nature' | 'lifecycle' | 'confidentiality' | 'buyingRole' | 'org_form' | 'gender';

export const CUSTOMER_VALUE_LABELS: Record<LabelLocale, Record<CustomerValueField, Record<string, string>>> = {
  'zh-CN': {
    kind: { company: '公司', individual: '个人或家庭' },
    nature: {
      government: '政府机构',
      special_company: '特殊公司',
      ordinary_company: '普通公司',
      individual: '顾客个人',
      trade_partner: '交易伙伴',
    },
    lifecycle: { prospect: '潜在', active: '正在交易', suspended: '停止供货', terminated: '已中止' },
    confidentiality: { normal: '普通', secret: '秘密', confidential: '机密', top_secret: '绝密' },
    buyingRole: {
      decision_maker: '决策者',
      user: '使用者',
      influencer: '影响者',
      purchaser: '采购者',
      initiator: '发起人',
    },
    org_form: {
      sole: '独资',
      partnership: '合伙',
      llc: '有限公司',
      joint_stock: '股份制',
      state_owned: '国有',
      collective: '集体',
      other: '其他',
    },
    gender: { male: '男', female: '女' },
  },
  en: {
    kind: { company: 'Company', individual: 'Individual / household' },
    nature: {
      government: 'Government',
      special_company: 'Special company',
      ordinary_company: 'Ordinary company',
      individual: 'Individual',
      trade_partner: 'Trade partner',
    },
    lifecycle: { prospect: 'Prospect', active: 'Active', suspended: 'Suspended', terminated: 'Terminated' },
    confidentiality: { normal: 'Normal', secret: 'Secret', confidential: 'Confidential', top_secret: 'Top secret' },
    buyingRole: {
      decision_maker: 'Decision maker',
      user: 'User',
      influencer: 'Influencer',
      purchaser: 'Purchaser',
      initiator: 'Initiator',
    },
    org_form: {
      sole: 'Sole proprietorship',
      partnership: 'Partnership',
      llc: 'Limited company',
      joint_stock: 'Joint-stock',
      state_owned: 'State-owned',
      collective: 'Collective',
      other: 'Other',
    },
    gender: { male: 'Male', female: 'Female' },
  },
};
