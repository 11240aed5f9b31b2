// Strings of the "include confidential" switch on the ageing and audit exports, in their own
// i18next namespace 'sensitiveExport' (zh-CN default, en); importing this module registers them.
import i18n from 'i18next';

const zhCN = {
  include: '包含机密/绝密数据',
  ageing: {
    title: '导出机密与绝密客户的信用额度？',
    text: '本次导出将包含“机密”和“绝密”客户的信用额度和额度使用率（否则以 *** 遮盖）。此操作将以您的名义记入审计日志。请妥善保管导出的文件。',
  },
  audit: {
    title: '导出机密与绝密客户的完整审计记录？',
    text: '本次导出将包含“机密”和“绝密”客户审计记录的修改前后内容，例如地址和信用额度（否则以 *** 遮盖）。此操作将以您的名义记入审计日志。请妥善保管导出的文件。',
  },
  ok: '确认导出',
  cancel: '取消',
  masked: '{{masked}} 个机密/绝密客户的敏感字段已遮盖',
};

const en: typeof zhCN = {
  include: 'Include confidential/top-secret data',
  ageing: {
    title: 'Export the credit limits of confidential and top-secret customers?',
    text: 'This export will contain the credit limit and limit use of confidential and top-secret customers (otherwise they are masked as ***). It is written to the audit log under your name. Keep the exported file safe.',
  },
  audit: {
    title: 'Export the full audit entries of confidential and top-secret customers?',
    text: 'This export will contain the before and after states (such as address and credit limit) of audit entries of confidential and top-secret customers (otherwise they are masked as ***). It is written to the audit log under your name. Keep the exported file safe.',
  },
  ok: 'Export',
  cancel: 'Cancel',
  masked: 'sensitive fields of {{masked}} confidential/top-secret customers were masked',
};

export const SENSITIVE_EXPORT_NS = 'sensitiveExport';
export const sensitiveExportStrings = { 'zh-CN': zhCN, en } as const;

function register(): void {
  for (const [lang, strings] of Object.entries(sensitiveExportStrings)) {
    if (!i18n.hasResourceBundle(lang, SENSITIVE_EXPORT_NS))
      i18n.addResourceBundle(lang, SENSITIVE_EXPORT_NS, strings, true, false);
  }
}

if (i18n.store) register();
else i18n.on('initialized', register);
