// Pages load on first visit (one chunk each, React.lazy): the first screen needs only the shell,
// i18n and the customer list, not the charts (recharts), the statement preview or the forms.
import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { startAnalysisRequests } from '../pages/analysis/early-requests';

/** A named export of a page module, loaded on first render. */
function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

// The page the app opens on starts loading at once, beside the app-info request, instead of
// after it (one round trip less before the first screen). import() caches: lazy() reuses it.
const START_PAGES: [RegExp, () => Promise<unknown>][] = [
  [/^#?\/?(customers\/?)?$/, () => import('../pages/customers/CustomerListPage')],
  [/^#\/receivables\/ageing/, () => import('../pages/receivables/ageing/AgeingPage')],
  [/^#\/receivables\/?$/, () => import('../pages/receivables/dashboard/ArDashboardPage')],
  [/^#\/analysis/, () => import('../pages/analysis/AnalysisPage')],
];
if (typeof location !== 'undefined') START_PAGES.find(([re]) => re.test(location.hash))?.[1]().catch(() => {});

export const CustomerListPage = page(() => import('../pages/customers/CustomerListPage'), 'CustomerListPage');
export const CustomerCardPage = page(() => import('../pages/customers/card/CustomerCardPage'), 'CustomerCardPage');
export const CustomerFormPage = page(() => import('../pages/customers/form/CustomerFormPage'), 'CustomerFormPage');
export const AuditLogPage = page(() => import('../pages/audit/AuditLogPage'), 'AuditLogPage');
export const SettingsPage = page(() => import('../pages/settings/SettingsPage'), 'SettingsPage');
export const BackupPage = page(() => import('../pages/backup/BackupPage'), 'BackupPage');
export const NotFoundPage = page(() => import('../pages/NotFoundPage'), 'NotFoundPage');
export const ArDashboardPage = page(() => import('../pages/receivables/dashboard/ArDashboardPage'), 'ArDashboardPage');
export const ArEntryPage = page(() => import('../pages/receivables/entry/ArEntryPage'), 'ArEntryPage');
export const AgeingPage = page(() => import('../pages/receivables/ageing/AgeingPage'), 'AgeingPage');
export const StatementsPage = page(() => import('../pages/statements'), 'StatementsPage');
export const BatchStatementsPage = page(() => import('../pages/statements'), 'BatchStatementsPage');
export const ConfirmationsPage = page(() => import('../pages/statements'), 'ConfirmationsPage');
export const AnalysisPage = page(() => {
  startAnalysisRequests(); // its data beside its chunk (pages/analysis/early-requests.ts)
  return import('../pages/analysis/AnalysisPage');
}, 'AnalysisPage');
export const CreditOverviewPage = page(() => import('../pages/credit/CreditOverviewPage'), 'CreditOverviewPage');
export const CreditSettingsPage = page(
  () => import('../pages/credit/settings/CreditSettingsPage'),
  'CreditSettingsPage',
);
export const CalendarPage = page(() => import('../pages/collections'), 'CalendarPage');
export const WorklistPage = page(() => import('../pages/collections'), 'WorklistPage');
export const DunningPage = page(() => import('../pages/collections'), 'DunningPage');
export const RunsPage = page(() => import('../pages/collections'), 'RunsPage');
export const RunPage = page(() => import('../pages/collections'), 'RunPage');
export const PromisesPage = page(() => import('../pages/collections'), 'PromisesPage');
export const ComplaintsPage = page(() => import('../pages/complaints'), 'ComplaintsPage');
export const VisitPlanPage = page(() => import('../pages/visits/VisitPlanPage'), 'VisitPlanPage');
export const WelcomePage = lazy(async () => {
  const [{ WelcomePage: Page }] = await Promise.all([
    import('../pages/welcome/WelcomePage'),
    import('../pages/welcome/i18n'),
  ]);
  return { default: Page };
});

/** While a page's chunk loads: a spinner in the content area (the menu and header stay). */
export function PageSuspense({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="full-center" style={{ minHeight: 240 }}>
          <Spin size="large" />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}
