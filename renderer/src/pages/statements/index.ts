// Statement pages (self-contained; strings in ./i18n.ts, namespace 'statements').
import './i18n';
export { StatementsPage } from './StatementsPage';
export { BatchStatementsPage } from './BatchStatementsPage';
export { ConfirmationsPage } from './ConfirmationsPage';
export { CustomerStatementsTab } from './CustomerStatementsTab';
export { STATEMENTS_NS, statementsStrings } from './i18n';
