// Translations added for issue 16 ("polish found in the app"), kept out of the big zh-CN.ts /
// en.ts so parallel work merges cleanly. Added to the default namespace without overwriting.
import i18n from 'i18next';

export const polishZh = {
  field: { from: '开始日期', to: '结束日期', periodTo: '截止日期', receivedOn: '回函日期' },
  validation: {
    invalid_period: '晚于结束日期，请调整期间',
    amount_zero: '金额不能为 0',
    amount_negative: '金额不能为负数',
    amount_too_large: '金额太大',
    invalid_typed_date: '“{{value}}”不是有效日期（例如 2026-03-05、2026/3/5、20260305）',
  },
};

export const polishEn: typeof polishZh = {
  field: { from: 'From', to: 'To', periodTo: 'Period end', receivedOn: 'Received on' },
  validation: {
    invalid_period: 'is after the end date: adjust the period',
    amount_zero: 'The amount cannot be 0',
    amount_negative: 'The amount cannot be negative',
    amount_too_large: 'The amount is too large',
    invalid_typed_date: '"{{value}}" is not a valid date (e.g. 2026-03-05, 2026/3/5, 20260305)',
  },
};

export function addPolishResources(): void {
  i18n.addResourceBundle('zh-CN', 'translation', polishZh, true, true);
  i18n.addResourceBundle('en', 'translation', polishEn, true, true);
}
