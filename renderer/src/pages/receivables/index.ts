// Receivables screens, mounted by Root.tsx / the customer card / the Settings page.
export { ArEntryPage } from './entry/ArEntryPage';
export { CustomerLedgerTab } from './ledger/CustomerLedgerTab';
export { AgeingPage } from './ageing/AgeingPage';
export { ArDashboardPage } from './dashboard/ArDashboardPage';
export { ArSettingsPanel } from './settings/ArSettingsPanel';
export { ArImportButtons } from './ArImportButtons';
