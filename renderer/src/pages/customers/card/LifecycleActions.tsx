// Lifecycle actions per state: prospect → approve opening review; active → suspend / terminate;
// suspended → resume / terminate. Each move asks for a reason (or the approval form).
import { CheckCircleOutlined, PauseCircleOutlined, PlayCircleOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '@shared/types';
import { call } from '../../../api/client';
import { errorText } from '../../../format/errors';
import { qk, useAppInfo } from '../../../hooks/queries';

type Move = 'suspended' | 'active' | 'terminated';

export function LifecycleActions({ c }: { c: Customer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const info = useAppInfo();
  const [move, setMove] = useState<Move | null>(null);
  const [approving, setApproving] = useState(false);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const [approveForm] = Form.useForm<{ approvedBy: string; requestedBy?: string; note?: string }>();

  const done = async () => {
    await qc.invalidateQueries({ queryKey: qk.customers });
    void message.success(t('card.lifecycleChanged'));
  };
  const setLifecycle = useMutation({
    mutationFn: (v: { to: Move; reason: string }) => call('customers:set-lifecycle', { id: c.id, ...v }),
    onSuccess: async () => {
      setMove(null);
      reasonForm.resetFields();
      await done();
    },
  });
  const approve = useMutation({
    mutationFn: (v: { approvedBy: string; requestedBy?: string; note?: string }) =>
      call('customers:approve-opening', {
        id: c.id,
        approvedBy: v.approvedBy,
        ...(v.requestedBy?.trim() ? { requestedBy: v.requestedBy.trim() } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: async () => {
      setApproving(false);
      approveForm.resetFields();
      await done();
    },
  });

  const required = [{ required: true, whitespace: true, message: t('validation.required') }];

  return (
    <Space wrap>
      {c.lifecycle === 'prospect' && (
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          onClick={() => setApproving(true)}
          data-testid="approve-opening"
        >
          {t('card.approve')}
        </Button>
      )}
      {c.lifecycle === 'active' && (
        <Button icon={<PauseCircleOutlined />} onClick={() => setMove('suspended')} data-testid="suspend">
          {t('card.suspend')}
        </Button>
      )}
      {c.lifecycle === 'suspended' && (
        <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setMove('active')} data-testid="resume">
          {t('card.resume')}
        </Button>
      )}
      {(c.lifecycle === 'active' || c.lifecycle === 'suspended') && (
        <Button danger icon={<StopOutlined />} onClick={() => setMove('terminated')} data-testid="terminate">
          {t('card.terminate')}
        </Button>
      )}

      <Modal
        open={move !== null}
        title={move ? t(`card.reasonTitle.${move}`) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: move === 'terminated', loading: setLifecycle.isPending }}
        onOk={() =>
          void reasonForm
            .validateFields()
            .then((v) => move && setLifecycle.mutate({ to: move, reason: v.reason.trim() }))
        }
        onCancel={() => {
          setMove(null);
          setLifecycle.reset();
        }}
        destroyOnHidden
      >
        {move === 'terminated' && (
          <Alert type="warning" showIcon title={t('card.terminateWarning')} style={{ marginBottom: 12 }} />
        )}
        <Form form={reasonForm} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('card.reason')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} autoFocus data-testid="lifecycle-reason" />
          </Form.Item>
        </Form>
        {setLifecycle.isError && <Alert type="error" title={errorText(t, setLifecycle.error)} />}
      </Modal>

      <Modal
        open={approving}
        title={t('card.approveTitle')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: approve.isPending }}
        onOk={() => void approveForm.validateFields().then((v) => approve.mutate(v))}
        onCancel={() => {
          setApproving(false);
          approve.reset();
        }}
        destroyOnHidden
      >
        <p>{t('card.approveText')}</p>
        <Form
          form={approveForm}
          layout="vertical"
          preserve={false}
          initialValues={{ requestedBy: info.data?.currentOperator?.name ?? '' }}
        >
          <Form.Item name="approvedBy" label={t('card.approvedBy')} rules={required}>
            <Input maxLength={40} autoFocus data-testid="approved-by" />
          </Form.Item>
          <Form.Item name="requestedBy" label={t('card.requestedBy')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="note" label={t('card.note')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
          </Form.Item>
        </Form>
        {approve.isError && <Alert type="error" title={errorText(t, approve.error)} />}
      </Modal>
    </Space>
  );
}
