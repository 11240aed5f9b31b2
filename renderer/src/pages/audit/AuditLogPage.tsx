// 审计日志: audit:list with operator / entity / customer / date filters, paged on the server; export.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Table } from 'antd';
import { DatePicker } from '../../components/TypedDatePicker';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/types';
import { call } from '../../api/client';
import { actionLabel, ChangeList } from '../../components/ChangeList';
import { formatMoment } from '../../format/date';
import { errorText } from '../../format/errors';
import { downloadBase64 } from '../../format/files';
import { qk, useOperators } from '../../hooks/queries';
import { useLang } from '../../hooks/useLang';
import { useSensitiveExport, type SensitiveFlags } from '../../components/sensitive-export/useSensitiveExport';

const ENTITIES = [
  'customer',
  'invoice',
  'receipt',
  'allocation',
  'credit_note',
  'write_off',
  'note_receivable',
  'statement_run',
  'statement_confirmation',
  'print',
  'backup',
  'operator',
  'region',
  'settings',
  'export',
  'import',
  'book',
  'demo',
] as const;
const PAGE = 50;

export function AuditLogPage() {
  const { t } = useTranslation();
  const [lang] = useLang();
  const operators = useOperators();
  const [operator, setOperator] = useState<string | undefined>();
  const [entity, setEntity] = useState<string | undefined>();
  const [customerCode, setCustomerCode] = useState('');
  const [exporting, setExporting] = useState(false);
  const sensitive = useSensitiveExport('audit');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const input = {
    ...(operator ? { operator } : {}),
    ...(entity ? { entity } : {}),
    ...(customerCode.trim() ? { customerCode: customerCode.trim() } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    offset: (page - 1) * PAGE,
    limit: PAGE,
  };
  const list = useQuery({
    queryKey: [...qk.audit, input],
    queryFn: () => call('audit:list', input),
    placeholderData: keepPreviousData,
  });
  const resetPage =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <div className="page">
      {/* exports beside the title: the filters keep one line down to 1280 px */}
      <div className="page-title-row">
        <h1>{t('audit.title')}</h1>
        <div className="spacer" />
        <Space size={8}>
          {sensitive.checkbox}
          {(['csv', 'xlsx'] as const).map((format) => (
            <Button
              key={format}
              icon={<DownloadOutlined />}
              loading={exporting}
              data-testid={`audit-export-${format}`}
              onClick={() =>
                sensitive.run(async (flags: SensitiveFlags) => {
                  setExporting(true);
                  try {
                    const { offset: _o, limit: _l, ...filters } = input;
                    const f = await call('audit:export', { ...filters, format, locale: lang, ...flags });
                    downloadBase64(f.fileName, f.mime, f.base64);
                  } finally {
                    setExporting(false);
                  }
                })
              }
            >
              {t(format === 'csv' ? 'audit.exportCsv' : 'audit.exportXlsx')}
            </Button>
          ))}
        </Space>
      </div>
      <Space wrap align="start">
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('audit.allOperators')}
          value={operator}
          onChange={resetPage(setOperator)}
          options={(operators.data ?? []).map((o) => ({ value: o.name, label: o.name }))}
          data-testid="audit-operator"
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('audit.allEntities')}
          value={entity}
          onChange={resetPage(setEntity)}
          options={ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
          data-testid="audit-entity"
        />
        <Input
          allowClear
          style={{ width: 180 }}
          placeholder={t('audit.customerCode')}
          value={customerCode}
          onChange={(e) => {
            setCustomerCode(e.target.value);
            setPage(1);
          }}
          data-testid="audit-customer"
        />
        <DatePicker.RangePicker value={range} onChange={resetPage(setRange)} allowEmpty={[true, true]} />
      </Space>
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      <Table<AuditEntry>
        data-testid="audit-table"
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.rows ?? []}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { n: n.toLocaleString('en-US') }),
          onChange: setPage,
        }}
        columns={[
          {
            title: t('history.at'),
            dataIndex: 'at',
            width: 180,
            render: (at: string) => <span className="num">{formatMoment(at, lang)}</span>,
          },
          {
            title: t('history.operator'),
            dataIndex: 'operatorName',
            width: 120,
            render: (n: string | null) => n ?? t('history.systemOperator'),
          },
          {
            title: t('history.entity'),
            dataIndex: 'entity',
            width: 100,
            render: (e: string) => t(`audit.entities.${e}`, { defaultValue: e }),
          },
          {
            title: t('history.entityId'),
            dataIndex: 'entityId',
            width: 110,
            // an export's id names what was exported ('ageing', 'customers'): shown in words
            render: (v: string | null, e) =>
              e.entity === 'export' && v ? (
                t(`audit.exportKinds.${v}`, { defaultValue: v })
              ) : (
                <span className="code">{v ?? '—'}</span>
              ),
          },
          { title: t('history.action'), dataIndex: 'action', width: 150, render: (a: string) => actionLabel(t, a) },
          { title: t('history.changes'), key: 'changes', render: (_: unknown, e) => <ChangeList entry={e} /> },
        ]}
      />
    </div>
  );
}
