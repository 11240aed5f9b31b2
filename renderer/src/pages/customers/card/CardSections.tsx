// The five cards of SPEC §1 (basic, management, address, grade, complaint) plus contacts.
import { StarFilled } from '@ant-design/icons';
import { Descriptions, Empty, Table, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROFILE_FIELDS, type ProfileGroup } from '@shared/customer-fields';
import type { Contact, Customer, Region } from '@shared/types';
import { ConfidentialityText, LifecycleTag } from '../../../components/Tags';
import { formatDate, formatMoment } from '../../../format/date';
import { money } from '../../../format/money';
import { useLang } from '../../../hooks/useLang';
import { dash, profileValue } from './values';

type Items = NonNullable<DescriptionsProps['items']>;

function useProfileItems(c: Customer, groups: ProfileGroup[]): Items {
  const { t } = useTranslation();
  const [lang] = useLang();
  return PROFILE_FIELDS.filter((f) => groups.includes(f.group)).map((f) => ({
    key: f.key,
    label: t(`field.${f.key}`),
    span: f.type === 'longtext' ? 'filled' : undefined,
    children: <span className={f.type === 'money' ? 'num' : undefined}>{profileValue(t, lang, c, f.key)}</span>,
  }));
}

const desc = { bordered: true, size: 'small' as const, column: { xs: 1, md: 2, xl: 3 } };

export function BasicCard({ c }: { c: Customer }) {
  const { t } = useTranslation();
  const basic = useProfileItems(c, ['basic']);
  const individual = useProfileItems(c, ['individual']);
  const items: Items = [
    { key: 'code', label: t('field.code'), children: <span className="code">{c.code}</span> },
    { key: 'name', label: t('field.name'), children: c.name },
    { key: 'kind', label: t('field.kind'), children: t(`enums.kind.${c.kind}`) },
    { key: 'nature', label: t('field.nature'), children: t(`enums.nature.${c.nature}`) },
    { key: 'phone', label: t('field.phone'), children: dash(c.phone) },
    { key: 'email', label: t('field.email'), children: dash(c.email) },
    { key: 'address', label: t('field.address'), children: dash(c.address), span: 'filled' },
    ...basic,
    ...(c.kind === 'individual' ? individual : []),
  ];
  return <Descriptions {...desc} items={items} data-testid="card-basic" />;
}

export function ManagementCard({ c }: { c: Customer }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const rest = useProfileItems(c, ['characteristics', 'business', 'trade']);
  const fin: Items = [
    {
      key: 'creditLimit',
      label: t('field.creditLimit'),
      children: <span className="num">{money(c.creditLimit)}</span>,
    },
    {
      key: 'paymentTermsDays',
      label: t('field.paymentTermsDays'),
      children: <span className="num">{c.paymentTermsDays}</span>,
    },
    {
      key: 'registered_capital',
      label: t('field.registered_capital'),
      children: <span className="num">{profileValue(t, lang, c, 'registered_capital')}</span>,
    },
    {
      key: 'total_assets',
      label: t('field.total_assets'),
      children: <span className="num">{profileValue(t, lang, c, 'total_assets')}</span>,
    },
    { key: 'lifecycle', label: t('field.lifecycle'), children: <LifecycleTag value={c.lifecycle} /> },
    {
      key: 'confidentiality',
      label: t('field.confidentiality'),
      children: <ConfidentialityText value={c.confidentiality} />,
    },
    {
      key: 'openingReview',
      label: t('card.openingReview'),
      span: 'filled',
      children: c.openingReview
        ? t('card.openingReviewText', {
            approvedBy: c.openingReview.approvedBy,
            at: formatMoment(c.openingReview.approvedAt, lang),
            requestedBy: c.openingReview.requestedBy ?? '—',
          }) + (c.openingReview.note ? ` — ${c.openingReview.note}` : '')
        : '—',
    },
  ];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="card-management">
      <Descriptions {...desc} title={t('card.financials')} items={fin} />
      <Descriptions {...desc} items={rest} />
    </div>
  );
}

export function AddressCard({ c, regions }: { c: Customer; regions: Region[] }) {
  const { t } = useTranslation();
  const region = regions.find((r) => r.code === c.regionCode);
  const address = useProfileItems(c, ['address']);
  const items: Items = [
    {
      key: 'region',
      label: t('field.regionCode'),
      children: c.regionCode ? `${c.regionCode} ${region?.name ?? ''}` : '—',
    },
    { key: 'routeSeq', label: t('field.routeSeq'), children: dash(c.routeSeq) },
    {
      key: 'service_region',
      label: t('field.service_region'),
      children: dash(c.profile.service_region as string | null),
    },
    { key: 'address', label: t('field.address'), children: dash(c.address), span: 'filled' },
    ...address.map((a) => ({ ...a, span: 'filled' as const })),
  ];
  return <Descriptions {...desc} items={items} data-testid="card-address" />;
}

export function GradeCard({ c }: { c: Customer }) {
  const { t } = useTranslation();
  const items: Items = [
    {
      key: 'valueTier',
      label: t('field.valueTier'),
      children: c.valueTier
        ? `${c.valueTier}（${t('card.tierOn', { ns: 'analysis', date: c.valueTierOn ?? '—' })}）`
        : '—',
    },
    { key: 'creditRating', label: t('field.creditRating'), children: dash(c.creditRating) },
    { key: 'prospectGrade', label: t('field.prospectGrade'), children: dash(c.prospectGrade) },
    { key: 'creditClass', label: t('field.creditClass'), children: dash(c.creditClass) },
  ];
  return <Descriptions {...desc} column={{ xs: 1, md: 2 }} items={items} data-testid="card-grade" />;
}

export function ComplaintCard() {
  const { t } = useTranslation();
  return <Empty style={{ padding: 32 }} description={t('card.noComplaints')} data-testid="card-complaints" />;
}

export function ContactsTable({ c }: { c: Customer }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  return (
    <Table<Contact>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={c.contacts}
      locale={{ emptyText: t('form.noContacts') }}
      scroll={{ x: 1000 }}
      columns={[
        {
          title: t('field.contactName'),
          dataIndex: 'name',
          render: (n: string, r) => (
            <span>
              {n}{' '}
              {r.isKeyPayer && (
                <Tag color="gold" icon={<StarFilled />} data-testid="key-payer">
                  {t('card.keyPayer')}
                </Tag>
              )}
            </span>
          ),
        },
        { title: t('field.title'), dataIndex: 'title', render: dash },
        { title: t('field.phone'), dataIndex: 'phone', render: dash },
        { title: t('field.mobile'), dataIndex: 'mobile', render: dash },
        { title: t('field.email'), dataIndex: 'email', render: dash },
        { title: t('field.wechat'), dataIndex: 'wechat', render: dash },
        { title: t('field.birthday'), dataIndex: 'birthday', render: (d: string | null) => formatDate(d, lang) },
        {
          title: t('field.buyingRole'),
          dataIndex: 'buyingRole',
          render: (r: string | null) => (r ? t(`enums.buyingRole.${r}`) : '—'),
        },
        { title: t('field.notes'), dataIndex: 'notes', render: dash },
      ]}
    />
  );
}
