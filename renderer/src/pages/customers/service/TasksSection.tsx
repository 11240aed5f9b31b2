// After-sales follow-up tasks on the card: the list (open first, overdue in red), a form for a
// new task with its due date, and marking a task done (with a date and result) or open again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceTask } from '@shared/types-service';
import { call } from '../../../api/client';
import { DatePicker } from '../../../components/TypedDatePicker';
import { errorText } from '../../../format/errors';
import { invalidateService, showServerErrors } from './common';
import { SERVICE_NS } from './i18n';

interface NewTask {
  title: string;
  dueOn: Dayjs;
  assignee?: string;
  note?: string;
}

export function TasksSection({
  customerId,
  tasks,
  today,
  readOnly,
}: {
  customerId: number;
  tasks: ServiceTask[];
  today: string;
  readOnly: boolean;
}) {
  const { t } = useTranslation(SERVICE_NS);
  const { t: tg } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewTask>();
  const [doneTask, setDoneTask] = useState<ServiceTask | null>(null);
  const [doneForm] = Form.useForm<{ doneOn: Dayjs; result?: string }>();
  const create = useMutation({
    mutationFn: (v: NewTask) =>
      call('service:create-task', {
        customerId,
        title: v.title ?? '',
        dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : '',
        assignee: v.assignee || undefined,
        note: v.note || undefined,
      }),
    onSuccess: () => {
      void message.success(t('tasks.saved'));
      setOpen(false);
      form.resetFields();
      invalidateService(qc, customerId);
    },
    onError: (e) => {
      const left = showServerErrors(form, tg, e);
      if (left) void message.error(left);
    },
  });
  const done = useMutation({
    mutationFn: (v: { task: ServiceTask; doneOn: string | null; result?: string }) =>
      call('service:complete-task', {
        id: v.task.id,
        version: v.task.version,
        doneOn: v.doneOn,
        result: v.result || undefined,
      }),
    onSuccess: () => {
      setDoneTask(null);
      doneForm.resetFields();
      invalidateService(qc, customerId);
    },
    onError: (e) => void message.error(errorText(tg, e)),
  });
  return (
    <Card
      size="small"
      title={t('tasks.title')}
      extra={
        !readOnly && (
          <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="service-task-new">
            {t('tasks.new')}
          </Button>
        )
      }
    >
      <Table<ServiceTask>
        size="small"
        rowKey="id"
        dataSource={tasks}
        pagination={tasks.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: t('tasks.empty') }}
        data-testid="service-tasks"
        columns={[
          { title: t('tasks.dueOn'), dataIndex: 'dueOn', width: 110 },
          { title: t('tasks.taskTitle'), dataIndex: 'title', ellipsis: true },
          { title: t('tasks.assignee'), dataIndex: 'assignee', width: 100, render: (v: string | null) => v ?? '—' },
          {
            title: t('tasks.status'),
            width: 150,
            render: (_, r) =>
              r.doneOn ? (
                <Tag color="green">{t('tasks.done', { on: r.doneOn })}</Tag>
              ) : r.overdue ? (
                <Tag color="red">{t('tasks.overdue')}</Tag>
              ) : (
                <Tag color="blue">{t('tasks.open')}</Tag>
              ),
          },
          { title: t('tasks.result'), dataIndex: 'result', ellipsis: true, render: (v: string | null) => v ?? '' },
          ...(readOnly
            ? []
            : [
                {
                  title: '',
                  width: 100,
                  render: (_: unknown, r: ServiceTask) =>
                    r.doneOn ? (
                      <Button size="small" onClick={() => done.mutate({ task: r, doneOn: null })}>
                        {t('tasks.reopen')}
                      </Button>
                    ) : (
                      <Button size="small" onClick={() => setDoneTask(r)} data-testid={`service-task-done-${r.id}`}>
                        {t('tasks.markDone')}
                      </Button>
                    ),
                },
              ]),
        ]}
      />
      <Modal
        open={open}
        title={t('tasks.new')}
        onCancel={() => setOpen(false)}
        onOk={() => create.mutate(form.getFieldsValue())}
        confirmLoading={create.isPending}
        okButtonProps={{ ...({ 'data-testid': 'service-task-save' } as object) }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ dueOn: dayjs(today).add(7, 'day') }}>
          <Form.Item name="title" label={t('tasks.taskTitle')} required>
            <Input maxLength={100} data-testid="service-task-title" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="dueOn" label={t('tasks.dueOn')} required>
              <DatePicker allowClear={false} data-testid="service-task-due" />
            </Form.Item>
            <Form.Item name="assignee" label={t('tasks.assignee')}>
              <Input maxLength={40} />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t('tasks.note')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={doneTask !== null}
        title={doneTask?.title}
        onCancel={() => setDoneTask(null)}
        onOk={() => {
          const v = doneForm.getFieldsValue();
          if (doneTask)
            done.mutate({ task: doneTask, doneOn: (v.doneOn ?? dayjs(today)).format('YYYY-MM-DD'), result: v.result });
        }}
        confirmLoading={done.isPending}
        okButtonProps={{ ...({ 'data-testid': 'service-task-done-save' } as object) }}
        destroyOnHidden
      >
        <Form form={doneForm} layout="vertical" initialValues={{ doneOn: dayjs(today) }}>
          <Form.Item name="doneOn" label={t('tasks.doneOn')}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="result" label={t('tasks.result')}>
            <Input.TextArea maxLength={500} rows={2} data-testid="service-task-result" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
