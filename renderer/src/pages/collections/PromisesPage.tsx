// 付款承诺: record a promise on its own (not from a collection record), import promises from a
// CSV / Excel file (all rows or none; every bad row listed by row and column in the page's
// language), and the promise grace-days / slip follow-up settings. Main validates everything.
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RowError } from '@shared/result';
import { ApiError, call } from '../../api/client';
import { importInput, useImportFileChooser, type ChosenFile } from '../../api/import-file';
import { ImportErrorsModal } from '../../components/ImportErrorsModal';
import { errorText, issueText } from '../../format/errors';
import { money, parseMoneyText } from '../../format/money';
import { CustomerPicker, type PickedCustomer } from '../statements/common';
import { qkCollections, useToday } from './common';
import { promiseProblemText } from './promise-problems';
import { useRt } from './runs-i18n';
import './i18n';

interface PromiseValues {
  madeOn: Dayjs;
  promisedOn?: Dayjs;
  amount?: string;
  promisedBy?: string;
  form: 'written' | 'verbal';
  note?: string;
}

function NewPromiseCard() {
  const t = useRt();
  const { t: tApp } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<PromiseValues>();
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [customerError, setCustomerError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: PromiseValues) => {
      const amount = parseMoneyText(v.amount);
      const rows: RowError[] = [];
      if (!customer) rows.push({ row: 0, field: 'customerId', message: 'required' });
      if (!amount.ok || amount.fen === null)
        rows.push({ row: 0, field: 'amount', message: amount.ok ? 'required' : amount.key });
      if (!v.promisedOn) rows.push({ row: 0, field: 'promisedOn', message: 'required' });
      if (rows.length) throw new ApiError({ code: 'VALIDATION', message: rows[0].message, field: rows[0].field, rows });
      return call('collections:promise-create', {
        customerId: customer!.id,
        madeOn: v.madeOn.format('YYYY-MM-DD'),
        promisedOn: v.promisedOn!.format('YYYY-MM-DD'),
        amount: amount.ok ? amount.fen! : 0,
        promisedBy: v.promisedBy || null,
        form: v.form,
        note: v.note || null,
      });
    },
    onSuccess: () => {
      message.success(t('promises.saved'));
      void qc.invalidateQueries({ queryKey: qkCollections });
      form.resetFields(['promisedOn', 'amount', 'promisedBy', 'note']);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.rows?.length) {
        setCustomerError(null);
        const fields = e.rows.filter((r) => {
          if (r.field !== 'customerId') return true;
          setCustomerError(issueText(tApp, r.message, r.values));
          return false;
        });
        form.setFields(
          fields.map((r) => ({
            name: r.field as keyof PromiseValues,
            errors: [issueText(tApp, r.message, r.values)],
          })),
        );
      } else message.error(errorText(tApp, e));
    },
  });
  return (
    <Card size="small" title={t('promises.newTitle')}>
      <Typography.Paragraph type="secondary">{t('promises.newIntro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ madeOn: dayjs(today), form: 'verbal' }}
        onFinish={(v) => save.mutate(v)}
        data-testid="promise-form"
      >
        <Form.Item
          label={t('promises.customer')}
          required
          validateStatus={customerError ? 'error' : undefined}
          help={customerError ?? undefined}
        >
          <CustomerPicker
            testId="promise-customer"
            value={customer}
            onChange={(c) => {
              setCustomer(c);
              setCustomerError(null);
            }}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="madeOn" label={t('promises.madeOn')} required>
              <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="promise-made-on" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="promisedOn" label={t('promises.promisedOn')} required>
              <DatePicker style={{ width: '100%' }} data-testid="promise-promised-on" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="amount" label={t('promises.amount')} required>
              <Input inputMode="decimal" style={{ textAlign: 'right' }} data-testid="promise-amount" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="promisedBy" label={t('promises.promisedBy')}>
              <Input maxLength={100} data-testid="promise-by" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="form" label={t('promises.form')}>
          <Radio.Group
            options={(['verbal', 'written'] as const).map((f) => ({ value: f, label: t(`promises.forms.${f}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('promises.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="promise-save">
          {t('promises.save')}
        </Button>
      </Form>
    </Card>
  );
}

function ImportCard() {
  const t = useRt();
  const { t: tApp } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [badRows, setBadRows] = useState<RowError[] | null>(null);
  const run = useMutation({
    mutationFn: async (file: ChosenFile) => call('collections:promises-import', await importInput(file)),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: qkCollections });
      modal.success({ title: t('promises.imported', { count: s.imported, amount: money(s.amount) }) });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'VALIDATION' && e.rows?.length) setBadRows(e.rows);
      else void message.error(errorText(tApp, e));
    },
  });
  const chooser = useImportFileChooser((f) => run.mutate(f), 'promises-import-file');
  return (
    <Card size="small" title={t('promises.importTitle')}>
      {chooser.input}
      <Typography.Paragraph type="secondary">{t('promises.importIntro')}</Typography.Paragraph>
      <Button icon={<UploadOutlined />} onClick={chooser.pick} loading={run.isPending} data-testid="promises-import">
        {t('promises.choose')}
      </Button>
      <ImportErrorsModal
        rows={badRows?.map((r) => ({ ...r, message: promiseProblemText(t, r.message) })) ?? null}
        onClose={() => setBadRows(null)}
        title={t('promises.errorsTitle')}
        intro={t('promises.errorsIntro', { count: badRows?.length ?? 0 })}
        labels={{ row: t('promises.row'), field: t('promises.field'), message: t('promises.message') }}
        fieldLabel={(f) => t(`promises.fields.${f}`, { defaultValue: f })}
        testId="promises-import-errors"
      />
    </Card>
  );
}

function SettingsCard() {
  const t = useRt();
  const { t: tApp } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: [...qkCollections, 'settings'], queryFn: () => call('collections:settings', {}) });
  const [form] = Form.useForm<{ promiseGraceDays: number; slipFollowUpDays: number }>();
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: { promiseGraceDays: number; slipFollowUpDays: number }) => call('collections:settings-update', v),
    onSuccess: () => {
      message.success(t('promises.settingsSaved'));
      void qc.invalidateQueries({ queryKey: qkCollections });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.rows?.length)
        form.setFields(
          e.rows.map((r) => ({ name: r.field as 'promiseGraceDays', errors: [issueText(tApp, r.message, r.values)] })),
        );
      else message.error(errorText(tApp, e));
    },
  });
  return (
    <Card size="small" title={t('promises.settingsTitle')}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="promise-settings">
        <Form.Item name="promiseGraceDays" label={t('promises.graceDays')} extra={t('promises.graceHelp')}>
          <InputNumber min={0} max={90} precision={0} data-testid="grace-days" />
        </Form.Item>
        <Form.Item name="slipFollowUpDays" label={t('promises.slipDays')} extra={t('promises.slipHelp')}>
          <InputNumber min={1} max={180} precision={0} />
        </Form.Item>
        <Space orientation="vertical">
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
            {t('promises.saveSettings')}
          </Button>
          <Link to="/collections/dunning">{t('promises.ladderLink')}</Link>
        </Space>
      </Form>
    </Card>
  );
}

export function PromisesPage() {
  const t = useRt();
  return (
    <div className="page" data-testid="promises-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('promises.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <NewPromiseCard />
        </Col>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ImportCard />
            <SettingsCard />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
