// For the Settings page: accounting standard, the provision matrix (issue-date buckets by their
// upper day limits, a rate each: percent in the form, basis points in the contract), cost of
// capital, credit policy, ageing bucket sets.
import { DeleteOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatBp, parseHundredths } from '@shared/money';
import { Alert, App, Button, Checkbox, Divider, Form, InputNumber, Radio, Space, Spin, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgeingPreset, ReceivablesSettings } from '@shared/types-receivables';
import { call } from '../../../api/client';
import { bucketsFromEdges } from '../../../reports/ageing-series';
import { arErrorText, arKeys, bucketLabel, invalidateAr, presetLabel } from '../common';
import { PresetModal } from '../ageing/PresetModal';
import { matrixErrors, ProvisionMatrix, type MatrixErrors, type ProvisionRow } from './ProvisionMatrix';
import { useFormLanguage } from '../../../hooks/useFormLanguage';

interface FormValues {
  accountingStandard: ReceivablesSettings['accountingStandard'];
  provision: ProvisionRow[];
  costOfCapital: string | null;
  overLimit: 'warn' | 'block';
  nearLimit: string | null;
  onHold: 'warn' | 'block';
  maxOverdueDays: number | null;
  overdue: 'warn' | 'block';
  noLimit: 'ok' | 'warn' | 'block';
  zeroLimitMeansNone: boolean;
}

// Percent inputs work on decimal text (InputNumber stringMode), read exactly into basis points.
const toBp = (pct: string | number | null | undefined): number =>
  pct === null || pct === undefined || pct === '' ? 0 : parseHundredths(pct);
const toPct = (bp: number): string => formatBp(bp);

function toForm(s: ReceivablesSettings): FormValues {
  return {
    accountingStandard: s.accountingStandard,
    provision: s.provisionBuckets.map((b) => ({ to: b.to, rate: toPct(s.provisionRatesBp[b.key] ?? 0) })),
    costOfCapital: toPct(s.costOfCapitalBp),
    overLimit: s.creditPolicy.overLimit,
    nearLimit: s.creditPolicy.nearLimitBp === null ? null : toPct(s.creditPolicy.nearLimitBp),
    onHold: s.creditPolicy.onHold,
    maxOverdueDays: s.creditPolicy.maxOverdueDays,
    overdue: s.creditPolicy.overdue,
    noLimit: s.creditPolicy.noLimit,
    zeroLimitMeansNone: s.zeroLimitMeansNone,
  };
}

export function ArSettingsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  useFormLanguage(form);
  const settings = useQuery({ queryKey: arKeys.settings, queryFn: () => call('receivables:settings', {}) });
  const standard = Form.useWatch('accountingStandard', form);
  const [rowErrors, setRowErrors] = useState<MatrixErrors>({});
  const bucketsOf = (v: FormValues) =>
    bucketsFromEdges(
      v.provision.map((r) => r.to ?? null),
      settings.data?.provisionBuckets ?? [],
    );

  useEffect(() => {
    if (settings.data) form.setFieldsValue(toForm(settings.data));
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const buckets = bucketsOf(v);
      return call('receivables:update-settings', {
        accountingStandard: v.accountingStandard,
        provisionBuckets: buckets,
        provisionRatesBp: Object.fromEntries(buckets.map((b, i) => [b.key, toBp(v.provision[i].rate)])),
        costOfCapitalBp: toBp(v.costOfCapital),
        creditPolicy: {
          overLimit: v.overLimit,
          nearLimitBp: v.nearLimit === null || v.nearLimit === undefined ? null : toBp(v.nearLimit),
          onHold: v.onHold,
          maxOverdueDays: v.maxOverdueDays ?? null,
          overdue: v.overdue,
          noLimit: v.noLimit,
        },
        zeroLimitMeansNone: v.zeroLimitMeansNone,
      });
    },
    onSuccess: (s) => {
      qc.setQueryData(arKeys.settings, s);
      invalidateAr(qc);
      void message.success(t('ar.settings.saved'));
    },
    onError: (e, v) => {
      // a bucket's problems go under its row; anything else is a message
      const rows = matrixErrors(t, e, bucketsOf(v));
      if (rows) setRowErrors(rows);
      else void message.error(arErrorText(t, e));
    },
  });

  if (settings.isPending) return <Spin />;
  if (settings.isError) return <Alert type="error" title={arErrorText(t, settings.error)} />;
  const s = settings.data;
  const sev = (withOk: boolean) =>
    [...(withOk ? (['ok'] as const) : []), 'warn' as const, 'block' as const].map((v) => ({
      value: v,
      label: t(`ar.settings.severity.${v}`),
    }));

  return (
    <div data-testid="ar-settings">
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ flex: '220px' }}
        labelWrap
        requiredMark={false}
        initialValues={toForm(s)}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={(changed: Partial<FormValues>) => {
          if (changed.provision) setRowErrors({});
        }}
        style={{ maxWidth: 900 }}
      >
        <Form.Item name="accountingStandard" label={t('ar.settings.standard')}>
          <Radio.Group>
            <Space direction="vertical" size={4}>
              <Radio value="small_enterprise">{t('ar.settings.standards.small_enterprise')}</Radio>
              <Radio value="enterprise">{t('ar.settings.standards.enterprise')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('ar.settings.provisionRates')}>
          <ProvisionMatrix saved={s.provisionBuckets} errors={rowErrors} dim={standard === 'small_enterprise'} />
        </Form.Item>
        <Form.Item
          name="costOfCapital"
          label={t('ar.settings.costOfCapital')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber
            stringMode
            min={0}
            max={100}
            step={0.25}
            precision={2}
            suffix="%"
            style={{ width: 130 }}
            className="num"
            data-testid="ar-cost-of-capital"
          />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('ar.settings.creditPolicy')}
        </Divider>
        <Form.Item name="overLimit" label={t('ar.settings.overLimit')}>
          <Radio.Group options={sev(false)} optionType="button" />
        </Form.Item>
        <Form.Item name="nearLimit" label={t('ar.settings.nearLimit')}>
          <InputNumber
            stringMode
            min={0}
            max={100}
            precision={0}
            suffix="%"
            placeholder={t('ar.settings.off')}
            style={{ width: 130 }}
          />
        </Form.Item>
        <Form.Item name="onHold" label={t('ar.settings.onHold')}>
          <Radio.Group options={sev(false)} optionType="button" />
        </Form.Item>
        <Form.Item label={t('ar.settings.maxOverdueDays')}>
          <Space>
            <Form.Item name="maxOverdueDays" noStyle>
              <InputNumber
                min={0}
                max={3650}
                precision={0}
                placeholder={t('ar.settings.off')}
                style={{ width: 110 }}
                suffix={t('ar.settings.days')}
              />
            </Form.Item>
            <Form.Item name="overdue" noStyle>
              <Radio.Group options={sev(false)} optionType="button" />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="noLimit" label={t('ar.settings.noLimit')}>
          <Radio.Group options={sev(true)} optionType="button" />
        </Form.Item>
        <Form.Item name="zeroLimitMeansNone" valuePropName="checked" label=" " colon={false}>
          <Checkbox>{t('ar.settings.zeroLimitMeansNone')}</Checkbox>
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="ar-settings-save">
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
      <Divider titlePlacement="start" plain>
        {t('ar.settings.bucketSets')}
      </Divider>
      <BucketSets />
    </div>
  );
}

function BucketSets() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const presets = useQuery({ queryKey: arKeys.presets, queryFn: () => call('ageing:presets', {}) });
  const [adding, setAdding] = useState(false);
  const run = useMutation({
    mutationFn: (v: { op: 'default' | 'delete'; p: AgeingPreset }) =>
      v.op === 'delete'
        ? call('ageing:delete-preset', { name: v.p.name })
        : call('ageing:save-preset', { name: v.p.name, basis: v.p.basis, buckets: v.p.buckets, isDefault: true }),
    onSuccess: (l) => qc.setQueryData(arKeys.presets, l),
    onError: (e) => void message.error(arErrorText(t, e)),
  });
  const first = presets.data?.find((p) => p.basis === 'due');
  return (
    <>
      <Table<AgeingPreset>
        size="small"
        rowKey="name"
        loading={presets.isPending}
        dataSource={presets.data ?? []}
        pagination={false}
        data-testid="ar-bucket-sets"
        columns={[
          {
            title: t('ar.ageing.presetName'),
            dataIndex: 'name',
            render: (_n: string, p) => (
              <Space size={4}>
                {presetLabel(t, p)}
                {p.isDefault && <Tag color="blue">{t('ar.ageing.defaultTag')}</Tag>}
                {p.builtIn && <Tag>{t('ar.ageing.builtIn')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('ar.ageing.basis'),
            dataIndex: 'basis',
            width: 120,
            render: (b: 'due' | 'issue') => t(`ar.ageing.basisShort.${b}`),
          },
          {
            title: t('ar.settings.preview'),
            key: 'b',
            render: (_: unknown, p) => p.buckets.map((b) => bucketLabel(t, b)).join(' · '),
          },
          {
            title: t('common.actions'),
            key: 'a',
            width: 150,
            render: (_: unknown, p) =>
              p.builtIn ? null : (
                <Space size={0}>
                  {!p.isDefault && (
                    <Button
                      size="small"
                      type="link"
                      icon={<StarOutlined />}
                      onClick={() => run.mutate({ op: 'default', p })}
                    >
                      {t('ar.ageing.makeDefault')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    type="link"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('ar.ageing.deletePreset')}
                    onClick={() =>
                      modal.confirm({
                        title: t('ar.ageing.deleteConfirm', { name: p.name }),
                        okButtonProps: { danger: true },
                        onOk: () => run.mutateAsync({ op: 'delete', p }),
                      })
                    }
                  />
                </Space>
              ),
          },
        ]}
      />
      <Button
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() => setAdding(true)}
        disabled={!first}
        data-testid="ar-add-bucket-set"
      >
        {t('ar.settings.addPreset')}
      </Button>
      {adding && first && (
        <PresetModal
          initial={{ basis: 'due', buckets: first.buckets }}
          onClose={() => setAdding(false)}
          onSaved={() => invalidateAr(qc)}
        />
      )}
    </>
  );
}
