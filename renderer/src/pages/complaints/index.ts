// Complaint pages (self-contained; strings in ./i18n.ts, namespace 'complaints').
import './i18n';
export { ComplaintsPage } from './ComplaintsPage';
export { CustomerComplaintsTab } from './CustomerComplaintsTab';
