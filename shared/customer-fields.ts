// The customer archive (SPEC §1): classifications are columns (filterable); the descriptive
// facts of the four field groups live in `profile`, described here once for forms, import,
// export and the printed cards.

import { CUSTOMER_FIELD_LABELS } from './labels/customer-fields';

export const CUSTOMER_KINDS = ['company', 'individual'] as const;
export const NATURES = ['government', 'special_company', 'ordinary_company', 'individual', 'trade_partner'] as const;
export const LIFECYCLES = ['prospect', 'active', 'suspended', 'terminated'] as const;
export const PROSPECT_GRADES = ['A', 'B', 'C', 'D'] as const;
export const VALUE_TIERS = ['A', 'B', 'C'] as const;
export const CONFIDENTIALITY = ['normal', 'secret', 'confidential', 'top_secret'] as const;
export const BUYING_ROLES = ['decision_maker', 'user', 'influencer', 'purchaser', 'initiator'] as const;
export const ORG_FORMS = ['sole', 'partnership', 'llc', 'joint_stock', 'state_owned', 'collective', 'other'] as const;
export const GENDERS = ['male', 'female'] as const;

export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export type Nature = (typeof NATURES)[number];
export type Lifecycle = (typeof LIFECYCLES)[number];
export type Confidentiality = (typeof CONFIDENTIALITY)[number];
export type BuyingRole = (typeof BUYING_ROLES)[number];

/** Confidential and top-secret customers are masked in exports and need confirmation to print. */
export const SENSITIVE_LEVELS: readonly Confidentiality[] = ['confidential', 'top_secret'];

/** Allowed lifecycle moves. Terminated is final (read-only, history kept). */
export const LIFECYCLE_MOVES: Record<Lifecycle, Lifecycle[]> = {
  prospect: ['active', 'terminated'], // → active only through an approved opening review
  active: ['suspended', 'terminated'],
  suspended: ['active', 'terminated'],
  terminated: [],
};

export type ProfileGroup = 'basic' | 'individual' | 'characteristics' | 'business' | 'trade' | 'address';
export type ProfileFieldType = 'text' | 'longtext' | 'date' | 'money' | 'select';

export interface ProfileField {
  key: string;
  group: ProfileGroup;
  type: ProfileFieldType;
  options?: readonly string[];
  /** Contact/financial data masked in bulk exports of confidential customers. */
  sensitive?: 'contact' | 'financial';
}

export const PROFILE_FIELDS: readonly ProfileField[] = [
  // 1. basic data
  { key: 'legal_rep', group: 'basic', type: 'text', sensitive: 'contact' },
  { key: 'owner', group: 'basic', type: 'text', sensitive: 'contact' },
  { key: 'manager', group: 'basic', type: 'text', sensitive: 'contact' },
  { key: 'founded_on', group: 'basic', type: 'date' },
  { key: 'org_form', group: 'basic', type: 'select', options: ORG_FORMS },
  { key: 'industry', group: 'basic', type: 'text' },
  { key: 'registered_capital', group: 'basic', type: 'money', sensitive: 'financial' },
  { key: 'total_assets', group: 'basic', type: 'money', sensitive: 'financial' },
  { key: 'tax_id', group: 'basic', type: 'text', sensitive: 'financial' },
  { key: 'bank_account', group: 'basic', type: 'text', sensitive: 'financial' },
  { key: 'fax', group: 'basic', type: 'text', sensitive: 'contact' },
  { key: 'website', group: 'basic', type: 'text' },
  // individuals only
  { key: 'gender', group: 'individual', type: 'select', options: GENDERS },
  { key: 'age_band', group: 'individual', type: 'text' },
  { key: 'education', group: 'individual', type: 'text' },
  { key: 'occupation', group: 'individual', type: 'text' },
  { key: 'income_band', group: 'individual', type: 'text', sensitive: 'financial' },
  { key: 'interests', group: 'individual', type: 'text' },
  { key: 'payment_habit', group: 'individual', type: 'text' },
  // 2. characteristics
  { key: 'service_region', group: 'characteristics', type: 'text' },
  { key: 'sales_capacity', group: 'characteristics', type: 'text' },
  { key: 'development_potential', group: 'characteristics', type: 'text' },
  { key: 'business_philosophy', group: 'characteristics', type: 'longtext' },
  { key: 'scale', group: 'characteristics', type: 'text' },
  { key: 'business_features', group: 'characteristics', type: 'longtext' },
  // 3. business status
  { key: 'sales_performance', group: 'business', type: 'text' },
  { key: 'management_quality', group: 'business', type: 'text' },
  { key: 'competitor_relations', group: 'business', type: 'text' },
  { key: 'trading_since', group: 'business', type: 'date' },
  { key: 'cooperation_attitude', group: 'business', type: 'text' },
  // 4. trade status
  { key: 'current_sales', group: 'trade', type: 'text' },
  { key: 'problems', group: 'trade', type: 'longtext' },
  { key: 'strengths', group: 'trade', type: 'longtext' },
  { key: 'outlook', group: 'trade', type: 'text' },
  { key: 'image', group: 'trade', type: 'text' },
  { key: 'reputation', group: 'trade', type: 'text' },
  { key: 'credit_status', group: 'trade', type: 'text' },
  { key: 'cash_discount', group: 'trade', type: 'text' },
  { key: 'credit_problems', group: 'trade', type: 'longtext' },
  // address card
  { key: 'owner_address', group: 'address', type: 'text', sensitive: 'contact' },
  { key: 'best_visit_time', group: 'address', type: 'text' },
];

export const PROFILE_KEYS = PROFILE_FIELDS.map((f) => f.key);

/** The customer file's own columns (DESIGN.md names), before the profile's: export writes them, import reads them. */
export const CUSTOMER_FILE_BASE_COLUMNS = [
  'code',
  'name',
  'kind',
  'region',
  'payment_terms_days',
  'credit_limit',
  'nature',
  'lifecycle',
  'prospect_grade',
  'route_seq',
  'confidentiality',
  'address',
  'phone',
  'email',
] as const;

/**
 * Chinese column headers accepted by import (and used by zh-CN export), by field key.
 * English keys are the DESIGN.md column names.
 */
export const CHINESE_HEADERS: Record<string, string> = {
  code: '编码',
  name: '名称',
  kind: '类型',
  region: '区域',
  payment_terms_days: '账期天数',
  credit_limit: '信用额度',
  nature: '性质',
  lifecycle: '交易状态',
  prospect_grade: '准客户等级',
  route_seq: '路序',
  confidentiality: '保密级别',
  address: '地址',
  phone: '电话',
  email: '邮箱',
  // the profile's headers are its screen labels (one source: shared/labels/customer-fields.ts)
  ...Object.fromEntries(PROFILE_KEYS.map((k) => [k, CUSTOMER_FIELD_LABELS['zh-CN'][k]])),
  value_tier: '价值等级',
  credit_rating: '信用等级',
};

/** Older Chinese headers still accepted in imports. */
export const CHINESE_HEADER_ALIASES: Record<string, string> = { 兴趣: 'interests' };

/** Chinese labels accepted for enum values in imports. */
export const CHINESE_VALUES: Record<string, Record<string, string>> = {
  kind: { 公司: 'company', 企业: 'company', 个人: 'individual', 个人或家庭: 'individual', 家庭: 'individual' },
  nature: {
    政府机构: 'government',
    特殊公司: 'special_company',
    普通公司: 'ordinary_company',
    顾客个人: 'individual',
    个人: 'individual',
    交易伙伴: 'trade_partner',
  },
  lifecycle: {
    潜在: 'prospect',
    潜在客户: 'prospect',
    正在交易: 'active',
    停止供货: 'suspended',
    已中止: 'terminated',
  },
  confidentiality: { 普通: 'normal', 一般: 'normal', 秘密: 'secret', 机密: 'confidential', 绝密: 'top_secret' },
};
