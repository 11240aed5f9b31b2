// Boot: app info → (operator gate) → shell with routes.
import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { AppShell } from './components/AppShell';
import { useAppInfo } from './hooks/queries';
import { applyLang, currentLang } from './i18n';
// shown only in some starts: their own chunks
import { LoadFailed, OperatorGate, ReadOnlyOffer } from './routes/lazy-gates';
import { readOnlyOfferFile } from '@shared/book-offer';
import { ApiError } from './api/client';
// pages load on first visit (routes/lazy-pages.tsx)
import {
  AgeingPage,
  ArDashboardPage,
  ArEntryPage,
  AuditLogPage,
  BackupPage,
  BatchStatementsPage,
  ConfirmationsPage,
  CustomerCardPage,
  CustomerFormPage,
  CustomerListPage,
  NotFoundPage,
  PageSuspense,
  SettingsPage,
  StatementsPage,
  WelcomePage,
  AnalysisPage,
  CreditOverviewPage,
  CreditSettingsPage,
  CalendarPage,
  VisitPlanPage,
  DunningPage,
  RunsPage,
  RunPage,
  PromisesPage,
  WorklistPage,
  ComplaintsPage,
} from './routes/lazy-pages';

export function Root() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const [switching, setSwitching] = useState(false);
  const localeApplied = useRef(false);

  // The saved language (app state) wins once at start; afterwards the header switch decides.
  useEffect(() => {
    if (info.data && !localeApplied.current) {
      localeApplied.current = true;
      if (info.data.locale !== currentLang()) void applyLang(info.data.locale);
    }
  }, [info.data]);

  if (info.isPending) {
    return (
      <div className="full-center">
        <Spin size="large" description={t('app.loading')} />
      </div>
    );
  }
  if (info.isError && info.error instanceof ApiError && readOnlyOfferFile(info.error)) {
    return <ReadOnlyOffer error={info.error} />;
  }
  if (info.isError) {
    return <LoadFailed error={info.error} onRetry={() => void info.refetch()} />;
  }
  const data = info.data;
  if (switching || (data.needsLogin && !data.currentOperator)) {
    return (
      <OperatorGate
        info={data}
        onDone={() => setSwitching(false)}
        onCancel={data.currentOperator ? () => setSwitching(false) : undefined}
      />
    );
  }
  return (
    <AppShell info={data} onSwitchOperator={() => setSwitching(true)}>
      <PageSuspense>
        <Routes>
          <Route path="/" element={<Navigate to={data.book.customers === 0 ? '/welcome' : '/customers'} replace />} />
          <Route path="/welcome" element={<WelcomePage info={data} />} />
          <Route path="/customers" element={<CustomerListPage />} />
          <Route path="/customers/new" element={<CustomerFormPage />} />
          <Route path="/customers/:id" element={<CustomerCardPage />} />
          <Route path="/customers/:id/edit" element={<CustomerFormPage />} />
          <Route path="/receivables" element={<ArDashboardPage />} />
          <Route path="/receivables/entry" element={<ArEntryPage />} />
          <Route path="/receivables/ageing" element={<AgeingPage />} />
          <Route path="/statements" element={<div className="page">{<StatementsPage />}</div>} />
          <Route path="/statements/batch" element={<div className="page">{<BatchStatementsPage />}</div>} />
          <Route path="/statements/confirmations" element={<div className="page">{<ConfirmationsPage />}</div>} />
          <Route path="/analysis" element={<AnalysisPage />} />
          <Route path="/credit" element={<CreditOverviewPage />} />
          <Route path="/credit/settings" element={<CreditSettingsPage />} />
          <Route path="/collections/calendar" element={<CalendarPage />} />
          <Route path="/collections/today" element={<WorklistPage />} />
          <Route path="/collections/dunning" element={<DunningPage />} />
          <Route path="/collections/runs" element={<RunsPage />} />
          <Route path="/collections/runs/:id" element={<RunPage />} />
          <Route path="/collections/promises" element={<PromisesPage />} />
          <Route path="/complaints" element={<ComplaintsPage />} />
          <Route path="/visits" element={<VisitPlanPage />} />
          <Route path="/audit" element={<AuditLogPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/backup" element={<div className="page">{<BackupPage />}</div>} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </PageSuspense>
    </AppShell>
  );
}
