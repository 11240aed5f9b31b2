// Route #/customers/:id — the customer card: header, lifecycle actions, the five cards,
// contacts and history.
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Spin, Tabs, Typography } from 'antd';
import { CustomerLedgerTab } from '../../receivables';
import { CustomerStatementsTab } from '../../statements';
import { CustomerComplaintsTab } from '../../complaints';
import { CustomerCollectionsTab } from '../../collections';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ConfidentialityText, LifecycleTag } from '../../../components/Tags';
import { errorText } from '../../../format/errors';
import { money } from '../../../format/money';
import { useCustomer, useRegions } from '../../../hooks/queries';
import { AddressCard, BasicCard, ContactsTable, GradeCard, ManagementCard } from './CardSections';
import { HistoryTab } from './HistoryTab';
import '../../analysis/i18n';
import { CustomerOverviewTab } from '../../analysis/CustomerOverviewTab';
import { CreditTab } from '../../credit/CreditTab';
import { CardWarningSigns } from '../../credit/CardWarningSigns';
import { ServiceTab } from '../service/ServiceTab';
import { SERVICE_NS } from '../service/i18n';
import { LifecycleActions } from './LifecycleActions';
import { EvaluationTab } from '../evaluation/EvaluationTab';
import { CustomerVisitsTab } from '../../visits/CustomerVisitsTab';

export function CustomerCardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const customer = useCustomer(id);
  const regions = useRegions();
  const [search] = useSearchParams();
  const [tab, setTab] = useState(search.get('tab') ?? 'overview'); // ?tab=credit from the customer form's limit link

  if (customer.isPending) return <Spin style={{ margin: 48 }} />;
  if (customer.isError) {
    return (
      <div className="page">
        <Alert type="error" showIcon title={t('card.notFound')} description={errorText(t, customer.error)} />
        <div>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/customers')}>
            {t('common.back')}
          </Button>
        </div>
      </div>
    );
  }
  const c = customer.data;

  return (
    <div className="page" data-testid="customer-card" data-code={c.code}>
      <div className="page-title-row">
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('/customers')}
          aria-label={t('common.back')}
        />
        <Typography.Text className="code card-code">{c.code}</Typography.Text>
        <h1 data-testid="customer-name">{c.name}</h1>
        <LifecycleTag value={c.lifecycle} />
        <ConfidentialityText value={c.confidentiality} />
        <div className="spacer" />
        <LifecycleActions c={c} />
        {!c.readOnly && (
          <Button
            icon={<EditOutlined />}
            onClick={() => navigate(`/customers/${c.id}/edit`)}
            data-testid="edit-customer"
          >
            {t('common.edit')}
          </Button>
        )}
      </div>
      {c.readOnly && (
        <Alert type="warning" showIcon title={t('card.terminatedBanner')} data-testid="terminated-banner" />
      )}
      <CardWarningSigns customerId={c.id} />
      <div className="kpis">
        <Kpi
          label={t('card.valueTier')}
          value={c.valueTier ?? '—'}
          testid="value-tier"
          sub={c.valueTier && c.valueTierOn ? t('card.tierOn', { ns: 'analysis', date: c.valueTierOn }) : undefined}
        />
        <Kpi label={t('card.creditRating')} value={c.creditRating ?? '—'} testid="credit-rating" />
        <Kpi label={t('field.creditLimit')} value={money(c.creditLimit)} num />
        <Kpi label={t('field.paymentTermsDays')} value={String(c.paymentTermsDays)} num />
        <Kpi label={t('field.prospectGrade')} value={c.prospectGrade ?? '—'} />
      </div>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          className="card-tabs"
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'overview',
              label: t('overview.tab', { ns: 'analysis' }),
              children: <CustomerOverviewTab customerId={c.id} />,
            },
            { key: 'basic', label: t('card.tabs.basic'), children: <BasicCard c={c} /> },
            { key: 'management', label: t('card.tabs.management'), children: <ManagementCard c={c} /> },
            {
              key: 'address',
              label: t('card.tabs.address'),
              children: <AddressCard c={c} regions={regions.data ?? []} />,
            },
            { key: 'grade', label: t('card.tabs.grade'), children: <GradeCard c={c} /> },
            { key: 'complaints', label: t('card.tabs.complaints'), children: <CustomerComplaintsTab customer={c} /> },
            { key: 'receivables', label: t('nav.receivables'), children: <CustomerLedgerTab customerId={c.id} /> },
            {
              key: 'statements',
              label: t('nav.statements'),
              children: <CustomerStatementsTab customerId={c.id} confidentiality={c.confidentiality} />,
            },
            {
              key: 'collections',
              label: t('card.tabs.collections'),
              children: <CustomerCollectionsTab customer={{ id: c.id, code: c.code, name: c.name }} />,
            },
            {
              key: 'contacts',
              label: `${t('card.tabs.contacts')} (${c.contacts.length})`,
              children: <ContactsTable c={c} />,
            },
            {
              key: 'credit',
              label: t('card.tabs.credit'),
              children: <CreditTab customerId={c.id} readOnly={c.readOnly} />,
            },
            {
              key: 'service',
              label: t('tab', { ns: SERVICE_NS }),
              children: <ServiceTab customerId={c.id} readOnly={c.readOnly} />,
            },
            { key: 'visits', label: t('card.tab', { ns: 'visits' }), children: <CustomerVisitsTab customer={c} /> },
            {
              key: 'evaluation',
              label: t('evaluation.tab', { ns: 'visits' }),
              children: <EvaluationTab customer={c} />,
            },
            { key: 'history', label: t('card.tabs.history'), children: <HistoryTab customerId={c.id} /> },
          ]}
        />
      </Card>
    </div>
  );
}

function Kpi({
  label,
  value,
  num,
  testid,
  sub,
}: {
  label: string;
  value: string;
  num?: boolean;
  testid?: string;
  sub?: string;
}) {
  return (
    <div className="kpi">
      <div className="kpi-label">{label}</div>
      <div
        className={`kpi-value${num ? ' num' : ''}`}
        style={num ? { textAlign: 'left' } : undefined}
        data-testid={testid}
      >
        {value}
      </div>
      {sub && (
        <div className="kpi-label" style={{ fontSize: 11 }}>
          {sub}
        </div>
      )}
    </div>
  );
}
