// Credit investigations (资信调查, with the four warning-sign checklists), countermeasures (对策)
// and the customer's cash-discount terms (e.g. 2/10 n/30).
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import { DatePicker } from '../../components/TypedDatePicker';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  COUNTERMEASURE_ACTIONS,
  COUNTERMEASURE_STATUSES,
  formatDiscountTerms,
  INVESTIGATION_CHANNELS,
  WARNING_SIGNS,
  warningSignLabel,
} from '@shared/credit-labels';
import type { CreditProfileOut } from '@shared/types-credit';
import { currentLang } from '../../i18n';
import { DATE_FORMAT, iso } from '../receivables/entry/fields';
import { applyServerErrors } from './FormErrors';
import { CREDIT_NS } from './i18n';
import { useCreditWrite } from './useCreditProfile';
import { useInvestigationPrint } from './useInvestigationPrint';
import { PrinterOutlined } from '@ant-design/icons';

export function RecordsSection({
  customerId,
  profile,
  readOnly,
}: {
  customerId: number;
  profile: CreditProfileOut;
  readOnly: boolean;
}) {
  const { t } = useTranslation(CREDIT_NS);
  const { t: tg } = useTranslation();
  const lang = currentLang() === 'en' ? 'en' : 'zh';
  const [inv] = Form.useForm();
  const [cm] = Form.useForm();
  const [terms] = Form.useForm();
  const investigate = useCreditWrite('credit:investigate', customerId, () => inv.resetFields());
  const addCm = useCreditWrite('credit:add-countermeasure', customerId, () => cm.resetFields());
  const updCm = useCreditWrite('credit:update-countermeasure', customerId);
  const setTerms = useCreditWrite('credit:set-terms', customerId);
  const tm = profile.history.terms;
  const printSheet = useInvestigationPrint();
  const channels = Object.entries(INVESTIGATION_CHANNELS).map(([k, v]) => ({ value: k, label: v[lang] }));
  return (
    <>
      <Card size="small" title={t('tab.investigations')} data-testid="credit-investigations">
        {!readOnly && (
          <Form
            form={inv}
            layout="vertical"
            requiredMark={false}
            initialValues={{ date: dayjs(), channel: 'internal' }}
            onFinish={(v) => {
              const signs = Object.keys(WARNING_SIGNS).flatMap((g) =>
                ((v[`signs_${g}`] as string[] | undefined) ?? []).map((k) => `${g}.${k}`),
              );
              investigate.mutate(
                {
                  customerId,
                  date: iso(v.date) ?? '',
                  channel: v.channel,
                  source: v.source || null,
                  findings: v.findings ?? '',
                  attachments: ((v.attachments as string) ?? '')
                    .split('\n')
                    .map((s) => s.trim())
                    .filter(Boolean),
                  warningSigns: signs,
                },
                {
                  onError: (e) =>
                    applyServerErrors(inv, tg, e, (f) => (['date', 'channel', 'findings'].includes(f) ? [f] : null)),
                },
              );
            }}
          >
            <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
              <Form.Item name="date" label={t('tab.date')}>
                <DatePicker format={DATE_FORMAT} allowClear={false} />
              </Form.Item>
              <Form.Item name="channel" label={t('tab.channel')}>
                <Select style={{ width: 260 }} options={channels} popupMatchSelectWidth={false} />
              </Form.Item>
              <Form.Item name="source" label=" " style={{ flex: 1, minWidth: 160 }}>
                <Input maxLength={200} />
              </Form.Item>
            </div>
            <Form.Item name="findings" label={t('tab.findings')}>
              <Input.TextArea rows={2} maxLength={4000} data-testid="inv-findings" />
            </Form.Item>
            <Form.Item name="attachments" label={t('tab.attachments')}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: 8 }}>
              {Object.entries(WARNING_SIGNS).map(([g, group]) => (
                <Form.Item key={g} name={`signs_${g}`} label={group.label[lang]} style={{ marginBottom: 8 }}>
                  <Checkbox.Group
                    options={Object.entries(group.signs).map(([k, l]) => ({ value: k, label: l[lang] }))}
                    style={{ display: 'grid' }}
                  />
                </Form.Item>
              ))}
            </div>
            <Button htmlType="submit" type="primary" loading={investigate.isPending} data-testid="inv-save">
              {t('tab.addInvestigation')}
            </Button>
          </Form>
        )}
        <Table
          size="small"
          rowKey="id"
          style={{ marginTop: 12 }}
          pagination={false}
          dataSource={profile.history.investigations}
          locale={{ emptyText: t('tab.empty') }}
          columns={[
            { title: t('tab.date'), dataIndex: 'date', width: 110 },
            {
              title: t('tab.channel'),
              dataIndex: 'channel',
              width: 150,
              render: (c: keyof typeof INVESTIGATION_CHANNELS) => INVESTIGATION_CHANNELS[c]?.[lang] ?? c,
            },
            { title: t('tab.findings'), dataIndex: 'findings', ellipsis: true },
            {
              title: t('tab.warningSigns'),
              dataIndex: 'warningSigns',
              render: (s: string[]) => s.map((k) => <Tag key={k}>{warningSignLabel(k, lang)}</Tag>),
            },
            { title: t('tab.by'), dataIndex: 'recordedBy', width: 90 },
            {
              title: '',
              key: 'print',
              width: 116,
              render: (_: unknown, r: { id: number }) => (
                <Button
                  size="small"
                  icon={<PrinterOutlined />}
                  onClick={() => void printSheet(r.id)}
                  data-testid={`inv-print-${r.id}`}
                >
                  {t('tab.printSheetShort')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('tab.countermeasures')} data-testid="credit-countermeasures">
        {!readOnly && (
          <Form
            form={cm}
            layout="inline"
            initialValues={{ action: 'guarantor', status: 'planned' }}
            onFinish={(v) =>
              addCm.mutate(
                { customerId, action: v.action, status: v.status, dueDate: iso(v.dueDate), detail: v.detail || null },
                { onError: (e) => applyServerErrors(cm, tg, e, (f) => [f]) },
              )
            }
          >
            <Form.Item name="action" label={t('tab.action')}>
              <Select
                style={{ width: 200 }}
                options={Object.entries(COUNTERMEASURE_ACTIONS).map(([k, v]) => ({ value: k, label: v[lang] }))}
              />
            </Form.Item>
            <Form.Item name="status" label={t('tab.status')}>
              <Select
                style={{ width: 110 }}
                options={Object.entries(COUNTERMEASURE_STATUSES).map(([k, v]) => ({ value: k, label: v[lang] }))}
              />
            </Form.Item>
            <Form.Item name="dueDate" label={t('tab.dueDate')}>
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
            <Form.Item name="detail">
              <Input maxLength={1000} placeholder={t('tab.note')} />
            </Form.Item>
            <Button htmlType="submit" loading={addCm.isPending}>
              {t('tab.addCountermeasure')}
            </Button>
          </Form>
        )}
        <Table
          size="small"
          rowKey="id"
          style={{ marginTop: 12 }}
          pagination={false}
          dataSource={profile.history.countermeasures}
          locale={{ emptyText: t('tab.empty') }}
          columns={[
            {
              title: t('tab.action'),
              dataIndex: 'action',
              width: 200,
              render: (a: keyof typeof COUNTERMEASURE_ACTIONS) => COUNTERMEASURE_ACTIONS[a]?.[lang] ?? a,
            },
            { title: t('tab.note'), dataIndex: 'detail', ellipsis: true },
            { title: t('tab.dueDate'), dataIndex: 'dueDate', width: 110 },
            {
              title: t('tab.status'),
              dataIndex: 'status',
              width: 130,
              render: (s: string, r: { id: number }) =>
                readOnly ? (
                  COUNTERMEASURE_STATUSES[s as keyof typeof COUNTERMEASURE_STATUSES]?.[lang]
                ) : (
                  <Select
                    size="small"
                    value={s}
                    style={{ width: 110 }}
                    onChange={(status) => updCm.mutate({ id: r.id, status })}
                    options={Object.entries(COUNTERMEASURE_STATUSES).map(([k, v]) => ({ value: k, label: v[lang] }))}
                  />
                ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={`${t('tab.terms')}${tm ? ` · ${formatDiscountTerms(tm)}` : ''}`}
        data-testid="credit-terms"
      >
        {!readOnly && (
          <Form
            form={terms}
            layout="inline"
            initialValues={
              tm
                ? { pct: tm.discountBp / 100, discountDays: tm.discountDays, netDays: tm.netDays }
                : { pct: 2, discountDays: 10, netDays: 30 }
            }
            onFinish={(v) =>
              setTerms.mutate(
                {
                  customerId,
                  terms: {
                    discountBp: Math.round(Number(v.pct) * 100),
                    discountDays: Number(v.discountDays),
                    netDays: Number(v.netDays),
                  },
                },
                {
                  onError: (e) =>
                    applyServerErrors(terms, tg, e, (f) => [
                      f === 'terms.discountBp' ? 'pct' : f.replace('terms.', ''),
                    ]),
                },
              )
            }
          >
            <Form.Item name="pct" label={t('tab.discountPct')}>
              <InputNumber min={0} max={100} step={0.5} precision={2} />
            </Form.Item>
            <Form.Item name="discountDays" label={t('tab.discountDays')}>
              <InputNumber min={0} precision={0} />
            </Form.Item>
            <Form.Item name="netDays" label={t('tab.netDays')}>
              <InputNumber min={0} precision={0} />
            </Form.Item>
            <Button htmlType="submit" loading={setTerms.isPending}>
              {t('tab.saveTerms')}
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}
