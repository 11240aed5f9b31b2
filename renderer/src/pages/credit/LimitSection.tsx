// Credit-limit worksheet (the five SPEC §4 methods side by side) and the decision form
// (method, amount, effective date, reason, a credit manager's approval); decision history.
import { Button, Card, Form, Input, Select, Statistic, Table, Typography } from 'antd';
import { DatePicker } from '../../components/TypedDatePicker';
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { money, moneyText, parseMoneyText } from '../../format/money';
import { parseHundredths } from '@shared/money';
import type { CreditProfileOut, LimitMethod, WorksheetInputsIn, WorksheetOut } from '@shared/types-credit';
import { DATE_FORMAT, iso } from '../receivables/entry/fields';
import { ApprovalFields } from './ApprovalFields';
import { applyServerErrors } from './FormErrors';
import { CREDIT_NS } from './i18n';
import { useCreditWrite } from './useCreditProfile';

const METHODS: {
  key: keyof WorksheetInputsIn;
  method: LimitMethod;
  fields: { name: string; kind: 'money' | 'count' | 'pct' | 'months' }[];
}[] = [
  {
    key: 'sales',
    method: 'sales',
    fields: [
      { name: 'monthlyPurchases', kind: 'money' },
      { name: 'supplyShareBp', kind: 'pct' },
      { name: 'creditPeriodMonths', kind: 'months' },
    ],
  },
  {
    key: 'workingCapital',
    method: 'working_capital',
    fields: [
      { name: 'workingCapital', kind: 'money' },
      { name: 'suppliers', kind: 'count' },
    ],
  },
  {
    key: 'currentRatio',
    method: 'current_ratio',
    fields: [
      { name: 'currentAssets', kind: 'money' },
      { name: 'currentLiabilities', kind: 'money' },
      { name: 'baseLimit', kind: 'money' },
    ],
  },
  {
    key: 'netAsset',
    method: 'net_asset',
    fields: [
      { name: 'totalAssets', kind: 'money' },
      { name: 'totalLiabilities', kind: 'money' },
      { name: 'suppliers', kind: 'count' },
    ],
  },
  { key: 'judgement', method: 'judgement', fields: [{ name: 'amount', kind: 'money' }] },
];

const LABEL: Record<string, string> = { supplyShareBp: 'supplyShare', amount: 'judged' };

/** Form text → worksheet figures; a method is included when any of its figures is filled in. */
function toInputs(v: Record<string, Record<string, string | undefined> | undefined>): {
  inputs: WorksheetInputsIn;
  bad: string[];
} {
  const inputs: Record<string, Record<string, unknown>> = {};
  const bad: string[] = [];
  for (const m of METHODS) {
    const vals = v[m.key] ?? {};
    if (!m.fields.some((f) => (vals[f.name] ?? '').trim() !== '')) continue;
    const out: Record<string, unknown> = {};
    for (const f of m.fields) {
      const text = (vals[f.name] ?? '').trim();
      if (f.kind === 'months') out[f.name] = text || '0';
      else if (f.kind === 'money') {
        const p = parseMoneyText(text);
        if (!p.ok) bad.push(`${m.key}.${f.name}`);
        out[f.name] = p.ok ? (p.fen ?? 0) : 0;
      } else {
        try {
          out[f.name] = f.kind === 'pct' ? parseHundredths(text || '0') : Number(text || '0');
        } catch {
          bad.push(`${m.key}.${f.name}`);
        }
      }
    }
    inputs[m.key] = out;
  }
  return { inputs: inputs as WorksheetInputsIn, bad };
}

export function LimitSection({
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
  const [ws] = Form.useForm();
  const [dec] = Form.useForm();
  const [result, setResult] = useState<WorksheetOut | null>(null);
  const [sheet, setSheet] = useState<WorksheetInputsIn | undefined>(undefined);
  const compute = useMutation({ mutationFn: (i: WorksheetInputsIn) => call('credit:worksheet', i) });
  const decide = useCreditWrite('credit:decide-limit', customerId, () =>
    dec.resetFields(['reason', 'approverName', 'approverPassword']),
  );

  const runWorksheet = () => {
    const { inputs, bad } = toInputs(ws.getFieldsValue(true));
    ws.setFields(
      METHODS.flatMap((m) =>
        m.fields.map((f) => ({
          name: [m.key, f.name],
          errors: bad.includes(`${m.key}.${f.name}`) ? [tg('validation.invalid_number')] : [],
        })),
      ),
    );
    if (bad.length) return;
    compute.mutate(inputs, {
      onSuccess: (r) => {
        setResult(r);
        setSheet(inputs);
        ws.setFields(
          r.issues.map((i) => ({ name: i.field.split('.'), errors: [tg(`validation.${i.key}`, i.values)] })),
        );
      },
    });
  };

  return (
    <Card size="small" title={t('tab.worksheet')} data-testid="credit-worksheet">
      {!readOnly && (
        <>
          <Form form={ws} layout="vertical" requiredMark={false}>
            {/* the five methods side by side (wrapping on narrow windows) */}
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(190px, 1fr))', gap: 12 }}>
              {METHODS.map((m) => (
                <div key={m.key}>
                  <Card size="small" type="inner" title={t(`methods.${m.method}`)} style={{ height: '100%' }}>
                    {m.fields.map((f) => (
                      <Form.Item
                        key={f.name}
                        name={[m.key, f.name]}
                        label={t(`ws.${LABEL[f.name] ?? f.name}`)}
                        style={{ marginBottom: 8 }}
                      >
                        <Input
                          className={f.kind === 'money' ? 'num' : undefined}
                          autoComplete="off"
                          data-testid={`ws-${m.key}-${f.name}`}
                        />
                      </Form.Item>
                    ))}
                    <Statistic
                      title={t('ws.result')}
                      value={result?.limits[m.method] == null ? '—' : money(result.limits[m.method])}
                      valueStyle={{ fontSize: 16 }}
                    />
                  </Card>
                </div>
              ))}
            </div>
            <Button
              onClick={runWorksheet}
              loading={compute.isPending}
              style={{ marginTop: 8 }}
              data-testid="ws-compute"
            >
              {t('tab.compute')}
            </Button>
          </Form>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('tab.decision')}
          </Typography.Title>
          <Form
            form={dec}
            layout="vertical"
            requiredMark={false}
            initialValues={{ method: 'judgement', effectiveDate: dayjs() }}
            onFinish={(v) => {
              const p = parseMoneyText(v.amount);
              if (!p.ok || p.fen === null) {
                dec.setFields([{ name: 'amount', errors: [tg('validation.invalid_money')] }]);
                return;
              }
              decide.mutate(
                {
                  customerId,
                  amount: p.fen,
                  method: v.method,
                  effectiveDate: iso(v.effectiveDate) ?? '',
                  reason: v.reason ?? '',
                  worksheet: sheet,
                  approval: { name: (v.approverName ?? '').trim(), password: v.approverPassword ?? '' },
                },
                {
                  onError: (e) =>
                    applyServerErrors(dec, tg, e, (f) =>
                      ['amount', 'effectiveDate', 'reason'].includes(f) ? [f] : null,
                    ),
                },
              );
            }}
          >
            <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
              <Form.Item name="method" label={t('tab.method')}>
                <Select
                  style={{ width: 180 }}
                  onChange={(m: LimitMethod) => {
                    const v = result?.limits[m];
                    if (v != null) dec.setFieldValue('amount', moneyText(v));
                  }}
                  options={METHODS.map((m) => ({ value: m.method, label: t(`methods.${m.method}`) }))}
                />
              </Form.Item>
              <Form.Item name="amount" label={t('tab.amount')}>
                <Input className="num" style={{ width: 160 }} data-testid="decision-amount" />
              </Form.Item>
              <Form.Item name="effectiveDate" label={t('tab.effectiveDate')}>
                <DatePicker format={DATE_FORMAT} allowClear={false} />
              </Form.Item>
              <Form.Item name="reason" label={t('tab.reason')} style={{ flex: 1, minWidth: 220 }}>
                <Input maxLength={500} data-testid="decision-reason" />
              </Form.Item>
            </div>
            <ApprovalFields />
            <Button type="primary" htmlType="submit" loading={decide.isPending} data-testid="decision-save">
              {t('tab.decide')}
            </Button>
          </Form>
        </>
      )}
      <Table
        size="small"
        rowKey="id"
        style={{ marginTop: 12 }}
        pagination={false}
        title={() => t('tab.decisionHistory')}
        dataSource={profile.history.decisions}
        locale={{ emptyText: t('tab.empty') }}
        columns={[
          { title: t('tab.effectiveDate'), dataIndex: 'effectiveDate', width: 110 },
          { title: t('tab.amount'), dataIndex: 'amount', width: 140, align: 'right', render: (v: number) => money(v) },
          {
            title: t('tab.method'),
            dataIndex: 'method',
            width: 140,
            render: (m: string) => t(`methods.${m}`, { defaultValue: m }),
          },
          {
            title: t('tab.reason'),
            dataIndex: 'reason',
            ellipsis: true,
            render: (v: string, r: { source: string }) =>
              r.source === 'initial' || r.source === 'migration' ? t(`tab.source.${r.source}`) : v,
          },
          {
            title: t('tab.sourceTitle'),
            dataIndex: 'source',
            width: 100,
            render: (s: string) => t(`tab.source.${s}`, { defaultValue: s }),
          },
          { title: t('tab.decidedBy'), dataIndex: 'decidedBy', width: 90 },
          { title: t('tab.approvedBy'), dataIndex: 'approvedBy', width: 90 },
        ]}
      />
    </Card>
  );
}
