// 6C rating (scores, approval, history) and credit class / reports (incl. emergency reports).
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Table } from 'antd';
import { DatePicker } from '../../components/TypedDatePicker';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { CreditProfileOut, SixCKey } from '@shared/types-credit';
import { SIX_C_LABELS_BI } from '@shared/credit-labels';
import { currentLang } from '../../i18n';
import { DATE_FORMAT, iso } from '../receivables/entry/fields';
import { ApprovalFields } from './ApprovalFields';
import { applyServerErrors } from './FormErrors';
import { CREDIT_NS } from './i18n';
import { useCreditWrite } from './useCreditProfile';

const SIX: SixCKey[] = ['character', 'capacity', 'capital', 'collateral', 'conditions', 'continuity'];
interface P {
  customerId: number;
  profile: CreditProfileOut;
  readOnly: boolean;
}

export function RatingSection({ customerId, profile, readOnly }: P) {
  const { t } = useTranslation(CREDIT_NS);
  const { t: tg } = useTranslation();
  const [form] = Form.useForm();
  const lang = currentLang() === 'en' ? 'en' : 'zh';
  const rate = useCreditWrite('credit:rate', customerId, () => form.resetFields());
  const submit = (v: Record<string, unknown>) =>
    rate.mutate(
      {
        customerId,
        ratedOn: iso(v.ratedOn as dayjs.Dayjs) ?? '',
        scores: Object.fromEntries(SIX.map((k) => [k, Number(v[k] ?? NaN)])) as Record<SixCKey, number>,
        note: (v.note as string) || null,
        approval: { name: ((v.approverName as string) ?? '').trim(), password: (v.approverPassword as string) ?? '' },
      },
      {
        onError: (e) =>
          applyServerErrors(form, tg, e, (f) =>
            f.startsWith('scores.') ? [f.slice(7)] : f === 'ratedOn' ? ['ratedOn'] : null,
          ),
      },
    );
  return (
    <Card size="small" title={t('tab.rating')} data-testid="credit-rating">
      {!readOnly && (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ ratedOn: dayjs() }} requiredMark={false}>
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
            {SIX.map((k) => (
              <Form.Item key={k} name={k} label={SIX_C_LABELS_BI[k][lang]} style={{ width: 110 }}>
                <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} data-testid={`score-${k}`} />
              </Form.Item>
            ))}
            <Form.Item name="ratedOn" label={t('col.ratedOn')}>
              <DatePicker format={DATE_FORMAT} allowClear={false} />
            </Form.Item>
            <Form.Item name="note" label={t('tab.note')} style={{ flex: 1, minWidth: 200 }}>
              <Input maxLength={500} />
            </Form.Item>
          </div>
          <ApprovalFields />
          <Button type="primary" htmlType="submit" loading={rate.isPending} data-testid="credit-rate-save">
            {t('tab.rate')}
          </Button>
        </Form>
      )}
      <Table
        size="small"
        rowKey="id"
        style={{ marginTop: 12 }}
        pagination={false}
        dataSource={profile.history.ratings}
        locale={{ emptyText: t('tab.empty') }}
        title={() => t('tab.ratingHistory')}
        columns={[
          { title: t('col.ratedOn'), dataIndex: 'ratedOn', width: 110 },
          { title: t('col.grade'), dataIndex: 'grade', width: 70 },
          {
            title: t('tab.score'),
            dataIndex: 'scoreX100',
            width: 90,
            align: 'right',
            render: (v: number) => (v / 100).toFixed(2),
          },
          ...SIX.map((k) => ({
            title: SIX_C_LABELS_BI[k][lang],
            key: k,
            width: 70,
            align: 'right' as const,
            render: (_: unknown, r: CreditProfileOut['history']['ratings'][number]) => `${r.scores[k]}×${r.weights[k]}`,
          })),
          { title: t('tab.ratedBy'), dataIndex: 'ratedBy', width: 90 },
          { title: t('tab.approvedBy'), dataIndex: 'approvedBy', width: 90 },
          { title: t('tab.note'), dataIndex: 'note', ellipsis: true },
        ]}
      />
    </Card>
  );
}

export function ClassSection({ customerId, profile, readOnly }: P) {
  const { t } = useTranslation(CREDIT_NS);
  const { t: tg } = useTranslation();
  const [classForm] = Form.useForm();
  const [reportForm] = Form.useForm();
  const setClass = useCreditWrite('credit:set-class', customerId);
  const report = useCreditWrite('credit:report', customerId, () => reportForm.resetFields(['findings', 'putOnHold']));
  const kind = Form.useWatch('kind', reportForm);
  return (
    <Card size="small" title={t('tab.classTitle')} data-testid="credit-class">
      {!readOnly && (
        <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }}>
          <Form
            form={classForm}
            layout="inline"
            initialValues={{ creditClass: profile.position.creditClass ?? 'B', setOn: dayjs() }}
            onFinish={(v) =>
              setClass.mutate(
                { customerId, creditClass: v.creditClass, setOn: iso(v.setOn) ?? '', reason: v.reason || null },
                { onError: (e) => applyServerErrors(classForm, tg, e, (f) => [f]) },
              )
            }
          >
            <Form.Item name="creditClass" label={t('col.creditClass')}>
              <Select style={{ width: 80 }} options={['A', 'B', 'C'].map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item name="setOn" label={t('tab.setOn')}>
              <DatePicker format={DATE_FORMAT} allowClear={false} />
            </Form.Item>
            <Form.Item name="reason">
              <Input placeholder={t('tab.reason')} maxLength={500} />
            </Form.Item>
            <Button htmlType="submit" loading={setClass.isPending}>
              {t('tab.setClass')}
            </Button>
          </Form>
          <Form
            form={reportForm}
            layout="vertical"
            style={{ flex: 1, minWidth: 320 }}
            initialValues={{ kind: 'regular', reviewedOn: dayjs() }}
            onFinish={(v) =>
              report.mutate(
                {
                  customerId,
                  reviewedOn: iso(v.reviewedOn) ?? '',
                  kind: v.kind,
                  findings: v.findings ?? '',
                  putOnHold: v.kind === 'emergency' && !!v.putOnHold,
                },
                { onError: (e) => applyServerErrors(reportForm, tg, e, (f) => [f]) },
              )
            }
          >
            <div style={{ display: 'flex', gap: 12 }}>
              <Form.Item name="kind" label={t('tab.report')}>
                <Select
                  style={{ width: 140 }}
                  options={(['regular', 'emergency'] as const).map((k) => ({
                    value: k,
                    label: t(`tab.reportKind.${k}`),
                  }))}
                  data-testid="report-kind"
                />
              </Form.Item>
              <Form.Item name="reviewedOn" label={t('tab.date')}>
                <DatePicker format={DATE_FORMAT} allowClear={false} />
              </Form.Item>
              {kind === 'emergency' && (
                <Form.Item name="putOnHold" valuePropName="checked" label=" ">
                  <Checkbox data-testid="report-hold">{t('tab.putOnHold')}</Checkbox>
                </Form.Item>
              )}
            </div>
            <Form.Item name="findings" label={t('tab.findings')}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="report-findings" />
            </Form.Item>
            <Button
              htmlType="submit"
              loading={report.isPending}
              danger={kind === 'emergency'}
              data-testid="report-save"
            >
              {t('tab.report')}
            </Button>
          </Form>
        </div>
      )}
      <Table
        size="small"
        rowKey="id"
        style={{ marginTop: 12 }}
        pagination={false}
        dataSource={profile.history.reviews}
        locale={{ emptyText: t('tab.empty') }}
        columns={[
          { title: t('tab.date'), dataIndex: 'reviewedOn', width: 110 },
          {
            title: t('tab.report'),
            dataIndex: 'kind',
            width: 110,
            render: (k: 'regular' | 'emergency') => t(`tab.reportKind.${k}`),
          },
          { title: t('tab.findings'), dataIndex: 'findings', ellipsis: true },
          { title: t('tab.onHold'), dataIndex: 'putOnHold', width: 90, render: (v: number) => (v ? '✓' : '') },
          { title: t('tab.by'), dataIndex: 'reviewedBy', width: 90 },
        ]}
      />
    </Card>
  );
}
