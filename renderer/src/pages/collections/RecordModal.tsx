// 催款记录 form (with an optional promise to pay): date, contact, channel, method, tactic,
// outcome, delay side and reason, next step and date. Main validates; per-field messages come
// back as i18n keys and are shown under the fields in the page's language.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { DatePicker } from '../../components/TypedDatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client';
import { issueText } from '../../format/errors';
import { parseMoneyText } from '../../format/money';
import {
  COLLECTION_CHANNELS,
  COLLECTION_METHODS,
  COLLECTION_TACTICS,
  DELAY_SIDES,
  NEXT_STEPS,
} from '@shared/types-collections';
import { qkCollections, useCt } from './common';

interface Values {
  date: Dayjs;
  contactName?: string;
  channel: string;
  method?: string;
  tactic?: string;
  outcome?: string;
  delaySide?: string;
  delayReason?: string;
  nextStep?: string;
  nextDate?: Dayjs;
  promisedOn?: Dayjs;
  amount?: string;
  promisedBy?: string;
  form?: 'written' | 'verbal';
}

export function RecordModal({
  customer,
  open,
  onClose,
  defaultDate,
}: {
  customer: { id: number; code: string; name: string } | null;
  open: boolean;
  onClose: () => void;
  defaultDate?: string;
}) {
  const t = useCt();
  const { t: tApp } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [withPromise, setWithPromise] = useState(false);
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const amount = parseMoneyText(v.amount);
      if (withPromise && (!amount.ok || amount.fen === null)) {
        throw new ApiError({
          code: 'VALIDATION',
          message: 'invalid_money',
          field: 'promise.amount',
          rows: [{ row: 0, field: 'promise.amount', message: amount.ok ? 'required' : 'invalid_money' }],
        });
      }
      const d = (x?: Dayjs) => (x ? x.format('YYYY-MM-DD') : null);
      return call('collections:record-create', {
        customerId: customer!.id,
        date: v.date.format('YYYY-MM-DD'),
        contactName: v.contactName || null,
        channel: v.channel as never,
        method: (v.method ?? null) as never,
        tactic: (v.tactic ?? null) as never,
        outcome: v.outcome || null,
        delaySide: (v.delaySide ?? null) as never,
        delayReason: v.delayReason || null,
        nextStep: (v.nextStep ?? null) as never,
        nextDate: d(v.nextDate),
        promise: withPromise
          ? {
              promisedOn: d(v.promisedOn) ?? '',
              amount: amount.ok ? (amount.fen ?? 0) : 0,
              promisedBy: v.promisedBy || null,
              form: v.form ?? 'verbal',
            }
          : null,
      });
    },
    onSuccess: () => {
      message.success(t('record.saved'));
      void qc.invalidateQueries({ queryKey: qkCollections });
      form.resetFields();
      setWithPromise(false);
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.rows?.length) {
        const map: Record<string, keyof Values> = {
          'promise.promisedOn': 'promisedOn',
          'promise.amount': 'amount',
          'promise.promisedBy': 'promisedBy',
        };
        form.setFields(
          e.rows.map((r) => ({
            name: (map[r.field] ?? r.field) as keyof Values,
            errors: [issueText(tApp, r.message, r.values)],
          })),
        );
      } else message.error(e instanceof Error ? e.message : String(e));
    },
  });
  const opts = (keys: readonly string[], ns: string) => keys.map((k) => ({ value: k, label: t(`${ns}.${k}`) }));
  return (
    <Modal
      open={open}
      title={`${t('record.title')} · ${customer?.code ?? ''} ${customer?.name ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={720}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'record-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs(defaultDate), channel: 'call', form: 'verbal' }}
        onFinish={(v) => save.mutate(v)}
        data-testid="record-form"
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 12 }}>
          <Form.Item name="date" label={t('record.date')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="channel" label={t('record.channel')} rules={[{ required: true }]}>
            <Select options={opts(COLLECTION_CHANNELS, 'channels')} data-testid="record-channel" />
          </Form.Item>
          <Form.Item name="contactName" label={t('record.contact')}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="method" label={t('record.method')}>
            <Select allowClear options={opts(COLLECTION_METHODS, 'methods')} />
          </Form.Item>
          <Form.Item name="tactic" label={t('record.tactic')}>
            <Select allowClear options={opts(COLLECTION_TACTICS, 'tactics')} />
          </Form.Item>
          <Form.Item name="delaySide" label={t('record.delaySide')}>
            <Select allowClear options={opts(DELAY_SIDES, 'sides')} />
          </Form.Item>
        </div>
        <Form.Item name="outcome" label={t('record.outcome')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="record-outcome" />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 12 }}>
          <Form.Item name="delayReason" label={t('record.delayReason')}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="nextStep" label={t('record.nextStep')}>
            <Select allowClear options={opts(NEXT_STEPS, 'channels')} />
          </Form.Item>
          <Form.Item name="nextDate" label={t('record.nextDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Checkbox
          checked={withPromise}
          onChange={(e) => setWithPromise(e.target.checked)}
          data-testid="record-with-promise"
        >
          {t('record.withPromise')}
        </Checkbox>
        {withPromise && (
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr 1fr', columnGap: 12, marginTop: 12 }}>
            <Form.Item
              name="promisedOn"
              label={t('record.promisedOn')}
              rules={[{ required: true, message: tApp('validation.required') }]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="promise-date" />
            </Form.Item>
            <Form.Item
              name="amount"
              label={t('record.amount')}
              rules={[{ required: true, message: tApp('validation.required') }]}
            >
              <Input style={{ textAlign: 'right' }} data-testid="promise-amount" />
            </Form.Item>
            <Form.Item name="promisedBy" label={t('record.promisedBy')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="form" label={t('record.form')}>
              <Radio.Group
                options={[
                  { value: 'written', label: t('record.forms.written') },
                  { value: 'verbal', label: t('record.forms.verbal') },
                ]}
              />
            </Form.Item>
          </div>
        )}
      </Form>
    </Modal>
  );
}
