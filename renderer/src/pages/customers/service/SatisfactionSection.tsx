// Satisfaction records on the card (survey score 1–5, date, channel, note): the form to add one,
// the same form prefilled to edit one, and deleting one after a confirmation.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Rate, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SURVEY_CHANNELS, type SatisfactionRecord, type SurveyChannel } from '@shared/types-service';
import { call } from '../../../api/client';
import { DatePicker } from '../../../components/TypedDatePicker';
import { errorText } from '../../../format/errors';
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
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  // null: closed; 'new': adding; a record: editing it
  const [editing, setEditing] = useState<SatisfactionRecord | 'new' | null>(null);
  const [form] = Form.useForm<NewScore>();
  const add = useMutation({
    mutationFn: (v: NewScore) => {
      const fields = {
        surveyedOn: v.surveyedOn ? v.surveyedOn.format('YYYY-MM-DD') : '',
        score: v.score ?? 0,
        channel: v.channel,
        note: v.note || undefined,
      };
      return editing && editing !== 'new'
        ? call('service:update-satisfaction', { id: editing.id, ...fields })
        : call('service:add-satisfaction', { customerId, ...fields });
    },
    onSuccess: () => {
      void message.success(t(editing === 'new' ? 'satisfaction.saved' : 'satisfaction.updated'));
      setEditing(null);
      form.resetFields();
      invalidateService(qc, customerId);
    },
    onError: (e) => {
      const left = showServerErrors(form, tg, e);
      if (left) void message.error(left);
    },
  });
  const remove = useMutation({
    mutationFn: (r: SatisfactionRecord) => call('service:delete-satisfaction', { id: r.id }),
    onSuccess: () => {
      void message.success(t('satisfaction.deleted'));
      invalidateService(qc, customerId);
    },
    onError: (e) => void message.error(errorText(tg, e)),
  });
  const confirmDelete = (r: SatisfactionRecord) =>
    modal.confirm({
      title: t('satisfaction.deleteTitle'),
      content: t('satisfaction.deleteConfirm', {
        date: r.surveyedOn,
        score: r.score,
        channel: t(`satisfaction.channels.${r.channel}`),
      }),
      okText: t('satisfaction.delete'),
      okButtonProps: { danger: true, ...({ 'data-testid': 'service-score-delete-ok' } as object) },
      cancelText: tg('common.cancel'),
      onOk: () => remove.mutateAsync(r),
    });
  // set the values outright: the form store outlives the modal, and what it kept from the last
  // opening would win over initialValues
  const openForm = (r: SatisfactionRecord | 'new') => {
    setEditing(r);
    form.setFieldsValue(
      r === 'new'
        ? { surveyedOn: dayjs(today), score: undefined, channel: 'phone', note: undefined }
        : { surveyedOn: dayjs(r.surveyedOn), score: r.score, channel: r.channel, note: r.note ?? undefined },
    );
  };
  return (
    <Card
      size="small"
      title={t('satisfaction.title')}
      extra={
        !readOnly && (
          <Button size="small" type="primary" onClick={() => openForm('new')} data-testid="service-score-new">
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
          ...(readOnly
            ? []
            : [
                {
                  title: t('satisfaction.actions'),
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, r: SatisfactionRecord) => (
                    <Space size={0}>
                      <Button
                        size="small"
                        type="link"
                        onClick={() => openForm(r)}
                        data-testid={`service-score-edit-${r.id}`}
                      >
                        {t('satisfaction.edit')}
                      </Button>
                      <Button
                        size="small"
                        type="link"
                        danger
                        onClick={() => confirmDelete(r)}
                        data-testid={`service-score-delete-${r.id}`}
                      >
                        {t('satisfaction.delete')}
                      </Button>
                    </Space>
                  ),
                },
              ]),
        ]}
      />
      <Modal
        open={editing !== null}
        title={t(editing === 'new' ? 'satisfaction.new' : 'satisfaction.editTitle')}
        onCancel={() => setEditing(null)}
        onOk={() => add.mutate(form.getFieldsValue())}
        confirmLoading={add.isPending}
        okButtonProps={{ ...({ 'data-testid': 'service-score-save' } as object) }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
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
