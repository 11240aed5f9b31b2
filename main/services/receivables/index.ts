// Receivables service (应收账款): documents, payment application, ageing, KPIs, import.
export * from './documents';
export { creditCheck, creditCheckSync } from './credit';
export {
  ageingReport,
  ageingColumnsFixed,
  ageingReportFixed,
  ageingDrilldown,
  ageingTieOut,
  exportAgeing,
} from './ageing';
export { receivablesDashboard } from './dashboard';
export { customerLedger } from './ledger';
export { importInvoices } from './import-invoices';
export { importReceipts } from './import-receipts';
export { getArSettings, updateArSettings, listPresets, savePreset, deletePreset, loadArSettings } from './settings';
