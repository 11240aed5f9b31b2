// Satisfaction records on the card (survey score 1–5, date, channel, note) and the form to add one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Rate, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SURVEY_CHANNELS, type SatisfactionRecord, type SurveyChannel } from '@shared/types-service';
import { call } from '../../../api/client';
import { DatePicker } from '../../../components/TypedDatePicker';
import { invalidateService, showServerErrors } from './common';
import { SERVICE_NS } from './i18n';

interface NewScore {
  surveyedOn: Dayjs;
  score: number;
  channel: SurveyChannel;
  note?: string;
}

export function SatisfactionSection({
  customerId,
  records,
  today,
  readOnly,
}: {
  customerId: number;
  records: SatisfactionRecord[];
  today: string;
  readOnly: boolean;
}) {
  const { t } = useTranslation(SERVICE_NS);
  const { t: tg } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewScore>();
  const add = useMutation({
    mutationFn: (v: NewScore) =>
      call('service:add-satisfaction', {
        customerId,
        surveyedOn: v.surveyedOn ? v.surveyedOn.format('YYYY-MM-DD') : '',
        score: v.score ?? 0,
        channel: v.channel,
        note: v.note || undefined,
      }),
    onSuccess: () => {
      void message.success(t('satisfaction.saved'));
      setOpen(false);
      form.resetFields();
      invalidateService(qc, customerId);
    },
    onError: (e) => {
      const left = showServerErrors(form, tg, e);
      if (left) void message.error(left);
    },
  });
  return (
    <Card
      size="small"
      title={t('satisfaction.title')}
      extra={
        !readOnly && (
          <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="service-score-new">
            {t('satisfaction.new')}
          </Button>
        )
      }
    >
      <Table<SatisfactionRecord>
        size="small"
        rowKey="id"
        dataSource={records}
        pagination={records.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: t('satisfaction.empty') }}
        data-testid="service-scores"
        columns={[
          { title: t('satisfaction.surveyedOn'), dataIndex: 'surveyedOn', width: 110 },
          {
            title: t('satisfaction.score'),
            dataIndex: 'score',
            width: 160,
            render: (v: number) => <Rate disabled value={v} style={{ fontSize: 14 }} />,
          },
          {
            title: t('satisfaction.channel'),
            dataIndex: 'channel',
            width: 90,
            render: (v: string) => t(`satisfaction.channels.${v}`),
          },
          { title: t('satisfaction.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '' },
        ]}
      />
      <Modal
        open={open}
        title={t('satisfaction.new')}
        onCancel={() => setOpen(false)}
        onOk={() => add.mutate(form.getFieldsValue())}
        confirmLoading={add.isPending}
        okButtonProps={{ ...({ 'data-testid': 'service-score-save' } as object) }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ surveyedOn: dayjs(today), channel: 'phone' }}>
          <Space wrap>
            <Form.Item name="surveyedOn" label={t('satisfaction.surveyedOn')} required>
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item name="channel" label={t('satisfaction.channel')}>
              <Select
                style={{ width: 120 }}
                options={SURVEY_CHANNELS.map((c) => ({ value: c, label: t(`satisfaction.channels.${c}`) }))}
              />
            </Form.Item>
          </Space>
          <Form.Item name="score" label={t('satisfaction.score')} required>
            <Rate data-testid="service-score-rate" />
          </Form.Item>
          <Form.Item name="note" label={t('satisfaction.note')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
